// Package respond writes HTTP responses through pooled bufio.Writers. The pool has no
// New, because a writer is bound to its response when it is made: Get returns nil
// when the pool is empty, and the code checks for that.
package respond

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"sync"
)

var writers sync.Pool // *bufio.Writer with an 8 KiB buffer

// getWriter returns a writer bound to w. The caller gives it back with putWriter.
func getWriter(w io.Writer) *bufio.Writer {
	if v := writers.Get(); v != nil {
		bw := v.(*bufio.Writer)
		bw.Reset(w)
		return bw
	}
	return bufio.NewWriterSize(w, 8<<10)
}

// putWriter unbinds bw from its response, so the pool does not keep the response
// reachable, and pools it.
func putWriter(bw *bufio.Writer) {
	bw.Reset(nil)
	writers.Put(bw)
}

// JSONLines writes one JSON document per line for each item, with status 200.
func JSONLines(w http.ResponseWriter, items []any) error {
	w.Header().Set("Content-Type", "application/x-ndjson")
	bw := getWriter(w)
	defer putWriter(bw)

	enc := json.NewEncoder(bw)
	for _, item := range items {
		if err := enc.Encode(item); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Text writes lines as text/plain, one per line, with status 200.
func Text(w http.ResponseWriter, lines []string) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	v := writers.Get()
	if v == nil {
		v = bufio.NewWriterSize(w, 8<<10)
	}
	bw := v.(*bufio.Writer)
	bw.Reset(w)
	defer putWriter(bw)

	for _, line := range lines {
		bw.WriteString(line)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
