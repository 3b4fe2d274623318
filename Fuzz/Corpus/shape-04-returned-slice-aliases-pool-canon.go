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

// encode writes the JSON of v to b: map keys sorted, as encoding/json always does, and
// no HTML escaping. Like json.Encoder, it ends the value with a newline.
func encode(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Marshal returns the canonical JSON encoding of v, without a trailing newline.
func Marshal(v any) ([]byte, error) {
	b := encodePool.Get().(*bytes.Buffer)
	defer putBuffer(b)
	b.Reset()
	if err := encode(b, v); err != nil {
		return nil, err
	}
	b.Truncate(b.Len() - 1)
	return b.Bytes(), nil // want copy-before-put
}

// SigningBytes returns what a client signs for a request: the method, the path and
// the canonical body, each on its own line, with no newline at the end.
func SigningBytes(method, path string, body any) ([]byte, error) {
	b := encodePool.Get().(*bytes.Buffer)
	defer putBuffer(b)
	b.Reset()
	b.WriteString(method)
	b.WriteByte('\n')
	b.WriteString(path)
	b.WriteByte('\n')
	if err := encode(b, body); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'}), nil // want copy-before-put
}
