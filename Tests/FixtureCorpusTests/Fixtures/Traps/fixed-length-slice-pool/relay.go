// Package relay copies uploads to object storage. Its buffers are *[]byte of a fixed
// length that are filled by Read and never appended to, so they cannot grow and need
// no reset and no size limit.
package relay

import (
	"bytes"
	"io"
	"net/http"
	"sync"
)

// sniffLen is how many bytes http.DetectContentType reads.
const sniffLen = 512

var copyBufs = sync.Pool{New: func() any {
	buf := make([]byte, 32<<10)
	return &buf
}}

var sniffBufs = sync.Pool{New: func() any {
	buf := make([]byte, sniffLen)
	return &buf
}}

// Copy copies src to dst through a pooled 32 KiB buffer.
func Copy(dst io.Writer, src io.Reader) (int64, error) {
	bp := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(bp)
	return io.CopyBuffer(dst, src, *bp)
}

// Sniff returns the content type of r and a reader that still yields all of r. The
// sniffed bytes are copied out of the pooled buffer, because the returned reader
// outlives it.
func Sniff(r io.Reader) (string, io.Reader, error) {
	bp := sniffBufs.Get().(*[]byte)
	defer sniffBufs.Put(bp)

	n, err := io.ReadFull(r, *bp)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return "", nil, err
	}
	head := append([]byte(nil), (*bp)[:n]...)
	return http.DetectContentType(head), io.MultiReader(bytes.NewReader(head), r), nil
}
