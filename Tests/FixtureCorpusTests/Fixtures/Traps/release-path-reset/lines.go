// Package lines formats log lines with buffers that are reset when they go back.
package lines

import (
	"bytes"
	"sync"
)

const maxKept = 16 << 10

var linePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putLine resets b on the way back, so every borrower gets an empty buffer.
func putLine(b *bytes.Buffer) {
	if b.Cap() > maxKept {
		return
	}
	b.Reset()
	linePool.Put(b)
}

// Format joins key=value pairs into one line.
func Format(pairs map[string]string, order []string) string {
	b := linePool.Get().(*bytes.Buffer)
	defer putLine(b)
	for i, key := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(key)
		b.WriteByte('=')
		b.WriteString(pairs[key])
	}
	return b.String()
}
