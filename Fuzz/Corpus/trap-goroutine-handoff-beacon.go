// Package beacon reports analytics events without making the caller wait. Each event
// is encoded into a pooled buffer that the sending goroutine gives back.
package beacon

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"sync"
	"time"
)

// maxKeptBody is the largest event body kept for reuse.
const maxKeptBody = 16 << 10

var bodyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putBody(b *bytes.Buffer) {
	if b.Cap() > maxKeptBody {
		return
	}
	bodyPool.Put(b)
}

// Sink delivers one encoded event. It must not keep body after it returns.
type Sink interface {
	Send(ctx context.Context, body []byte) error
}

// Event is one analytics event.
type Event struct {
	Name   string            `json:"name"`
	UserID string            `json:"user_id"`
	Props  map[string]string `json:"props,omitempty"`
}

// Client sends events to a Sink in the background.
type Client struct {
	sink    Sink
	log     *log.Logger
	timeout time.Duration
	wg      sync.WaitGroup
}

// NewClient returns a Client that gives each send up to timeout.
func NewClient(sink Sink, logger *log.Logger, timeout time.Duration) *Client {
	return &Client{sink: sink, log: logger, timeout: timeout}
}

// Track encodes ev and sends it from a new goroutine. The goroutine owns the buffer
// and puts it back when the send is over.
func (c *Client) Track(ev Event) {
	b := bodyPool.Get().(*bytes.Buffer)
	b.Reset()
	if err := json.NewEncoder(b).Encode(ev); err != nil {
		putBody(b)
		c.log.Printf("beacon: encode event %q failed: %v", ev.Name, err)
		return
	}

	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		defer putBody(b)
		ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
		defer cancel()
		if err := c.sink.Send(ctx, b.Bytes()); err != nil {
			c.log.Printf("beacon: send event %q failed: %v", ev.Name, err)
		}
	}()
}

// Wait blocks until every event passed to Track has been sent or has failed.
func (c *Client) Wait() { c.wg.Wait() }
