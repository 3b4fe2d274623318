package sitemap

import (
	"io"
	"testing"
	"time"
)

func BenchmarkWriteEntry(b *testing.B) {
	u := URL{Loc: "https://example.com/search?q=a&page=2", LastMod: time.Unix(1700000000, 0)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := WriteEntry(io.Discard, u); err != nil {
			b.Fatal(err)
		}
	}
}
