package dhcp

import "time"

// Server makes DHCP offers from its lease pool.
type Server struct {
	leasePool *LeasePool
	leaseTime time.Duration
}

// NewServer returns a Server that offers leases of leaseTime from pool.
func NewServer(pool *LeasePool, leaseTime time.Duration) *Server {
	return &Server{leasePool: pool, leaseTime: leaseTime}
}

// Offer returns the lease to offer mac at now: its current lease, renewed, or an
// address it did not have before.
func (s *Server) Offer(mac string, now time.Time) (Lease, error) {
	if l, ok := s.leasePool.Get(mac); ok {
		l.Expires = now.Add(s.leaseTime)
		s.leasePool.Put(mac, l)
		return l, nil
	}
	addr, err := s.leasePool.take()
	if err != nil {
		return Lease{}, err
	}
	l := Lease{Addr: addr, Expires: now.Add(s.leaseTime)}
	s.leasePool.Put(mac, l)
	return l, nil
}
