package export

import "testing"

func BenchmarkEncode(b *testing.B) {
	spans := []Span{
		{TraceID: "4bf92f3577b34da6", Name: "GET /orders", Duration: 1830},
		{TraceID: "4bf92f3577b34da6", Name: "SELECT orders", Duration: 920},
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Encode(spans); err != nil {
			b.Fatal(err)
		}
	}
}
