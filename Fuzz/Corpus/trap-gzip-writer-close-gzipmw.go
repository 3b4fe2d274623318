// Package gzipmw compresses HTTP responses. A *gzip.Writer has a Close method, but it
// holds no file or connection: Close only writes the gzip footer, and the writer is
// safe to pool and rebind with Reset.
package gzipmw

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"sync"
)

var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed) // BestSpeed is a valid level
	return zw
}}

// gzipResponse sends the body of a response through a gzip.Writer.
type gzipResponse struct {
	http.ResponseWriter
	zw *gzip.Writer
}

func (r gzipResponse) Write(p []byte) (int, error) { return r.zw.Write(p) }

// Handler compresses the responses of next for clients that accept gzip.
func Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			next.ServeHTTP(w, r)
			return
		}
		zw := gzipWriters.Get().(*gzip.Writer)
		defer gzipWriters.Put(zw)
		zw.Reset(w)
		defer zw.Close() // runs first: writes the footer before the writer goes back

		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		w.Header().Del("Content-Length")
		next.ServeHTTP(gzipResponse{ResponseWriter: w, zw: zw}, r)
	})
}
