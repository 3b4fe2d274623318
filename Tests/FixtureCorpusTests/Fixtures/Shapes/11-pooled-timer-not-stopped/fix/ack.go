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

// timerPool saves the timer that every publish used to allocate. It holds only
// stopped timers with an empty channel, so a borrower can call Reset right away.
var timerPool = sync.Pool{New: func() any {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	return timer
}}

// putTimer stops timer and drops a tick left in its channel, so that the next
// borrower does not see a timeout that is not its own. The drain does not block,
// because WaitAck may already have received the tick.
func putTimer(timer *time.Timer) {
	if !timer.Stop() {
		select {
		case <-timer.C:
		default:
		}
	}
	timerPool.Put(timer)
}

// WaitAck waits until seq arrives on acks, skipping the acknowledgements of earlier
// messages, and gives up after timeout.
func WaitAck(acks <-chan uint64, seq uint64, timeout time.Duration) error {
	timer := timerPool.Get().(*time.Timer)
	defer putTimer(timer)
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
