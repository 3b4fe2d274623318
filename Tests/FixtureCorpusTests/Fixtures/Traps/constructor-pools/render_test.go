package render

import (
	"io"
	"testing"
)

func BenchmarkRender(b *testing.B) {
	r := NewRenderer(map[string]int{"invoice": 4096}, 1024)
	rows := [][2]string{{"customer", "ACME GmbH"}, {"total", "1299.00 EUR"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := r.Render(io.Discard, "invoice", rows); err != nil {
			b.Fatal(err)
		}
	}
}
