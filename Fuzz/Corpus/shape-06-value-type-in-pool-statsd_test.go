package statsd

import "testing"

func BenchmarkLine(b *testing.B) {
	tags := []string{"route:/v1/users", "code:200"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Line("api.requests", 1, Counter, tags)
	}
}
