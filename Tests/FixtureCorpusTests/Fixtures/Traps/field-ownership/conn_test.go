package batchconn

import (
	"io"
	"testing"
)

func BenchmarkQueueFlush(b *testing.B) {
	c := NewConn(io.Discard)
	line := []byte("SET session:42 active\r\n")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for j := 0; j < 16; j++ {
			c.Queue(line)
		}
		if err := c.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}
