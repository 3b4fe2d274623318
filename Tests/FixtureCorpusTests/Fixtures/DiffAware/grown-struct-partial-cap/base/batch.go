// Package export batches finished tracing spans into line-delimited JSON bodies for
// the collector.
package export

import (
	"encoding/json"
	"sync"
)

// maxBatchBytes is the largest batch buffer kept for reuse; the collector rejects
// bodies over 1 MiB, so batches are flushed well before that.
const maxBatchBytes = 1 << 20

// Span is one finished operation.
type Span struct {
	TraceID  string `json:"trace_id"`
	Name     string `json:"name"`
	Duration int64  `json:"duration_us"`
}

type batch struct {
	buf   []byte
	spans int
}

var batchPool = sync.Pool{New: func() any { return &batch{buf: make([]byte, 0, 64<<10)} }}

func putBatch(b *batch) {
	if cap(b.buf) > maxBatchBytes {
		return
	}
	b.buf = b.buf[:0]
	b.spans = 0
	batchPool.Put(b)
}

// Encode returns the collector body of spans: one JSON object per line.
func Encode(spans []Span) ([]byte, error) {
	b := batchPool.Get().(*batch)
	defer putBatch(b)
	for _, s := range spans {
		line, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		b.buf = append(b.buf, line...)
		b.buf = append(b.buf, '\n')
		b.spans++
	}
	return append([]byte(nil), b.buf...), nil
}
