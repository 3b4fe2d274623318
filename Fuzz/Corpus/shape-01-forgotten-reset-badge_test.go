package badge

import "testing"

func BenchmarkRender(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Render("ada", "admin")
	}
}
