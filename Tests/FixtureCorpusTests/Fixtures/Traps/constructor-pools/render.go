// Package render renders report pages. Its pools are built once, by the constructor
// or on first use under a lock, and live as long as the Renderer.
package render

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// maxKeptPage is the largest page buffer kept for reuse.
const maxKeptPage = 1 << 20

// Renderer renders pages of several kinds; each kind has its own typical size.
type Renderer struct {
	pages *sync.Pool // buffers for pages of unknown kind

	mu     sync.Mutex
	sizes  map[string]int
	byKind map[string]*sync.Pool
}

// NewRenderer returns a Renderer whose buffers for each kind start at sizes[kind]
// bytes, and at defaultSize for other kinds.
func NewRenderer(sizes map[string]int, defaultSize int) *Renderer {
	r := &Renderer{sizes: sizes, byKind: make(map[string]*sync.Pool)}
	r.pages = &sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, defaultSize)) }}
	return r
}

// poolFor returns the pool of kind, creating it on the first page of that kind.
func (r *Renderer) poolFor(kind string) *sync.Pool {
	size, known := r.sizes[kind]
	if !known {
		return r.pages
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	pool, ok := r.byKind[kind]
	if !ok {
		pool = &sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, size)) }}
		r.byKind[kind] = pool
	}
	return pool
}

func putPage(pool *sync.Pool, b *bytes.Buffer) {
	if b.Cap() > maxKeptPage {
		return
	}
	pool.Put(b)
}

// Render writes a page of kind with one "label: value" line per row to w, in one
// Write.
func (r *Renderer) Render(w io.Writer, kind string, rows [][2]string) error {
	pool := r.poolFor(kind)
	b := pool.Get().(*bytes.Buffer)
	defer putPage(pool, b)
	b.Reset()

	fmt.Fprintf(b, "# %s\n", kind)
	for _, row := range rows {
		fmt.Fprintf(b, "%s: %s\n", row[0], row[1])
	}
	_, err := w.Write(b.Bytes())
	return err
}
