package csvrow

import "testing"

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("2024-05-02;-1.234,56;RENT MAY"); err != nil {
			b.Fatal(err)
		}
	}
}
