package canon

import "testing"

func BenchmarkSigningBytes(b *testing.B) {
	body := map[string]any{"amount": 1250, "currency": "EUR", "note": "<invoice 7>"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := SigningBytes("POST", "/v1/transfers", body); err != nil {
			b.Fatal(err)
		}
	}
}
