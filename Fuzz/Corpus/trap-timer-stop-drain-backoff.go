// Package backoff sleeps between retries with exponential backoff. The sleeps reuse
// pooled timers, because a busy client retries thousands of calls a second.
package backoff

import (
	"context"
	"sync"
	"time"
)

// timerPool holds stopped timers whose channel is empty. It has no New, because a
// new timer is made already running, with its duration.
var timerPool sync.Pool

// getTimer returns a timer that fires after d. The caller gives it back with putTimer.
func getTimer(d time.Duration) *time.Timer {
	v := timerPool.Get()
	if v == nil {
		return time.NewTimer(d)
	}
	t := v.(*time.Timer)
	t.Reset(d)
	return t
}

// putTimer stops t and empties its channel before pooling it. Stop returns false when
// the timer already fired, and then the tick is either still in the channel or was
// received by the caller, so the drain must not block.
func putTimer(t *time.Timer) {
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
	timerPool.Put(t)
}

// Sleep waits for d or until ctx ends, and returns ctx.Err() in the second case.
func Sleep(ctx context.Context, d time.Duration) error {
	t := getTimer(d)
	defer putTimer(t)
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Delay returns the wait before retry number attempt, starting at 0: base doubled per
// attempt, at most max.
func Delay(attempt int, base, max time.Duration) time.Duration {
	d := base
	for i := 0; i < attempt && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	return d
}
