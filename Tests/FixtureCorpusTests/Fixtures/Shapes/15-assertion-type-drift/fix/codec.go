// Package wire encodes messages as length-prefixed frames: the topic and the payload,
// each preceded by its length as a uvarint.
package wire

import (
	"bytes"
	"encoding/binary"
	"io"
	"sync"
)

// Message is one published message.
type Message struct {
	Topic   string
	Payload []byte
}

// maxPooled is the largest frame buffer kept for reuse. Payloads are limited to
// 1 MiB, but nearly all are under 64 KiB.
const maxPooled = 64 << 10

// encoder is a frame buffer with the scratch space that uvarints are encoded in.
type encoder struct {
	bytes.Buffer
	scratch [binary.MaxVarintLen64]byte
}

func (e *encoder) writeUvarint(x uint64) {
	n := binary.PutUvarint(e.scratch[:], x)
	e.Write(e.scratch[:n])
}

func (e *encoder) writeFrame(m Message) {
	e.writeUvarint(uint64(len(m.Topic)))
	e.WriteString(m.Topic)
	e.writeUvarint(uint64(len(m.Payload)))
	e.Write(m.Payload)
}

// encoderPool is used only through getEncoder and putEncoder, so the type that New
// returns is asserted in one place.
var encoderPool = sync.Pool{New: func() any { return new(encoder) }}

// getEncoder returns an empty encoder; the caller gives it back with putEncoder.
func getEncoder() *encoder {
	e := encoderPool.Get().(*encoder)
	e.Reset()
	return e
}

func putEncoder(e *encoder) {
	if e.Cap() > maxPooled {
		return
	}
	encoderPool.Put(e)
}

// Marshal returns the frame of m.
func Marshal(m Message) []byte {
	e := getEncoder()
	defer putEncoder(e)
	e.writeFrame(m)
	return append([]byte(nil), e.Bytes()...)
}

// MarshalTo writes the frame of m to w in one Write.
func MarshalTo(w io.Writer, m Message) error {
	e := getEncoder()
	defer putEncoder(e)
	e.writeFrame(m)
	_, err := w.Write(e.Bytes())
	return err
}
