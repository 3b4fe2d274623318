package upstream

import "testing"

func BenchmarkAppendCommand(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = appendCommand(buf[:0], "GET", "session:42")
	}
}
