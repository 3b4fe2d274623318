// Package journal appends double-entry postings to an append-only journal.
package journal

import (
	"bytes"
	"io"
	"strconv"
	"sync"
)

// Posting moves an amount, in minor units, into or out of one account.
type Posting struct {
	Account string
	Amount  int64
	Memo    string
}

// Writer appends entries to a journal. It is not safe for concurrent use.
type Writer struct {
	w io.Writer
}

// NewWriter returns a Writer that appends to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// maxLineBuffer is the largest entry buffer kept for reuse; entries are a few
// hundred bytes, so a larger buffer comes from an unusual batch.
const maxLineBuffer = 32 << 10

var linePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getLine returns an empty buffer; the caller gives it back with putLine.
func getLine() *bytes.Buffer {
	b := linePool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putLine(b *bytes.Buffer) {
	if b.Cap() > maxLineBuffer {
		return
	}
	linePool.Put(b)
}

// Append writes one entry: a tab-separated line per posting, then a blank line. The
// entry reaches w in one Write, so a reader never sees half of it.
func (j *Writer) Append(postings []Posting) error {
	b := getLine()
	for _, p := range postings {
		b.WriteString(p.Account)
		b.WriteByte('\t')
		b.WriteString(strconv.FormatInt(p.Amount, 10))
		b.WriteByte('\t')
		b.WriteString(p.Memo)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	_, err := j.w.Write(b.Bytes())
	putLine(b)
	return err
}
