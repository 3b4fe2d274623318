package export

import (
	"io"
	"testing"
	"time"
)

func BenchmarkWriteCSV(b *testing.B) {
	orders := make([]Order, 200)
	for i := range orders {
		orders[i] = Order{ID: "ord_1", Customer: "ACME GmbH", Total: 129900, PlacedAt: time.Unix(1700000000, 0)}
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := WriteCSV(io.Discard, orders); err != nil {
			b.Fatal(err)
		}
	}
}
