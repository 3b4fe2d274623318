package lines

import "testing"

func BenchmarkFormat(b *testing.B) {
	b.ReportAllocs()
	pairs := map[string]string{"level": "info", "msg": "started"}
	for i := 0; i < b.N; i++ {
		Format(pairs, []string{"level", "msg"})
	}
}
