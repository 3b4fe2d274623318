package notify

import (
	"context"
	"io"
	"log"
	"testing"
)

type discardSender struct{}

func (discardSender) Send(context.Context, Notification) error { return nil }

func BenchmarkEnqueue(b *testing.B) {
	d := NewDispatcher(discardSender{}, log.New(io.Discard, "", 0), 4)
	n := Notification{UserID: "u_42", Channel: "email", Text: "Your export is ready."}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d.Enqueue(n)
	}
}
