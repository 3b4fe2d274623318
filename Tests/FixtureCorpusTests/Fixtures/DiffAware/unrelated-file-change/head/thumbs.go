// Package thumbs builds cache keys and headers for image thumbnails.
package thumbs

import (
	"bytes"
	"strconv"
	"sync"
)

var keyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// CacheKey returns the cache key of a thumbnail. It returns a view into a pooled
// buffer and never puts the buffer back, old bugs that a change to config.go does
// not touch.
func CacheKey(imageID string, width, height int) []byte {
	b := keyPool.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString(imageID)
	b.WriteByte('@')
	b.WriteString(strconv.Itoa(width))
	b.WriteByte('x')
	b.WriteString(strconv.Itoa(height))
	return b.Bytes()
}
