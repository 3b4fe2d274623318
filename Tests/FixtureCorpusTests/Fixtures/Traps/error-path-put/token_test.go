package token

import "testing"

func BenchmarkSign(b *testing.B) {
	claims := Claims{Subject: "u_42", Audience: "billing", ExpiresAt: 1700003600}
	key := []byte("0123456789abcdef0123456789abcdef")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Sign(claims, key); err != nil {
			b.Fatal(err)
		}
	}
}
