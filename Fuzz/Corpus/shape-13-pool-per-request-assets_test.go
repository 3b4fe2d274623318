package assets

import (
	"net/http/httptest"
	"testing"
)

func BenchmarkServeHTTP(b *testing.B) {
	h := newTestHandler()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/app.js", nil))
	}
}
