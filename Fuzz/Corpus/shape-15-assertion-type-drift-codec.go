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

var bufPool = sync.Pool{New: func() any { return new(encoder) }}

func writeUvarint(b *bytes.Buffer, x uint64) {
	var scratch [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(scratch[:], x)
	b.Write(scratch[:n])
}

func writeFrame(b *bytes.Buffer, m Message) {
	writeUvarint(b, uint64(len(m.Topic)))
	b.WriteString(m.Topic)
	writeUvarint(b, uint64(len(m.Payload)))
	b.Write(m.Payload)
}

// Marshal returns the frame of m.
func Marshal(m Message) []byte {
	e := bufPool.Get().(*encoder)
	defer func() {
		if e.Cap() <= maxPooled {
			bufPool.Put(e)
		}
	}()
	e.Reset()
	e.writeUvarint(uint64(len(m.Topic)))
	e.WriteString(m.Topic)
	e.writeUvarint(uint64(len(m.Payload)))
	e.Write(m.Payload)
	return append([]byte(nil), e.Bytes()...)
}

// MarshalTo writes the frame of m to w in one Write.
func MarshalTo(w io.Writer, m Message) error {
	b := bufPool.Get().(*bytes.Buffer) // want typed-get
	defer func() {
		if b.Cap() <= maxPooled {
			bufPool.Put(b)
		}
	}()
	b.Reset()
	writeFrame(b, m)
	_, err := w.Write(b.Bytes())
	return err
}
