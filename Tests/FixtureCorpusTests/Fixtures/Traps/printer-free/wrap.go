// Package helptext wraps command-line help text to the terminal width. Its printer
// state is pooled the way fmt pools its printers: newPrinter sets every field, and
// free drops printers whose buffer grew large before pooling the rest.
package helptext

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// maxKeptBuffer is the largest printer buffer kept for reuse, as in fmt.
const maxKeptBuffer = 64 << 10

type printer struct {
	buf    []byte
	width  int // columns per line
	indent int // spaces before each line
	column int // columns used on the current line
}

var printerPool = sync.Pool{New: func() any { return new(printer) }}

// newPrinter returns a printer for lines of width columns indented by indent spaces.
// The caller gives it back with free.
func newPrinter(width, indent int) *printer {
	p := printerPool.Get().(*printer)
	p.buf = p.buf[:0]
	p.width = width
	p.indent = indent
	p.column = 0
	return p
}

func (p *printer) free() {
	if cap(p.buf) > maxKeptBuffer {
		return
	}
	p.buf = p.buf[:0]
	printerPool.Put(p)
}

func (p *printer) newline() {
	if len(p.buf) > 0 {
		p.buf = append(p.buf, '\n')
	}
	for i := 0; i < p.indent; i++ {
		p.buf = append(p.buf, ' ')
	}
	p.column = p.indent
}

func (p *printer) word(w string) {
	n := utf8.RuneCountInString(w)
	switch {
	case p.column == 0:
		p.newline()
	case p.column+1+n > p.width:
		p.newline()
	default:
		p.buf = append(p.buf, ' ')
		p.column++
	}
	p.buf = append(p.buf, w...)
	p.column += n
}

// Wrap returns text with its words wrapped at width columns, each line indented by
// indent spaces. A word longer than a line gets a line of its own.
func Wrap(text string, width, indent int) string {
	p := newPrinter(width, indent)
	defer p.free()
	for _, w := range strings.Fields(text) {
		p.word(w)
	}
	return string(p.buf)
}
