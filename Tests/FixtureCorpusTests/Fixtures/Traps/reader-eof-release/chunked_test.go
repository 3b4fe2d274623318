package chunked

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"
)

func BenchmarkRead(b *testing.B) {
	var stream bytes.Buffer
	chunk := bytes.Repeat([]byte("x"), 4096)
	for i := 0; i < 8; i++ {
		var header [4]byte
		binary.BigEndian.PutUint32(header[:], uint32(len(chunk)))
		stream.Write(header[:])
		stream.Write(chunk)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := io.Copy(io.Discard, NewReader(bytes.NewReader(stream.Bytes()))); err != nil {
			b.Fatal(err)
		}
	}
}
