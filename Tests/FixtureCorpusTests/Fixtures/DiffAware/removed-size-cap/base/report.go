// Package ledgerreport renders account statements as plain text.
package ledgerreport

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// maxKeptStatement is the largest statement buffer kept for reuse. A monthly
// statement is a few KiB; a full-history statement can be many MiB.
const maxKeptStatement = 256 << 10

var statementPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putStatement empties b and pools it, unless a long statement grew it too large.
func putStatement(b *bytes.Buffer) {
	if b.Cap() > maxKeptStatement {
		return
	}
	b.Reset()
	statementPool.Put(b)
}

// Entry is one booking on an account.
type Entry struct {
	Date   string
	Text   string
	Amount int64 // in cents
}

// Write renders the statement of entries to w in one Write.
func Write(w io.Writer, account string, entries []Entry) error {
	b := statementPool.Get().(*bytes.Buffer)
	defer putStatement(b)
	fmt.Fprintf(b, "Statement of account %s\n\n", account)
	var balance int64
	for _, e := range entries {
		balance += e.Amount
		fmt.Fprintf(b, "%s  %-40s %12.2f %12.2f\n", e.Date, e.Text, float64(e.Amount)/100, float64(balance)/100)
	}
	_, err := w.Write(b.Bytes())
	return err
}
