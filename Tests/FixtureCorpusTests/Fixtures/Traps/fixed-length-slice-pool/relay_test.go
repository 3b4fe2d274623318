package relay

import (
	"bytes"
	"io"
	"testing"
)

func BenchmarkSniffAndCopy(b *testing.B) {
	data := bytes.Repeat([]byte("<html><body>report</body></html>\n"), 2048)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, body, err := Sniff(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Copy(io.Discard, body); err != nil {
			b.Fatal(err)
		}
	}
}
