// Package statsd formats metrics in the StatsD line protocol, with DogStatsD tags.
package statsd

import "strconv"

// Kind is the StatsD metric type written after the value: "c", "g", "ms" or "h".
type Kind string

const (
	Counter   Kind = "c"
	Gauge     Kind = "g"
	Timing    Kind = "ms"
	Histogram Kind = "h"
)

// Line returns one metric line, such as "api.requests:1|c|#route:/v1/users,code:200".
func Line(name string, value int64, kind Kind, tags []string) string {
	buf := make([]byte, 0, 128)
	buf = append(buf, name...)
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
	return string(buf)
}
