package slug

import "testing"

func BenchmarkMake(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Make("Ten Tips for Pooling Buffers in Go (2024 Edition)")
	}
}
