// Package statsd formats metrics in the StatsD line protocol, with DogStatsD tags.
package statsd

import (
	"strconv"
	"sync"
)

// Kind is the StatsD metric type written after the value: "c", "g", "ms" or "h".
type Kind string

const (
	Counter   Kind = "c"
	Gauge     Kind = "g"
	Timing    Kind = "ms"
	Histogram Kind = "h"
)

// maxLine is the largest line buffer kept for reuse. StatsD lines go out in UDP
// datagrams, so longer lines come only from runaway tag lists.
const maxLine = 1 << 10

var linePool = sync.Pool{New: func() any { return make([]byte, 0, 128) }} // want new-returns-pointer

func putLine(buf []byte) {
	if cap(buf) > maxLine {
		return
	}
	linePool.Put(buf[:0]) // want new-returns-pointer
}

// Line returns one metric line, such as "api.requests:1|c|#route:/v1/users,code:200".
func Line(name string, value int64, kind Kind, tags []string) string {
	buf := linePool.Get().([]byte)
	buf = append(buf[:0], name...)
	buf = append(buf, ':')
	buf = strconv.AppendInt(buf, value, 10)
	buf = append(buf, '|')
	buf = append(buf, kind...)
	for i, tag := range tags {
		if i == 0 {
			buf = append(buf, "|#"...)
		} else {
			buf = append(buf, ',')
		}
		buf = append(buf, tag...)
	}
	line := string(buf)
	putLine(buf)
	return line
}
