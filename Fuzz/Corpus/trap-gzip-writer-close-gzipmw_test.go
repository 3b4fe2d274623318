package gzipmw

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func BenchmarkHandler(b *testing.B) {
	body := strings.Repeat("hello, gzip\n", 200)
	h := Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(body))
	}))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", "gzip, deflate")
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
}
