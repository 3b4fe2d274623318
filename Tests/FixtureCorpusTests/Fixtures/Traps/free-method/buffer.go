// Package logline formats structured log lines into buffers that remember their
// pool, so callers release them with Free instead of naming the pool.
package logline

import (
	"strconv"
	"sync"
)

// maxPooledBuffer is the largest buffer that Free keeps. Log lines are short, and a
// line that dumped a large request body should not pin its buffer.
const maxPooledBuffer = 64 << 10

// Buffer is an append-only byte buffer from a Pool.
type Buffer struct {
	bs   []byte
	pool Pool
}

// AppendString appends s.
func (b *Buffer) AppendString(s string) { b.bs = append(b.bs, s...) }

// AppendByte appends c.
func (b *Buffer) AppendByte(c byte) { b.bs = append(b.bs, c) }

// AppendInt appends i in decimal.
func (b *Buffer) AppendInt(i int64) { b.bs = strconv.AppendInt(b.bs, i, 10) }

// Bytes returns the contents. The slice is valid until Free.
func (b *Buffer) Bytes() []byte { return b.bs }

// String returns a copy of the contents.
func (b *Buffer) String() string { return string(b.bs) }

// Reset empties the buffer and keeps its array.
func (b *Buffer) Reset() { b.bs = b.bs[:0] }

// Free returns the buffer to its pool. The caller must not use it afterwards.
func (b *Buffer) Free() {
	if cap(b.bs) > maxPooledBuffer {
		return
	}
	b.pool.put(b)
}

// Pool hands out Buffers. The zero Pool is not usable; call NewPool.
type Pool struct {
	p *sync.Pool
}

// NewPool returns a Pool whose buffers start with 1 KiB of capacity.
func NewPool() Pool {
	return Pool{p: &sync.Pool{New: func() any { return &Buffer{bs: make([]byte, 0, 1024)} }}}
}

// Get returns an empty Buffer that belongs to p.
func (p Pool) Get() *Buffer {
	buf := p.p.Get().(*Buffer)
	buf.Reset()
	buf.pool = p
	return buf
}

func (p Pool) put(buf *Buffer) {
	p.p.Put(buf)
}
