// Package jitter randomizes retry delays and samples. A *rand.Rand is not safe for
// concurrent use, so each call borrows one from a pool. Its state needs no reset: any
// state is as good as a fresh seed for the next borrower.
package jitter

import (
	crand "crypto/rand"
	"encoding/binary"
	"math/rand"
	"sync"
	"time"
)

var rngPool = sync.Pool{New: func() any { return rand.New(rand.NewSource(newSeed())) }}

// newSeed returns a seed from the operating system, or the clock when that fails.
func newSeed() int64 {
	var b [8]byte
	if _, err := crand.Read(b[:]); err != nil {
		return time.Now().UnixNano()
	}
	return int64(binary.LittleEndian.Uint64(b[:]))
}

// Delay returns d scaled by a random factor in [1-spread, 1+spread).
func Delay(d time.Duration, spread float64) time.Duration {
	r := rngPool.Get().(*rand.Rand)
	defer rngPool.Put(r)
	return time.Duration(float64(d) * (1 - spread + 2*spread*r.Float64()))
}

// Sample returns n of ids, chosen at random without repetition, or all of them in a
// random order when n >= len(ids). ids is not modified.
func Sample(ids []string, n int) []string {
	r := rngPool.Get().(*rand.Rand)
	defer rngPool.Put(r)

	out := append([]string(nil), ids...)
	if n > len(out) {
		n = len(out)
	}
	for i := 0; i < n; i++ {
		j := i + r.Intn(len(out)-i)
		out[i], out[j] = out[j], out[i]
	}
	return out[:n]
}
