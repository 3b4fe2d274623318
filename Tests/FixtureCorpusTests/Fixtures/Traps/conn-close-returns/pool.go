// Package kvclient is a client for a line-based key-value server. As in redigo and
// database/sql, Close on a pooled connection returns it to the pool. Only a broken
// connection, or one that does not fit, is really closed.
package kvclient

import (
	"bufio"
	"net"
	"strings"
	"time"
)

// Pool keeps up to cap(idle) idle connections to one server.
type Pool struct {
	idle    chan *Conn
	addr    string
	timeout time.Duration
}

// NewPool returns a Pool that keeps at most maxIdle idle connections to addr.
func NewPool(addr string, maxIdle int, timeout time.Duration) *Pool {
	return &Pool{idle: make(chan *Conn, maxIdle), addr: addr, timeout: timeout}
}

// Conn is a connection from a Pool. A dial error is kept in the Conn and returned by
// Do, so Get needs no error result, as in redigo.
type Conn struct {
	nc   net.Conn
	r    *bufio.Reader
	pool *Pool
	err  error
}

// Get returns an idle connection or dials a new one. The caller must Close it.
func (p *Pool) Get() *Conn {
	select {
	case c := <-p.idle:
		return c
	default:
	}
	nc, err := net.DialTimeout("tcp", p.addr, p.timeout)
	if err != nil {
		return &Conn{pool: p, err: err}
	}
	return &Conn{nc: nc, r: bufio.NewReader(nc), pool: p}
}

// Close returns c to its pool, or closes it when it failed or the pool is full.
func (c *Conn) Close() error {
	if c.err != nil {
		if c.nc != nil {
			return c.nc.Close()
		}
		return nil
	}
	select {
	case c.pool.idle <- c:
		return nil
	default:
		return c.nc.Close()
	}
}

// Do sends one command line and returns the reply line without its line ending.
// After an error, the connection is marked broken, and Close closes it.
func (c *Conn) Do(args ...string) (string, error) {
	if c.err != nil {
		return "", c.err
	}
	if c.err = c.nc.SetDeadline(time.Now().Add(c.pool.timeout)); c.err != nil {
		return "", c.err
	}
	if _, c.err = c.nc.Write(commandLine(args)); c.err != nil {
		return "", c.err
	}
	var line string
	if line, c.err = c.r.ReadString('\n'); c.err != nil {
		return "", c.err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// commandLine returns args separated by spaces and ended by CRLF.
func commandLine(args []string) []byte {
	return []byte(strings.Join(args, " ") + "\r\n")
}
