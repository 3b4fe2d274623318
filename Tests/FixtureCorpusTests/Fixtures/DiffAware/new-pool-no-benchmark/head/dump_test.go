package hexview

import (
	"strings"
	"testing"
)

func TestDumpShowsPrintableBytes(t *testing.T) {
	out := Dump([]byte("GET / HTTP/1.1\r\n"))
	if !strings.Contains(out, "GET / HTTP/1.1..") {
		t.Errorf("Dump output lacks the ASCII column:\n%s", out)
	}
}

func BenchmarkDump(b *testing.B) {
	data := []byte(strings.Repeat("payload ", 64))
	for i := 0; i < b.N; i++ {
		Dump(data)
	}
}
