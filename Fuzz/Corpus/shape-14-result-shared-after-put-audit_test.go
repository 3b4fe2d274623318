package audit

import (
	"testing"
	"time"
)

func BenchmarkFormat(b *testing.B) {
	ev := Event{At: time.Unix(1700000000, 0), Actor: "ada", Action: "delete", Target: "invoice/7", Status: 204}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Format(ev)
	}
}
