package cache

import "testing"

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Key("acme", "report")
	}
}
