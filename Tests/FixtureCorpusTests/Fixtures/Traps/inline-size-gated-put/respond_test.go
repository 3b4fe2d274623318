package apiresp

import (
	"net/http/httptest"
	"testing"
)

func BenchmarkJSON(b *testing.B) {
	v := map[string]any{"id": 42, "name": "ada", "roles": []string{"admin"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		JSON(httptest.NewRecorder(), 200, v)
	}
}
