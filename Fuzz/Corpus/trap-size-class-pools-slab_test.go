package slab

import (
	"bytes"
	"io"
	"testing"
)

func BenchmarkCopy(b *testing.B) {
	data := bytes.Repeat([]byte("0123456789abcdef"), 8192)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Copy(io.Discard, bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
