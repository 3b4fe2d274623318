// Package typedpool wraps sync.Pool in a generic type, so that callers never write a
// type assertion and every object goes through the same reset.
package typedpool

import "sync"

// Pool is a sync.Pool of *T. Put resets each object before pooling it.
type Pool[T any] struct {
	pool  sync.Pool
	reset func(*T) bool
}

// New returns a Pool that builds objects with newItem and prepares them for reuse
// with reset. reset returns false for an object too large to keep, which Put then
// drops.
func New[T any](newItem func() *T, reset func(*T) bool) *Pool[T] {
	p := &Pool[T]{reset: reset}
	p.pool.New = func() any { return newItem() }
	return p
}

// Get returns an object that is new or was reset by Put.
func (p *Pool[T]) Get() *T {
	return p.pool.Get().(*T)
}

// Put resets item and keeps it for reuse, unless reset reports it too large.
func (p *Pool[T]) Put(item *T) {
	if !p.reset(item) {
		return
	}
	p.pool.Put(item)
}
