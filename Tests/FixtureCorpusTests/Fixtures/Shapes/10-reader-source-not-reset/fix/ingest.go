// Package ingest reads newline-delimited JSON events from upload bodies.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"sync"
)

// Event is one line of an upload.
type Event struct {
	Kind string `json:"kind"`
	User string `json:"user"`
	At   int64  `json:"at"`
}

// lineReaders holds readers with a 16 KiB buffer, the longest line an upload may have.
var lineReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 16<<10) }}

// gzipReaders holds gzip readers between uploads. Reset binds a zero gzip.Reader to a
// stream, so New needs none.
var gzipReaders = sync.Pool{New: func() any { return new(gzip.Reader) }}

// ReadEvents decodes one event per non-blank line of body.
func ReadEvents(body io.Reader) ([]Event, error) {
	br := lineReaders.Get().(*bufio.Reader)
	defer lineReaders.Put(br)
	br.Reset(body)

	var events []Event
	for {
		line, err := br.ReadSlice('\n')
		if err != nil && err != io.EOF {
			return nil, err // bufio.ErrBufferFull for a line over 16 KiB
		}
		if len(bytes.TrimSpace(line)) > 0 {
			var ev Event
			if err := json.Unmarshal(line, &ev); err != nil {
				return nil, err
			}
			events = append(events, ev)
		}
		if err == io.EOF {
			return events, nil
		}
	}
}

// ReadCompressedEvents is ReadEvents for a gzip-compressed body.
func ReadCompressedEvents(body io.Reader) ([]Event, error) {
	zr := gzipReaders.Get().(*gzip.Reader)
	defer gzipReaders.Put(zr)
	// Reset binds the pooled reader to this body and reads the gzip header, so a body
	// that is not gzip fails here with a clear error.
	if err := zr.Reset(body); err != nil {
		return nil, err
	}
	return ReadEvents(zr)
}

// FirstEvent decodes only the first line of body, for the upload preview.
func FirstEvent(body io.Reader) (Event, error) {
	br := lineReaders.Get().(*bufio.Reader)
	defer lineReaders.Put(br)
	br.Reset(body)

	var ev Event
	line, err := br.ReadSlice('\n')
	if err != nil && err != io.EOF {
		return ev, err
	}
	err = json.Unmarshal(line, &ev)
	return ev, err
}
