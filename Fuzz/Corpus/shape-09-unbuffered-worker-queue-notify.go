// Package notify delivers user notifications through a pluggable sender, such as an
// email or push gateway.
package notify

import (
	"context"
	"log"
)

// Notification is one message to one user over one channel ("email", "push", "sms").
type Notification struct {
	UserID  string
	Channel string
	Text    string
}

// Sender delivers a notification through an external gateway.
type Sender interface {
	Send(ctx context.Context, n Notification) error
}

// Dispatcher delivers notifications in the background with a fixed number of
// workers, so request handlers do not wait for slow gateways.
type Dispatcher struct {
	sender Sender
	log    *log.Logger
	queue  chan Notification
}

// NewDispatcher starts workers goroutines that deliver with sender and log failures
// to logger.
func NewDispatcher(sender Sender, logger *log.Logger, workers int) *Dispatcher {
	d := &Dispatcher{sender: sender, log: logger, queue: make(chan Notification)}
	for i := 0; i < workers; i++ {
		go d.work()
	}
	return d
}

func (d *Dispatcher) work() {
	for n := range d.queue {
		if err := d.sender.Send(context.Background(), n); err != nil {
			d.log.Printf("notify: send to user %s over %s failed: %v", n.UserID, n.Channel, err)
		}
	}
}

// Enqueue hands n to a worker and returns without waiting for the delivery.
func (d *Dispatcher) Enqueue(n Notification) {
	d.queue <- n // want worker-backpressure
}
