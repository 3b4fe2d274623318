// Package journal appends double-entry postings to an append-only journal.
package journal

import (
	"bytes"
	"io"
	"strconv"
	"sync"
)

// Posting moves an amount, in minor units of Currency, into or out of one account.
type Posting struct {
	Account  string
	Amount   int64
	Currency string
	Memo     string
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

// minorDigits is the number of minor-unit digits of each supported ISO 4217 currency.
var minorDigits = map[string]int{"EUR": 2, "USD": 2, "JPY": 0, "KWD": 3}

// mustMinorDigits returns the minor-unit digits of currency. Postings are validated
// when they are created, so an unknown code here is a bug, and it panics.
func mustMinorDigits(currency string) int {
	digits, ok := minorDigits[currency]
	if !ok {
		panic("journal: unknown currency " + strconv.Quote(currency))
	}
	return digits
}

// appendDecimal appends amount, in minor units with the given number of digits, as a
// decimal number such as -125.00.
func appendDecimal(dst []byte, amount int64, digits int) []byte {
	if digits == 0 {
		return strconv.AppendInt(dst, amount, 10)
	}
	if amount < 0 {
		dst = append(dst, '-')
		amount = -amount
	}
	unit := int64(1)
	for i := 0; i < digits; i++ {
		unit *= 10
	}
	dst = strconv.AppendInt(dst, amount/unit, 10)
	dst = append(dst, '.')
	fraction := strconv.FormatInt(amount%unit+unit, 10)
	return append(dst, fraction[1:]...)
}

// Append writes one entry: a tab-separated line per posting, then a blank line. The
// entry reaches w in one Write, so a reader never sees half of it.
func (j *Writer) Append(postings []Posting) error {
	var amount []byte
	b := getLine()
	for _, p := range postings {
		amount = appendDecimal(amount[:0], p.Amount, mustMinorDigits(p.Currency))
		b.WriteString(p.Account)
		b.WriteByte('\t')
		b.Write(amount)
		b.WriteByte(' ')
		b.WriteString(p.Currency)
		b.WriteByte('\t')
		b.WriteString(p.Memo)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	_, err := j.w.Write(b.Bytes())
	putLine(b) // want deferred-put
	return err
}
