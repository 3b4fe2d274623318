package journal

import (
	"io"
	"testing"
)

func BenchmarkAppend(b *testing.B) {
	w := NewWriter(io.Discard)
	entry := []Posting{
		{Account: "assets:bank", Amount: -12500, Currency: "EUR", Memo: "rent"},
		{Account: "expenses:rent", Amount: 12500, Currency: "EUR", Memo: "rent"},
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := w.Append(entry); err != nil {
			b.Fatal(err)
		}
	}
}
