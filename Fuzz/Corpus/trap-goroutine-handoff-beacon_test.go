package beacon

import (
	"context"
	"io"
	"log"
	"testing"
	"time"
)

type discardSink struct{}

func (discardSink) Send(context.Context, []byte) error { return nil }

func BenchmarkTrack(b *testing.B) {
	c := NewClient(discardSink{}, log.New(io.Discard, "", 0), time.Second)
	ev := Event{Name: "checkout", UserID: "u_42", Props: map[string]string{"plan": "pro"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Track(ev)
	}
	c.Wait()
}
