// Package receipts renders customer receipts as text, CSV and JSON.
package receipts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// Receipt is one customer's purchase.
type Receipt struct {
	Customer string
	Items    []Item
}

// Item is one line of a receipt, priced in cents.
type Item struct {
	Name  string
	Cents int
}

// maxPooledBuffer keeps buffers that grew for one huge receipt out of the pool.
const maxPooledBuffer = 64 << 10

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer {
	b := bufferPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	bufferPool.Put(b)
}

// RenderText writes a plain-text receipt to w.
func RenderText(w http.ResponseWriter, r *Receipt) {
	b := getBuffer()
	defer putBuffer(b)
	fmt.Fprintf(b, "Receipt for %s\n", r.Customer)
	for _, item := range r.Items {
		fmt.Fprintf(b, "%-24s %8.2f\n", item.Name, float64(item.Cents)/100)
	}
	w.Write(b.Bytes())
}

// EncodeJSON returns the receipt as JSON.
func EncodeJSON(r *Receipt) ([]byte, error) {
	b := getBuffer()
	defer putBuffer(b)
	if err := json.NewEncoder(b).Encode(r); err != nil {
		return nil, err
	}
	return append([]byte(nil), b.Bytes()...), nil
}
