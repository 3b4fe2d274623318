// Package htmlesc escapes text for HTML. Its scratch space is a ByteBuffer from the
// package-level Get and Put, in the style of valyala/bytebufferpool: Put resets the
// buffer and drops it when it grew too large, so callers do neither.
package htmlesc

import "sync"

// maxBufferSize is the largest buffer Put keeps. Escaped fragments are short; a whole
// escaped document is not worth keeping.
const maxBufferSize = 64 << 10

// ByteBuffer is a byte slice that callers append to directly through B.
type ByteBuffer struct {
	B []byte
}

// Reset empties the buffer and keeps its array.
func (b *ByteBuffer) Reset() { b.B = b.B[:0] }

var pool = sync.Pool{New: func() any { return new(ByteBuffer) }}

// Get returns an empty ByteBuffer. Give it back with Put.
func Get() *ByteBuffer {
	return pool.Get().(*ByteBuffer)
}

// Put resets b and keeps it for reuse, unless it is larger than maxBufferSize. b
// must not be used afterwards.
func Put(b *ByteBuffer) {
	if cap(b.B) > maxBufferSize {
		return
	}
	b.Reset()
	pool.Put(b)
}
