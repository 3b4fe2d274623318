package logline

import (
	"io"
	"sync"
	"time"
)

// Logger writes one line per call to an io.Writer.
type Logger struct {
	mu   sync.Mutex
	out  io.Writer
	pool Pool
}

// New returns a Logger that writes to out.
func New(out io.Writer) *Logger {
	return &Logger{out: out, pool: NewPool()}
}

// Info writes msg with the current time and the given user id.
func (l *Logger) Info(msg string, userID int64) error {
	buf := l.pool.Get()
	defer buf.Free()

	buf.AppendString(time.Now().UTC().Format(time.RFC3339))
	buf.AppendString(" INFO ")
	buf.AppendString(msg)
	buf.AppendString(" user=")
	buf.AppendInt(userID)
	buf.AppendByte('\n')

	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.out.Write(buf.Bytes())
	return err
}
