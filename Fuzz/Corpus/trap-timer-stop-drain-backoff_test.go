package backoff

import (
	"context"
	"testing"
	"time"
)

func BenchmarkSleep(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := Sleep(ctx, time.Microsecond); err != nil {
			b.Fatal(err)
		}
	}
}
