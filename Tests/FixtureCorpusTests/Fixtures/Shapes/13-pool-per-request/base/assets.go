// Package assets serves embedded static files with strong ETags, so browsers can
// revalidate them with If-None-Match.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/http"
	"sync"
)

var etagHashers = sync.Pool{New: func() any { return sha256.New() }}

// Handler serves files by URL path.
type Handler struct {
	files map[string][]byte
}

// NewHandler returns a Handler for files, keyed by URL path such as "/app.js".
func NewHandler(files map[string][]byte) *Handler {
	return &Handler{files: files}
}

// etag returns the strong ETag of content: the first 16 bytes of its SHA-256 in hex,
// quoted.
func (h *Handler) etag(content []byte) string {
	hs := etagHashers.Get().(hash.Hash)
	defer etagHashers.Put(hs)
	hs.Reset()
	hs.Write(content)
	return `"` + hex.EncodeToString(hs.Sum(nil)[:16]) + `"`
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	content, ok := h.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	tag := h.etag(content)
	w.Header().Set("ETag", tag)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(content)
}
