package checksum

import (
	"context"
	"testing"
)

func BenchmarkSubmit(b *testing.B) {
	p := NewPool(4, 64)
	done := make(chan struct{})
	go func() {
		for range p.Results {
		}
		close(done)
	}()
	job := Job{Name: "photos/2024/0001.jpg", Data: make([]byte, 4096)}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := p.Submit(ctx, job); err != nil {
			b.Fatal(err)
		}
	}
	p.Close()
	<-done
}
