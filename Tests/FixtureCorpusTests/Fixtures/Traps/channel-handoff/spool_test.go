package spool

import (
	"io"
	"testing"
)

func BenchmarkWrite(b *testing.B) {
	s := New(io.Discard)
	line := []byte("2024-05-01T10:00:00Z GET /health 200\n")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s.Write(line)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
}
