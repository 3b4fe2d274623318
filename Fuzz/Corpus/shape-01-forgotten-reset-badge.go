// Package badge renders user badges for profile pages.
package badge

import (
	"bytes"
	"sync"
)

var badgePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render returns the badge text of a user.
func Render(name, role string) string {
	b := badgePool.Get().(*bytes.Buffer)
	defer badgePool.Put(b)
	b.WriteString(name) // want reset-before-use
	b.WriteString(" · ")
	b.WriteString(role)
	return b.String()
}
