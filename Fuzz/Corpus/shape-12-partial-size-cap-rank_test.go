package rank

import "testing"

func BenchmarkScore(b *testing.B) {
	doc := "The pool keeps buffers between requests, and the buffers keep their capacity."
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Score("pool buffers", doc)
	}
}
