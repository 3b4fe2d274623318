package carbon

import (
	"testing"
	"time"
)

func BenchmarkAppendPoints(b *testing.B) {
	points := []Point{
		{Path: "web.requests.count", Value: 1520, At: time.Unix(1700000000, 0)},
		{Path: "web.latency.p99", Value: 0.183, At: time.Unix(1700000000, 0)},
	}
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = appendPoints(buf[:0], points)
	}
}
