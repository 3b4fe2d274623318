// Package query parses and canonicalizes URL query strings. Args values come from
// AcquireArgs and go back through ReleaseArgs, which resets them, so callers never
// touch the pool or call Reset.
package query

import (
	"net/url"
	"sort"
	"strings"
	"sync"
)

// Limits of a pooled Args; query strings of a few dozen pairs are the norm.
const (
	maxPooledPairs = 256
	maxPooledBytes = 16 << 10
)

// Args holds the pairs of one query string in order.
type Args struct {
	keys   []string
	values []string
	buf    []byte
}

var argsPool sync.Pool

// AcquireArgs returns an empty Args. Give it back with ReleaseArgs.
func AcquireArgs() *Args {
	v := argsPool.Get()
	if v == nil {
		return &Args{}
	}
	return v.(*Args)
}

// ReleaseArgs resets a and returns it to the pool. a must not be used afterwards.
func ReleaseArgs(a *Args) {
	if cap(a.keys) > maxPooledPairs || cap(a.values) > maxPooledPairs || cap(a.buf) > maxPooledBytes {
		return
	}
	a.Reset()
	argsPool.Put(a)
}

// Reset removes every pair and keeps the allocated arrays.
func (a *Args) Reset() {
	for i := range a.keys {
		a.keys[i], a.values[i] = "", ""
	}
	a.keys = a.keys[:0]
	a.values = a.values[:0]
	a.buf = a.buf[:0]
}

// Parse adds the pairs of rawQuery, such as "b=2&a=1", unescaping them.
func (a *Args) Parse(rawQuery string) error {
	for _, pair := range strings.Split(rawQuery, "&") {
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(key)
		if err != nil {
			return err
		}
		value, err = url.QueryUnescape(value)
		if err != nil {
			return err
		}
		a.keys = append(a.keys, key)
		a.values = append(a.values, value)
	}
	return nil
}

func (a *Args) Len() int           { return len(a.keys) }
func (a *Args) Less(i, j int) bool { return a.keys[i] < a.keys[j] }
func (a *Args) Swap(i, j int) {
	a.keys[i], a.keys[j] = a.keys[j], a.keys[i]
	a.values[i], a.values[j] = a.values[j], a.values[i]
}

// String returns the pairs escaped and joined with "&".
func (a *Args) String() string {
	a.buf = a.buf[:0]
	for i, key := range a.keys {
		if i > 0 {
			a.buf = append(a.buf, '&')
		}
		a.buf = append(a.buf, url.QueryEscape(key)...)
		a.buf = append(a.buf, '=')
		a.buf = append(a.buf, url.QueryEscape(a.values[i])...)
	}
	return string(a.buf)
}

// Canonical returns rawQuery with its pairs sorted by key, keeping the order of
// repeated keys, as request signatures expect.
func Canonical(rawQuery string) (string, error) {
	a := AcquireArgs()
	defer ReleaseArgs(a)
	if err := a.Parse(rawQuery); err != nil {
		return "", err
	}
	sort.Stable(a)
	return a.String(), nil
}
