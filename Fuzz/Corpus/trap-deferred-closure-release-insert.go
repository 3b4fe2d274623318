// Package sqlbuild builds multi-row INSERT statements with numbered placeholders.
package sqlbuild

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"sync"
)

// maxKeptStatement is the largest statement buffer kept for reuse. Bulk inserts of
// thousands of rows build much longer statements, and those buffers are dropped.
const maxKeptStatement = 32 << 10

var statementPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// ErrNoColumns means Insert was called without columns.
var ErrNoColumns = errors.New("sqlbuild: insert needs at least one column")

// Insert returns "INSERT INTO table (c1, c2) VALUES ($1, $2), ($3, $4)" for the given
// columns and number of rows.
func Insert(table string, columns []string, rows int) (string, error) {
	if len(columns) == 0 {
		return "", ErrNoColumns
	}
	sb := statementPool.Get().(*bytes.Buffer)
	defer func() {
		if sb.Cap() <= maxKeptStatement {
			sb.Reset()
			statementPool.Put(sb)
		}
	}()

	sb.WriteString("INSERT INTO ")
	sb.WriteString(table)
	sb.WriteString(" (")
	sb.WriteString(strings.Join(columns, ", "))
	sb.WriteString(") VALUES ")
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for c := range columns {
			if c > 0 {
				sb.WriteString(", ")
			}
			sb.WriteByte('$')
			sb.WriteString(strconv.Itoa(n))
			n++
		}
		sb.WriteByte(')')
	}
	return sb.String(), nil // String copies, so the result outlives the Put
}
