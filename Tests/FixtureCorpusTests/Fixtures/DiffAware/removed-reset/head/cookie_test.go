package cookie

import "testing"

func BenchmarkSession(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Session("sid", "8f14e45fceea167a5a36dedd4bea2543", 3600)
	}
}
