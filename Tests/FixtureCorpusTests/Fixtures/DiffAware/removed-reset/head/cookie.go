// Package cookie serializes Set-Cookie header values for session cookies.
package cookie

import (
	"bytes"
	"strconv"
	"sync"
)

// maxKept is the largest buffer kept for reuse; a Set-Cookie value is at most 4 KiB.
const maxKept = 4 << 10

var cookiePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putCookie(b *bytes.Buffer) {
	if b.Cap() > maxKept {
		return
	}
	cookiePool.Put(b)
}

// Session returns the Set-Cookie value of a session cookie that expires after
// maxAge seconds. value must already be a valid cookie value.
func Session(name, value string, maxAge int) string {
	b := cookiePool.Get().(*bytes.Buffer)
	defer putCookie(b)

	b.WriteString(name) // want reset-before-use
	b.WriteByte('=')
	b.WriteString(value)
	b.WriteString("; Path=/; Max-Age=")
	b.WriteString(strconv.Itoa(maxAge))
	b.WriteString("; HttpOnly; Secure; SameSite=Lax")
	return b.String()
}
