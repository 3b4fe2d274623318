package pool

import "sync"

type A B
type B C
type C A

var pool = sync.Pool{New: func() any { return A{} }}

func use() {
	var a A
	v := pool.Get().(A)
	pool.Put(a)
	pool.Put(v)
}
