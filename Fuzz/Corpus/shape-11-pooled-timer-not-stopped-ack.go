// Package broker publishes messages to a queue broker that confirms each one with an
// acknowledgement carrying its sequence number.
package broker

import (
	"errors"
	"sync"
	"time"
)

// ErrAckTimeout means the broker did not confirm a message in time; the caller may
// publish it again.
var ErrAckTimeout = errors.New("broker: no acknowledgement before the timeout")

// timerPool saves the timer that every publish used to allocate.
var timerPool = sync.Pool{New: func() any { return time.NewTimer(time.Hour) }}

// WaitAck waits until seq arrives on acks, skipping the acknowledgements of earlier
// messages, and gives up after timeout.
func WaitAck(acks <-chan uint64, seq uint64, timeout time.Duration) error {
	timer := timerPool.Get().(*time.Timer)
	defer timerPool.Put(timer) // want timer-pooling
	timer.Reset(timeout)
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
