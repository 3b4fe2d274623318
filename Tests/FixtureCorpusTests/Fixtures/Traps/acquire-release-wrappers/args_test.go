package query

import "testing"

func BenchmarkCanonical(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Canonical("page=2&sort=name&filter=a%20b&limit=50"); err != nil {
			b.Fatal(err)
		}
	}
}
