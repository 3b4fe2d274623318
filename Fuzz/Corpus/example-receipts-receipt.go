// Package receipts renders customer receipts as text, CSV and JSON.
package receipts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
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

// ErrEmpty is returned for a receipt without items.
var ErrEmpty = errors.New("receipt has no items")

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

// total returns the sum of the receipt's items in cents.
func total(r *Receipt) int {
	sum := 0
	for _, item := range r.Items {
		sum += item.Cents
	}
	return sum
}

// RenderText writes a plain-text receipt to w, with a total line.
func RenderText(w http.ResponseWriter, r *Receipt) {
	b := getBuffer()
	defer putBuffer(b)
	fmt.Fprintf(b, "Receipt for %s\n", r.Customer)
	for _, item := range r.Items {
		fmt.Fprintf(b, "%-24s %8.2f\n", item.Name, float64(item.Cents)/100)
	}
	fmt.Fprintf(b, "%-24s %8.2f\n", "Total", float64(total(r))/100)
	w.Write(b.Bytes())
}

// RenderCSV returns the receipt as CSV, one item a row.
func RenderCSV(r *Receipt) (string, error) {
	b := bufferPool.Get().(*bytes.Buffer)
	if len(r.Items) == 0 {
		return "", ErrEmpty
	}
	b.WriteString("name,cents\n")
	for _, item := range r.Items {
		fmt.Fprintf(b, "%s,%d\n", item.Name, item.Cents)
	}
	out := b.String()
	putBuffer(b)
	return out, nil
}

// ServeSummary writes a one-line summary of the receipt to w.
func ServeSummary(w http.ResponseWriter, r *Receipt) {
	scratch := sync.Pool{New: func() any { return new(strings.Builder) }}
	sb := scratch.Get().(*strings.Builder)
	defer scratch.Put(sb)
	sb.Reset()
	fmt.Fprintf(sb, "%s: %d items, %d cents\n", r.Customer, len(r.Items), total(r))
	w.Write([]byte(sb.String()))
}

// EncodeJSON returns the receipt as JSON.
func EncodeJSON(r *Receipt) ([]byte, error) {
	b := getBuffer()
	defer putBuffer(b)
	if err := json.NewEncoder(b).Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
