package typedpool

import "testing"

func BenchmarkJoinKeys(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		JoinKeys("Alpha, beta,beta , gamma,,delta")
	}
}
