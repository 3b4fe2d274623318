package wire

import (
	"bufio"
	"bytes"
)

// StreamWriter writes frames to a buffered stream and counts the bytes written.
type StreamWriter struct {
	w       *bufio.Writer
	written int64
}

// NewStreamWriter returns a StreamWriter that writes to w.
func NewStreamWriter(w *bufio.Writer) *StreamWriter {
	return &StreamWriter{w: w}
}

// WriteBatch writes the frames of msgs and flushes the stream.
func (s *StreamWriter) WriteBatch(msgs []Message) error {
	b := bufPool.Get().(*bytes.Buffer) // want typed-get
	defer func() {
		if b.Cap() <= maxPooled {
			bufPool.Put(b)
		}
	}()
	for _, m := range msgs {
		b.Reset()
		writeFrame(b, m)
		n, err := s.w.Write(b.Bytes())
		s.written += int64(n)
		if err != nil {
			return err
		}
	}
	return s.w.Flush()
}
