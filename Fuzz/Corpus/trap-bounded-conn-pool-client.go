package upstream

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"time"
)

// Client sends commands to the cache server.
type Client struct {
	pool    *ConnPool
	timeout time.Duration
}

// NewClient returns a Client that keeps up to four idle connections to addr.
func NewClient(addr string, timeout time.Duration) *Client {
	return &Client{pool: NewConnPool(addr, 4, timeout), timeout: timeout}
}

// Ping sends PING and checks for the +PONG reply.
func (c *Client) Ping() error {
	conn, err := c.pool.Get()
	if err != nil {
		return err
	}
	if err := conn.SetDeadline(time.Now().Add(c.timeout)); err != nil {
		conn.Close()
		return err
	}
	reply, err := roundTrip(conn, appendCommand(nil, "PING"))
	if err != nil {
		conn.Close() // the connection may hold half a reply; never reuse it
		return err
	}
	c.pool.Put(conn)
	if reply != "+PONG" {
		return fmt.Errorf("upstream: unexpected reply %q to PING", reply)
	}
	return nil
}

// appendCommand appends the command line of args, separated by spaces and ended by
// CRLF.
func appendCommand(dst []byte, args ...string) []byte {
	for i, arg := range args {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, arg...)
	}
	return append(dst, '\r', '\n')
}

// roundTrip writes one command line and reads one reply line. The server sends
// nothing else on the connection, so the reader buffers no later reply.
func roundTrip(conn net.Conn, command []byte) (string, error) {
	if _, err := conn.Write(command); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}
