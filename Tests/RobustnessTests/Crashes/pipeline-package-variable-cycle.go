package pool

import "sync"

var first = second
var second = first
var self = self.next

var pool = sync.Pool{New: func() any { return new([]byte) }}

func use() {
	b := pool.Get().(*[]byte)
	x := first
	y := self
	_ = x
	_ = y
	pool.Put(b)
}
