package jitter

import (
	"testing"
	"time"
)

func BenchmarkDelay(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Delay(200*time.Millisecond, 0.2)
	}
}
