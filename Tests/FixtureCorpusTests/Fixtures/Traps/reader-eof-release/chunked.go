// Package chunked reads a stream of length-prefixed chunks: a 4-byte big-endian
// length, then that many bytes. A Reader borrows one chunk buffer for its whole life
// and gives it back when the stream ends or the Reader is closed.
package chunked

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

// MaxChunk is the largest chunk a stream may contain.
const MaxChunk = 64 << 10

// chunkPool holds fixed-size buffers. They are never appended to, so they cannot grow.
var chunkPool = sync.Pool{New: func() any {
	buf := make([]byte, MaxChunk)
	return &buf
}}

// ErrChunkTooLarge means a chunk header announced more than MaxChunk bytes.
var ErrChunkTooLarge = errors.New("chunked: chunk is larger than MaxChunk")

// Reader returns the payload bytes of the chunks of a stream, without the headers.
type Reader struct {
	src  io.Reader
	buf  *[]byte // nil once the buffer has gone back to chunkPool
	data []byte  // the unread part of the current chunk, inside *buf
}

// NewReader returns a Reader of src. Close it, or read it to io.EOF, to give its
// buffer back.
func NewReader(src io.Reader) *Reader {
	buf := chunkPool.Get().(*[]byte)
	return &Reader{src: src, buf: buf}
}

func (r *Reader) Read(p []byte) (int, error) {
	for len(r.data) == 0 {
		if r.buf == nil {
			return 0, io.EOF
		}
		n, err := r.nextChunk()
		if err == io.EOF {
			r.release()
			return 0, io.EOF
		}
		if err != nil {
			return 0, err
		}
		r.data = (*r.buf)[:n]
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// nextChunk reads the next chunk into the buffer and returns its length. It returns
// io.EOF only at a chunk boundary.
func (r *Reader) nextChunk() (int, error) {
	var header [4]byte
	if _, err := io.ReadFull(r.src, header[:]); err != nil {
		return 0, err
	}
	n := binary.BigEndian.Uint32(header[:])
	if n > MaxChunk {
		return 0, fmt.Errorf("%w: header says %d bytes", ErrChunkTooLarge, n)
	}
	if _, err := io.ReadFull(r.src, (*r.buf)[:n]); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return 0, err
	}
	return int(n), nil
}

func (r *Reader) release() {
	if r.buf == nil {
		return
	}
	r.data = nil
	chunkPool.Put(r.buf)
	r.buf = nil
}

// Close gives the buffer back. Read returns io.EOF afterwards.
func (r *Reader) Close() error {
	r.release()
	return nil
}
