// Package cache keys and encodes cache entries.
package cache

import (
	"bytes"
	"sync"
)

var keyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Key builds the cache key of a tenant's object. The missing Reset is an old bug that
// this change does not touch.
func Key(tenant, object string) string {
	b := keyPool.Get().(*bytes.Buffer)
	defer keyPool.Put(b)
	b.WriteString(tenant)
	b.WriteByte('/')
	b.WriteString(object)
	return b.String()
}

// Encode returns the stored form of a value.
func Encode(value string) []byte {
	b := keyPool.Get().(*bytes.Buffer)
	defer keyPool.Put(b)
	b.Reset()
	b.WriteString(value)
	b.WriteByte('\n')
	return b.Bytes() // want copy-before-put
}
