package recipients

import "testing"

func BenchmarkUnique(b *testing.B) {
	addrs := []string{"ada@example.com", "Ada@Example.com", "bob@example.com", " ", "eve@example.com"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Unique(addrs)
	}
}
