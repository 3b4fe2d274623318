package mail

import "testing"

func BenchmarkEncode(b *testing.B) {
	m := Message{To: "ada@example.com", Subject: "Your receipt", Body: "Total: 12.50 EUR\nThank you."}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Encode(m); err != nil {
			b.Fatal(err)
		}
	}
}
