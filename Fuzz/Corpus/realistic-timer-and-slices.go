package sched

import (
	"sync"
	"time"
)

var timerPool sync.Pool

func acquireTimer(d time.Duration) *time.Timer {
	if v := timerPool.Get(); v != nil {
		t := v.(*time.Timer)
		t.Reset(d)
		return t
	}
	return time.NewTimer(d)
}

func releaseTimer(t *time.Timer) {
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
	timerPool.Put(t)
}

var slicePool = sync.Pool{New: func() any { s := make([]int, 0, 64); return &s }}

func sum(xs []int) (total int) {
	sp := slicePool.Get().(*[]int)
	defer func() {
		if cap(*sp) <= 1024 {
			*sp = (*sp)[:0]
			slicePool.Put(sp)
		}
	}()
	*sp = append(*sp, xs...)
	for _, x := range *sp {
		total += x
	}
	return
}
