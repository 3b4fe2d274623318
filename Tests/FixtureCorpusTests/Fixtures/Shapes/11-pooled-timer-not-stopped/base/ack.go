// Package broker publishes messages to a queue broker that confirms each one with an
// acknowledgement carrying its sequence number.
package broker

import (
	"errors"
	"time"
)

// ErrAckTimeout means the broker did not confirm a message in time; the caller may
// publish it again.
var ErrAckTimeout = errors.New("broker: no acknowledgement before the timeout")

// WaitAck waits until seq arrives on acks, skipping the acknowledgements of earlier
// messages, and gives up after timeout.
func WaitAck(acks <-chan uint64, seq uint64, timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		select {
		case got := <-acks:
			if got == seq {
				return nil
			}
		case <-timer.C:
			return ErrAckTimeout
		}
	}
}
