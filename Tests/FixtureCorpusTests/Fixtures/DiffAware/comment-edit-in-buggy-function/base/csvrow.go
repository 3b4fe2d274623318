// Package csvrow parses the rows of a bank statement export.
package csvrow

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"sync"
)

// maxKept is the largest field buffer kept for reuse.
const maxKept = 4 << 10

var fieldPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putField(b *bytes.Buffer) {
	if b.Cap() > maxKept {
		return
	}
	fieldPool.Put(b)
}

// ErrColumns means a row does not have the three expected columns.
var ErrColumns = errors.New("csvrow: row must have date, amount and memo columns")

// Row is one statement line. Amount is in cents.
type Row struct {
	Date   string
	Amount int64
	Memo   string
}

// Parse parses "date;amount;memo", where amount uses a decimal comma. The error
// return after ParseInt skips putField, an old leak of one buffer per bad row.
func Parse(line string) (Row, error) {
	parts := strings.Split(line, ";")
	if len(parts) != 3 {
		return Row{}, ErrColumns
	}
	b := fieldPool.Get().(*bytes.Buffer)
	b.Reset()
	for _, r := range parts[1] {
		if r != '.' { // thousands separator
			b.WriteRune(r)
		}
	}
	// Amounts such as "-1.234,56" become "-123456" cents.
	digits := strings.Replace(b.String(), ",", "", 1)
	cents, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return Row{}, err
	}
	putField(b)
	return Row{Date: parts[0], Amount: cents, Memo: parts[2]}, nil
}
