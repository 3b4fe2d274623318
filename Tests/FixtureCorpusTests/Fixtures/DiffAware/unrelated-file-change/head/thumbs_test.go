package thumbs

import "testing"

func BenchmarkCacheKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		CacheKey("img_7f3a", 320, 240)
	}
}
