package audit

import (
	"io"
	"testing"
)

func BenchmarkWrite(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Write(io.Discard, "ada", "login")
	}
}
