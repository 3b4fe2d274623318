package logline

import (
	"io"
	"testing"
)

func BenchmarkInfo(b *testing.B) {
	l := New(io.Discard)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := l.Info("invoice paid", 42); err != nil {
			b.Fatal(err)
		}
	}
}
