// Package assets serves embedded static files with strong ETags, so browsers can
// revalidate them with If-None-Match.
package assets

import (
	"encoding/hex"
	"hash"
	"net/http"
	"sync"
)

// Handler serves files by URL path.
type Handler struct {
	files   map[string][]byte
	newHash func() hash.Hash
}

// NewHandler returns a Handler for files, keyed by URL path such as "/app.js", whose
// ETags are digests made with newHash, such as sha256.New. A hash of at least 16
// bytes is required.
func NewHandler(files map[string][]byte, newHash func() hash.Hash) *Handler {
	return &Handler{files: files, newHash: newHash}
}

// etag returns the strong ETag of content: the first 16 bytes of its digest in hex,
// quoted.
func (h *Handler) etag(content []byte) string {
	hashers := sync.Pool{New: func() any { return h.newHash() }} // want pool-scope
	hs := hashers.Get().(hash.Hash)
	defer hashers.Put(hs)
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
