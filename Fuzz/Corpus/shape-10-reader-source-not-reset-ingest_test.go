package ingest

import (
	"strings"
	"testing"
)

func BenchmarkReadEvents(b *testing.B) {
	body := strings.Repeat(`{"kind":"login","user":"u_42","at":1700000000}`+"\n", 100)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ReadEvents(strings.NewReader(body)); err != nil {
			b.Fatal(err)
		}
	}
}
