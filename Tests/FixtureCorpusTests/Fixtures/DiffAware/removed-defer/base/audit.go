// Package audit writes audit records.
package audit

import (
	"bytes"
	"io"
	"sync"
)

var recordPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Write writes one audit record to w.
func Write(w io.Writer, actor, action string) error {
	b := recordPool.Get().(*bytes.Buffer)
	defer recordPool.Put(b)
	b.Reset()
	b.WriteString(actor)
	b.WriteByte(' ')
	b.WriteString(action)
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}
