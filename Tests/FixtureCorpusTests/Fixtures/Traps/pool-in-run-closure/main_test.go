package main

import (
	"bytes"
	"net/http"
	"testing"
)

func BenchmarkWriteHeaders(b *testing.B) {
	h := http.Header{"Accept": {"*/*"}, "User-Agent": {"curl/8.0"}, "X-Request-Id": {"abc123"}}
	var buf bytes.Buffer
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		writeHeaders(&buf, h)
	}
}
