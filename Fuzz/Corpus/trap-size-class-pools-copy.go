package slab

import "io"

// Copy copies src to dst through a 32 KiB slab, like io.Copy.
func Copy(dst io.Writer, src io.Reader) (int64, error) {
	bp := Get(32 << 10)
	defer Put(bp)
	return io.CopyBuffer(dst, src, *bp)
}
