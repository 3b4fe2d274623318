package connpool

import (
	"context"
	"net"
	"time"
)

type Pool struct {
	idle chan net.Conn
	dial func(context.Context) (net.Conn, error)
}

func New(size int, dial func(context.Context) (net.Conn, error)) *Pool {
	return &Pool{idle: make(chan net.Conn, size), dial: dial}
}

func (p *Pool) Get(ctx context.Context) (net.Conn, error) {
	select {
	case c := <-p.idle:
		return c, nil
	default:
		return p.dial(ctx)
	}
}

func (p *Pool) Put(c net.Conn) {
	c.SetDeadline(time.Time{})
	select {
	case p.idle <- c:
	default:
		c.Close()
	}
}
