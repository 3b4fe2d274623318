// Package carbon sends metrics to a Graphite server over its plaintext protocol.
package carbon

import (
	"net"
	"strconv"
	"time"
)

// maxIdleConns is how many idle connections a Client keeps open. Send is called by a
// few flush loops, so a handful covers the concurrency without tying up the server.
const maxIdleConns = 4

// Point is one sample of a metric.
type Point struct {
	Path  string
	Value float64
	At    time.Time
}

// Client sends points to one Graphite server. It keeps up to maxIdleConns idle
// connections between calls to Send and closes any beyond that.
type Client struct {
	addr    string
	timeout time.Duration
	idle    chan net.Conn
}

// NewClient returns a Client for the server at addr, such as "graphite:2003". timeout
// bounds both the dial and each write.
func NewClient(addr string, timeout time.Duration) *Client {
	return &Client{addr: addr, timeout: timeout, idle: make(chan net.Conn, maxIdleConns)}
}

// dial returns an idle connection, or a new one when none is idle.
func (c *Client) dial() (net.Conn, error) {
	select {
	case conn := <-c.idle:
		return conn, nil
	default:
		return net.DialTimeout("tcp", c.addr, c.timeout)
	}
}

// keep makes conn idle again, or closes it when maxIdleConns are already idle.
func (c *Client) keep(conn net.Conn) {
	select {
	case c.idle <- conn:
	default:
		conn.Close()
	}
}

// Send writes points over a reused connection, one "path value timestamp" line each.
func (c *Client) Send(points []Point) error {
	conn, err := c.dial()
	if err != nil {
		return err
	}
	if err := conn.SetWriteDeadline(time.Now().Add(c.timeout)); err != nil {
		conn.Close()
		return err
	}
	if _, err := conn.Write(appendPoints(nil, points)); err != nil {
		conn.Close() // a failed write may leave half a line on the wire
		return err
	}
	c.keep(conn)
	return nil
}

// Close closes the idle connections. It does not wait for calls to Send in progress,
// whose connections become idle when they finish.
func (c *Client) Close() error {
	for {
		select {
		case conn := <-c.idle:
			conn.Close()
		default:
			return nil
		}
	}
}

func appendPoints(dst []byte, points []Point) []byte {
	for _, p := range points {
		dst = append(dst, p.Path...)
		dst = append(dst, ' ')
		dst = strconv.AppendFloat(dst, p.Value, 'f', -1, 64)
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, p.At.Unix(), 10)
		dst = append(dst, '\n')
	}
	return dst
}
