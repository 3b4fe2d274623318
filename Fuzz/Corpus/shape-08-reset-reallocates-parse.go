package logfmt

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// Each calls fn with the record of every line read from r. The record is reused for
// the next line, so fn must not keep it; the strings it holds are safe to keep.
func Each(r io.Reader, fn func(*Record) error) error {
	rec := recordPool.Get().(*Record)
	defer putRecord(rec)

	lines := bufio.NewScanner(r)
	for lines.Scan() {
		rec.Reset()
		if err := parseLine(rec, lines.Text()); err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
	return lines.Err()
}

// parseLine adds the pairs of line to rec. A key without "=" gets an empty value, as
// in the logfmt convention for boolean flags.
func parseLine(rec *Record, line string) error {
	for {
		line = strings.TrimLeft(line, " ")
		if line == "" {
			return nil
		}
		end := strings.IndexAny(line, "= ")
		if end < 0 {
			rec.add(line, "")
			return nil
		}
		key := line[:end]
		if line[end] == ' ' {
			rec.add(key, "")
			line = line[end:]
			continue
		}
		line = line[end+1:]
		if strings.HasPrefix(line, `"`) {
			quoted, err := strconv.QuotedPrefix(line)
			if err != nil {
				return err
			}
			value, _ := strconv.Unquote(quoted)
			rec.add(key, value)
			line = line[len(quoted):]
			continue
		}
		end = strings.IndexByte(line, ' ')
		if end < 0 {
			end = len(line)
		}
		rec.add(key, line[:end])
		line = line[end:]
	}
}
