// Package audit formats audit events as log lines and writes them in the background,
// so request handlers never wait for the disk.
package audit

import (
	"bytes"
	"io"
	"strconv"
	"sync"
	"time"
)

// Event is one action of one user.
type Event struct {
	At     time.Time
	Actor  string
	Action string
	Target string
	Status int
}

// Entry is a formatted audit line.
type Entry struct {
	At    time.Time
	Actor string
	Line  []byte
}

// maxPooledLine is the largest line buffer kept for reuse; audit lines are short.
const maxPooledLine = 4 << 10

var linePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putLine(b *bytes.Buffer) {
	if b.Cap() > maxPooledLine {
		return
	}
	linePool.Put(b)
}

func writeLine(b *bytes.Buffer, ev Event) {
	b.WriteString(ev.At.UTC().Format(time.RFC3339))
	b.WriteByte(' ')
	b.WriteString(ev.Actor)
	b.WriteByte(' ')
	b.WriteString(ev.Action)
	b.WriteByte(' ')
	b.WriteString(ev.Target)
	b.WriteByte(' ')
	b.WriteString(strconv.Itoa(ev.Status))
	b.WriteByte('\n')
}

// Format returns the entry of ev.
func Format(ev Event) Entry {
	b := linePool.Get().(*bytes.Buffer)
	defer putLine(b)
	b.Reset()
	writeLine(b, ev)
	return Entry{ // want copy-before-put
		At:    ev.At,
		Actor: ev.Actor,
		Line:  b.Bytes(),
	}
}

// Logger writes entries to an io.Writer from its own goroutine.
type Logger struct {
	entries chan Entry
}

// NewLogger starts the goroutine that writes to w. Up to 1024 entries wait for it.
func NewLogger(w io.Writer) *Logger {
	l := &Logger{entries: make(chan Entry, 1024)}
	go l.run(w)
	return l
}

func (l *Logger) run(w io.Writer) {
	for e := range l.entries {
		w.Write(e.Line)
	}
}

// Log queues ev for writing. It formats into a pooled buffer directly, which saves
// the copy that Format makes.
func (l *Logger) Log(ev Event) {
	b := linePool.Get().(*bytes.Buffer)
	defer putLine(b)
	b.Reset()
	writeLine(b, ev)
	l.entries <- Entry{At: ev.At, Actor: ev.Actor, Line: b.Bytes()} // want copy-before-put
}
