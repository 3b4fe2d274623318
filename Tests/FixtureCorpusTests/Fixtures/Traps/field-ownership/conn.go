// Package batchconn collects small writes to a connection and sends them in one
// write per Flush. The pending buffer belongs to the Conn between Queue and Flush.
package batchconn

import (
	"bytes"
	"io"
	"sync"
)

// maxKeptBatch is the largest batch buffer kept for reuse.
const maxKeptBatch = 128 << 10

var batchPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putBatch(b *bytes.Buffer) {
	if b.Cap() > maxKeptBatch {
		return
	}
	batchPool.Put(b)
}

// Conn batches writes to w. It is not safe for concurrent use.
type Conn struct {
	w       io.Writer
	pending *bytes.Buffer
}

// NewConn returns a Conn that writes to w.
func NewConn(w io.Writer) *Conn { return &Conn{w: w} }

// Queue adds p to the next batch. The first Queue after a Flush borrows a buffer,
// which the Conn keeps until the next Flush.
func (c *Conn) Queue(p []byte) {
	if c.pending == nil {
		b := batchPool.Get().(*bytes.Buffer)
		b.Reset()
		c.pending = b
	}
	c.pending.Write(p)
}

// Flush writes the queued bytes in one Write and gives the buffer back.
func (c *Conn) Flush() error {
	b := c.pending
	if b == nil {
		return nil
	}
	c.pending = nil
	defer putBatch(b)
	_, err := c.w.Write(b.Bytes())
	return err
}
