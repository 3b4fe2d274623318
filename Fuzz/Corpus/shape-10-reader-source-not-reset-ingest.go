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

// gzipReaders holds gzip readers between uploads. It has no New, because
// gzip.NewReader needs the stream to read its header.
var gzipReaders sync.Pool

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
	zr, _ := gzipReaders.Get().(*gzip.Reader)
	if zr == nil {
		var err error
		if zr, err = gzip.NewReader(body); err != nil {
			return nil, err
		}
	}
	defer gzipReaders.Put(zr)
	return ReadEvents(zr) // want reset-before-use
}

// FirstEvent decodes only the first line of body, for the upload preview.
func FirstEvent(body io.Reader) (Event, error) {
	br := lineReaders.Get().(*bufio.Reader)
	defer lineReaders.Put(br)

	var ev Event
	line, err := br.ReadSlice('\n') // want reset-before-use
	if err != nil && err != io.EOF {
		return ev, err
	}
	err = json.Unmarshal(line, &ev)
	return ev, err
}
