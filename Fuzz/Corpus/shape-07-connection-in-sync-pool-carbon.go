// Package carbon sends metrics to a Graphite server over its plaintext protocol.
package carbon

import (
	"net"
	"strconv"
	"sync"
	"time"
)

// Point is one sample of a metric.
type Point struct {
	Path  string
	Value float64
	At    time.Time
}

// Client sends points to one Graphite server. It reuses connections between calls
// to Send instead of dialing for every batch.
type Client struct {
	addr    string
	timeout time.Duration
	conns   sync.Pool // want fd-resource-pool
}

// NewClient returns a Client for the server at addr, such as "graphite:2003". timeout
// bounds both the dial and each write.
func NewClient(addr string, timeout time.Duration) *Client {
	c := &Client{addr: addr, timeout: timeout}
	c.conns.New = func() any {
		conn, err := net.DialTimeout("tcp", addr, timeout)
		if err != nil {
			return nil
		}
		return conn
	}
	return c
}

// Send writes points over a pooled connection, one "path value timestamp" line each.
func (c *Client) Send(points []Point) error {
	conn := c.conns.Get().(net.Conn)
	defer c.conns.Put(conn)
	if err := conn.SetWriteDeadline(time.Now().Add(c.timeout)); err != nil {
		return err
	}
	_, err := conn.Write(appendPoints(nil, points))
	return err
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
