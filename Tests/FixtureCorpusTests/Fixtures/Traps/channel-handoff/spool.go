// Package spool serializes writes from many goroutines through one writer
// goroutine. A buffer sent on the records channel belongs to that goroutine, which
// gives it back after writing it.
package spool

import (
	"bytes"
	"io"
	"sync"
)

// maxKeptRecord is the largest record buffer kept for reuse.
const maxKeptRecord = 32 << 10

var recordPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putRecord(b *bytes.Buffer) {
	if b.Cap() > maxKeptRecord {
		return
	}
	recordPool.Put(b)
}

// Spool is an io.Writer that is safe for concurrent use.
type Spool struct {
	records chan *bytes.Buffer
	done    chan struct{}
	err     error
}

// New starts the goroutine that writes to w. Up to 256 records wait for it.
func New(w io.Writer) *Spool {
	s := &Spool{records: make(chan *bytes.Buffer, 256), done: make(chan struct{})}
	go s.drain(w)
	return s
}

func (s *Spool) drain(w io.Writer) {
	defer close(s.done)
	for b := range s.records {
		if _, err := w.Write(b.Bytes()); err != nil && s.err == nil {
			s.err = err
		}
		putRecord(b)
	}
}

// Write queues a copy of p and returns before it is written.
func (s *Spool) Write(p []byte) (int, error) {
	b := recordPool.Get().(*bytes.Buffer)
	b.Reset()
	b.Write(p)
	s.records <- b
	return len(p), nil
}

// Close waits until every queued record is written and returns the first write error.
// Write must not be called after Close.
func (s *Spool) Close() error {
	close(s.records)
	<-s.done
	return s.err
}
