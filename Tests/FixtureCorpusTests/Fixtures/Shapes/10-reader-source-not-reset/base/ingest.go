// Package ingest reads newline-delimited JSON events from upload bodies.
package ingest

import (
	"bufio"
	"bytes"
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
