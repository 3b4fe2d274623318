package htmlesc

import (
	"io"
	"testing"
)

func BenchmarkWriteLink(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := WriteLink(io.Discard, "/search?q=a&b", `Tom & Jerry's "best"`); err != nil {
			b.Fatal(err)
		}
	}
}
