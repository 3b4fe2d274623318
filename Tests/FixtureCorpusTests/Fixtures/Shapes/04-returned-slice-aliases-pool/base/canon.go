// Package canon produces the canonical JSON form of API requests, the bytes that
// clients sign and the server verifies.
package canon

import (
	"bytes"
	"encoding/json"
	"sync"
)

// maxPooled is the largest encoding buffer kept for reuse. Request bodies above
// 64 KiB are rare uploads, and their buffers are left to the garbage collector.
const maxPooled = 64 << 10

var encodePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooled {
		return
	}
	encodePool.Put(b)
}

// encode writes the canonical JSON of v to b: map keys sorted, as encoding/json always
// does, no HTML escaping, and no trailing newline.
func encode(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode ends every value with a newline
	return nil
}

// Marshal returns the canonical JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	b := encodePool.Get().(*bytes.Buffer)
	defer putBuffer(b)
	b.Reset()
	if err := encode(b, v); err != nil {
		return nil, err
	}
	return append([]byte(nil), b.Bytes()...), nil
}

// SigningString returns what a client signs for a request: the method, the path and
// the canonical body, each on its own line.
func SigningString(method, path string, body any) (string, error) {
	b := encodePool.Get().(*bytes.Buffer)
	defer putBuffer(b)
	b.Reset()
	b.WriteString(method)
	b.WriteByte('\n')
	b.WriteString(path)
	b.WriteByte('\n')
	if err := encode(b, body); err != nil {
		return "", err
	}
	return b.String(), nil
}
