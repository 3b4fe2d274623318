package respond

import (
	"net/http/httptest"
	"testing"
)

func BenchmarkJSONLines(b *testing.B) {
	items := []any{map[string]int{"id": 1}, map[string]int{"id": 2}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := JSONLines(httptest.NewRecorder(), items); err != nil {
			b.Fatal(err)
		}
	}
}
