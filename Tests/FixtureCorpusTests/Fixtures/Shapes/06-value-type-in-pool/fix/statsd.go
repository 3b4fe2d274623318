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

// linePool holds *[]byte, so Get and Put pass a pointer and never box a slice header.
var linePool = sync.Pool{New: func() any {
	buf := make([]byte, 0, 128)
	return &buf
}}

func putLine(bp *[]byte) {
	if cap(*bp) > maxLine {
		return
	}
	linePool.Put(bp)
}

// Line returns one metric line, such as "api.requests:1|c|#route:/v1/users,code:200".
func Line(name string, value int64, kind Kind, tags []string) string {
	bp := linePool.Get().(*[]byte)
	buf := append((*bp)[:0], name...)
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
	*bp = buf // keep the grown array for the next borrower
	putLine(bp)
	return line
}
