// Package mail renders transactional e-mails. Every render borrows a buffer through
// getBuffer and gives it back through putBuffer.
package mail

import (
	"bytes"
	"errors"
	"fmt"
	"mime/quotedprintable"
	"sync"
)

// maxKeptBuffer is the largest buffer kept for reuse. Messages with inline images can
// reach megabytes, and their buffers are left to the garbage collector.
const maxKeptBuffer = 256 << 10

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getBuffer returns an empty buffer. The caller owns it until it calls putBuffer.
func getBuffer() *bytes.Buffer {
	b := bufferPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxKeptBuffer {
		return
	}
	bufferPool.Put(b)
}

// Message is a rendered e-mail.
type Message struct {
	To      string
	Subject string
	Body    string
}

// ErrNoRecipient means a message has no To address.
var ErrNoRecipient = errors.New("mail: message has no recipient")

// Encode returns the RFC 5322 form of m with a quoted-printable body.
func Encode(m Message) ([]byte, error) {
	if m.To == "" {
		return nil, ErrNoRecipient
	}
	b := getBuffer()
	defer putBuffer(b)

	fmt.Fprintf(b, "To: %s\r\nSubject: %s\r\n", m.To, m.Subject)
	b.WriteString("MIME-Version: 1.0\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	if err := writeBody(b, m.Body); err != nil {
		return nil, err
	}
	return append([]byte(nil), b.Bytes()...), nil
}

func writeBody(b *bytes.Buffer, body string) error {
	qp := quotedprintable.NewWriter(b)
	if _, err := qp.Write([]byte(body)); err != nil {
		return err
	}
	return qp.Close()
}

// renderPreview returns a buffer with the first lines of the message, for the outbox
// page. The caller owns the buffer and must give it back with putBuffer.
func renderPreview(m Message) *bytes.Buffer {
	b := getBuffer()
	fmt.Fprintf(b, "%s: %s", m.To, m.Subject)
	return b
}

// Preview returns the outbox line of m.
func Preview(m Message) string {
	b := renderPreview(m)
	defer putBuffer(b)
	return b.String()
}
