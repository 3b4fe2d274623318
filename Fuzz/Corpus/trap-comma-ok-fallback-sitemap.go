// Package sitemap writes sitemap.xml files. Its pools have no New: a comma-ok
// assertion at each Get falls back to a new object when the pool is empty.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"io"
	"sync"
	"time"
)

// maxKeptBuffer is the largest entry buffer kept for reuse.
const maxKeptBuffer = 16 << 10

var (
	entryBufs sync.Pool // *bytes.Buffer
	escapers  sync.Pool // *escaper
)

// escaper escapes text for XML into a reused buffer.
type escaper struct {
	out bytes.Buffer
}

// getEscaper returns an escaper from the pool, or a new one when the pool is empty.
// The caller gives it back with putEscaper.
func getEscaper() *escaper {
	if e, ok := escapers.Get().(*escaper); ok {
		e.out.Reset()
		return e
	}
	return new(escaper)
}

func putEscaper(e *escaper) {
	if e.out.Cap() > maxKeptBuffer {
		return
	}
	escapers.Put(e)
}

// URL is one entry of a sitemap.
type URL struct {
	Loc     string
	LastMod time.Time
}

// WriteEntry writes the <url> element of u to w.
func WriteEntry(w io.Writer, u URL) error {
	b, ok := entryBufs.Get().(*bytes.Buffer)
	if !ok {
		b = new(bytes.Buffer)
	}
	defer func() {
		if b.Cap() <= maxKeptBuffer {
			entryBufs.Put(b)
		}
	}()
	b.Reset()

	e := getEscaper()
	defer putEscaper(e)
	if err := xml.EscapeText(&e.out, []byte(u.Loc)); err != nil {
		return err
	}

	b.WriteString("<url><loc>")
	b.Write(e.out.Bytes())
	b.WriteString("</loc><lastmod>")
	b.WriteString(u.LastMod.UTC().Format("2006-01-02"))
	b.WriteString("</lastmod></url>\n")
	_, err := w.Write(b.Bytes())
	return err
}
