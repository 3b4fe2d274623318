// Package logfmt parses logfmt lines such as `level=info msg="user created" id=42`.
package logfmt

import "sync"

// Record holds the key-value pairs of one line, in the order they appear.
type Record struct {
	Keys   []string
	Values []string
	index  map[string]int
}

// Lookup returns the value of the first pair with the given key.
func (r *Record) Lookup(key string) (string, bool) {
	i, ok := r.index[key]
	if !ok {
		return "", false
	}
	return r.Values[i], true
}

func (r *Record) add(key, value string) {
	if _, seen := r.index[key]; !seen {
		r.index[key] = len(r.Keys)
	}
	r.Keys = append(r.Keys, key)
	r.Values = append(r.Values, value)
}

// Reset empties the record. It drops the previous line's arrays instead of
// truncating them, so their strings do not stay reachable from the pool.
func (r *Record) Reset() {
	r.Keys = nil                   // want reset-keeps-allocation
	r.Values = nil                 // want reset-keeps-allocation
	r.index = make(map[string]int) // want reset-keeps-allocation
}

// maxPairs is the most pairs a pooled record may have held. Application logs carry
// about a dozen; a record that held more came from a debug dump.
const maxPairs = 256

var recordPool = sync.Pool{New: func() any { return &Record{index: make(map[string]int)} }}

func putRecord(r *Record) {
	if cap(r.Keys) > maxPairs || cap(r.Values) > maxPairs || len(r.index) > maxPairs {
		return
	}
	recordPool.Put(r)
}
