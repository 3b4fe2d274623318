/// A valid Go file that uses every kind of declaration, statement and expression.
let allConstructsSource = #"""
    // Package sample uses every construct of the syntax tree.
    package sample

    import (
    	"bytes"
    	str "strings"
    	. "sync"
    	_ "embed"
    )

    const (
    	KB = 1 << (10 * (iota + 1))
    	MB
    )

    var (
    	free   = make(chan *bytes.Buffer, 8)
    	done   <-chan struct{}
    	out    chan<- int
    	matrix [2][...]float64
    	cache  = map[string][]int{"a": {1, 2}, "b": nil}
    	hook   func(int, ...string) (bool, error)
    	pool   = Pool{New: func() any { return new(bytes.Buffer) }}
    )

    type Number interface {
    	~int | ~int64 | float64
    }

    type Reader interface {
    	Read(p []byte) (n int, err error)
    	Stringer
    }

    type Alias = bytes.Buffer

    type List[T any, N Number] struct {
    	Mutex
    	*bytes.Reader
    	items, spare []T `json:"items"`
    	next         *List[T, N]
    }

    func (l *List[T, N]) Get(index int) (item T, ok bool) {
    	if index < 0 || index >= len(l.items) {
    		return item, false
    	}
    	return l.items[index], true
    }

    func Sum[S ~[]E, E Number](values S) (total E) {
    	for _, value := range values {
    		total += value
    	}
    	return
    }

    func statements(x any, ch chan int, b *bytes.Buffer) {
    	var local, other = 1, 2.5i
    	const limit = 'x'
    	type pair struct{ a, b int }
    	p := pair{a: 1}
    	p.a++
    	p.b--
    	local += int(real(other))
    	ch <- local
    	<-ch
    	go func(n int) { ch <- n }(local)
    	defer b.Reset()
    outer:
    	for i := 0; i < limit; i++ {
    		switch {
    		case i%2 == 0:
    			continue outer
    		case i > 100:
    			break outer
    		default:
    			fallthrough
    		case i == -1:
    		}
    	}
    	switch y := x.(type) {
    	case *bytes.Buffer, nil:
    		_ = y
    	}
    	select {
    	case v, ok := <-ch:
    		_, _ = v, ok
    	case ch <- 1:
    	default:
    	}
    	for range 10 {
    	}
    	for key := range cache {
    		delete(cache, key)
    	}
    	if n := len(b.Bytes()); n > 0 && !false {
    		buf := b.Bytes()[:0:n]
    		_ = buf[1:]
    	} else if s := str.ToUpper(`raw`); s != "" {
    		goto end
    	} else {
    		{
    			;
    		}
    	}
    	items := []string{"a"}
    	hook(1, items...)
    	_ = Sum[[]int, int]([]int{1, 2})
    	_ = -local + +local ^ ^local&^local | local&local<<2>>1
    	_ = &p
    	_ = (*List[int, int])(nil)
    	_ = [...]int{0: 1, 5: 2}
    	_ = 0x1p-2 + 1e3 + 0o17 + 0b101
    	_ = struct{}{}
    	_ = interface{ M() }(nil)
    	_ = map[chan<- int]<-chan int{}
    	_ = func() func() { return nil }
    end:
    }
    """#
