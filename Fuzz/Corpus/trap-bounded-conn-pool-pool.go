// Package upstream talks to a line-based cache server over a few long-lived TCP
// connections, kept in a bounded pool that closes what it cannot keep.
package upstream

import (
	"net"
	"time"
)

// ConnPool keeps up to cap(idle) idle connections to one address.
type ConnPool struct {
	idle    chan net.Conn
	addr    string
	timeout time.Duration
}

// NewConnPool returns a pool that keeps at most maxIdle idle connections to addr.
func NewConnPool(addr string, maxIdle int, timeout time.Duration) *ConnPool {
	return &ConnPool{idle: make(chan net.Conn, maxIdle), addr: addr, timeout: timeout}
}

// Get returns an idle connection, or dials a new one when none is idle.
func (p *ConnPool) Get() (net.Conn, error) {
	select {
	case conn := <-p.idle:
		return conn, nil
	default:
		return net.DialTimeout("tcp", p.addr, p.timeout)
	}
}

// Put keeps conn for reuse, or closes it when the pool is full. A connection that
// failed during use must be closed by the caller instead.
func (p *ConnPool) Put(conn net.Conn) {
	select {
	case p.idle <- conn:
	default:
		conn.Close()
	}
}

// Close closes the idle connections.
func (p *ConnPool) Close() {
	for {
		select {
		case conn := <-p.idle:
			conn.Close()
		default:
			return
		}
	}
}
