// Package dhcp hands out IPv4 leases from an address range. Its LeasePool is an
// address pool in the DHCP sense, a table keyed by MAC address, not an object pool:
// Get(key) and Put(key, value) look entries up and store them.
package dhcp

import (
	"errors"
	"net/netip"
	"sync"
	"time"
)

// ErrExhausted means every address of the range is leased.
var ErrExhausted = errors.New("dhcp: address range is exhausted")

// Lease binds an address to a client until Expires.
type Lease struct {
	Addr    netip.Addr
	Expires time.Time
}

// LeasePool is the lease table of one address range. It is safe for concurrent use.
type LeasePool struct {
	mu    sync.Mutex
	byMAC map[string]Lease
	free  []netip.Addr
}

// NewLeasePool returns a table for the n addresses that start at first.
func NewLeasePool(first netip.Addr, n int) *LeasePool {
	p := &LeasePool{byMAC: make(map[string]Lease)}
	addr := first
	for i := 0; i < n; i++ {
		p.free = append(p.free, addr)
		addr = addr.Next()
	}
	return p
}

// Get returns the lease of mac, if it has one.
func (p *LeasePool) Get(mac string) (Lease, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.byMAC[mac]
	return l, ok
}

// Put records l as the lease of mac.
func (p *LeasePool) Put(mac string, l Lease) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.byMAC[mac] = l
}

// take removes a free address from the range.
func (p *LeasePool) take() (netip.Addr, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) == 0 {
		return netip.Addr{}, ErrExhausted
	}
	addr := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return addr, nil
}
