package wire

import "bufio"

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
	e := getEncoder()
	defer putEncoder(e)
	for _, m := range msgs {
		e.Reset()
		e.writeFrame(m)
		n, err := s.w.Write(e.Bytes())
		s.written += int64(n)
		if err != nil {
			return err
		}
	}
	return s.w.Flush()
}
