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

// Dispatcher delivers notifications with its sender.
type Dispatcher struct {
	sender Sender
	log    *log.Logger
}

// NewDispatcher returns a Dispatcher that delivers with sender and logs failures to
// logger.
func NewDispatcher(sender Sender, logger *log.Logger) *Dispatcher {
	return &Dispatcher{sender: sender, log: logger}
}

// Deliver sends n and returns when the gateway has accepted it.
func (d *Dispatcher) Deliver(ctx context.Context, n Notification) error {
	if err := d.sender.Send(ctx, n); err != nil {
		d.log.Printf("notify: send to user %s over %s failed: %v", n.UserID, n.Channel, err)
		return err
	}
	return nil
}
