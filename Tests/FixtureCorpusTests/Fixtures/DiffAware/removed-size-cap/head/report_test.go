package ledgerreport

import (
	"io"
	"testing"
)

func BenchmarkWrite(b *testing.B) {
	entries := []Entry{{Date: "2024-05-01", Text: "Salary", Amount: 350000}, {Date: "2024-05-02", Text: "Rent", Amount: -120000}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := Write(io.Discard, "DE89 3704 0044 0532 0130 00", entries); err != nil {
			b.Fatal(err)
		}
	}
}
