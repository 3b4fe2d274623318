package broker

import (
	"testing"
	"time"
)

func BenchmarkWaitAck(b *testing.B) {
	acks := make(chan uint64, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		acks <- uint64(i)
		if err := WaitAck(acks, uint64(i), time.Second); err != nil {
			b.Fatal(err)
		}
	}
}
