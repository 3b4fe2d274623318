// Package kv formats key=value pairs for log lines. The package writes into a buffer
// that the caller owns; its benchmark measures what a caller gains by pooling that
// buffer.
package kv

import (
	"bytes"
	"strconv"
)

// AppendPair writes key=value to b, quoting value when it contains a space, a quote
// or an equals sign.
func AppendPair(b *bytes.Buffer, key, value string) {
	b.WriteString(key)
	b.WriteByte('=')
	if needsQuotes(value) {
		b.WriteString(strconv.Quote(value))
		return
	}
	b.WriteString(value)
}

func needsQuotes(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '"', '=':
			return true
		}
	}
	return s == ""
}
