// Package apiresp writes JSON API responses. It puts each buffer back under an
// inline size check: a buffer that grew past the limit is dropped on purpose, and
// the garbage collector takes it.
package apiresp

import (
	"bytes"
	"encoding/json"
	"log"
	"net/http"
	"strconv"
	"sync"
)

// maxKeptBody is the largest response buffer kept for reuse. List endpoints return
// up to a few hundred KiB; exports stream and do not use this package.
const maxKeptBody = 256 << 10

var bodyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// JSON writes v as the JSON body of a response with the given status. The body is
// encoded before the header is written, so an encoding error can still become a 500.
func JSON(w http.ResponseWriter, status int, v any) {
	b := bodyPool.Get().(*bytes.Buffer)
	b.Reset()
	if err := json.NewEncoder(b).Encode(v); err != nil {
		log.Printf("apiresp: encode %T failed: %v", v, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	} else {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
		w.WriteHeader(status)
		w.Write(b.Bytes())
	}
	if b.Cap() <= maxKeptBody {
		bodyPool.Put(b)
	}
}
