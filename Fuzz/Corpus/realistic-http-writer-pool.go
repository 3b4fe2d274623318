package httpx

import (
	"bufio"
	"net/http"
	"sync"
)

var writerPool = sync.Pool{
	New: func() any { return bufio.NewWriterSize(nil, 4096) },
}

type handler struct{ next http.Handler }

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	bw := writerPool.Get().(*bufio.Writer)
	bw.Reset(w)
	defer func() {
		bw.Flush()
		bw.Reset(nil)
		writerPool.Put(bw)
	}()
	h.next.ServeHTTP(&flushWriter{ResponseWriter: w, w: bw}, r)
}

type flushWriter struct {
	http.ResponseWriter
	w *bufio.Writer
}

func (f *flushWriter) Write(p []byte) (int, error) { return f.w.Write(p) }
