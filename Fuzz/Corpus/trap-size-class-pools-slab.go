// Package slab hands out byte slices from power-of-two size classes, 256 bytes to
// 1 MiB, so a request for 3 KiB gets a 4 KiB slice that was used before.
package slab

import (
	"math/bits"
	"sync"
)

const (
	minShift = 8  // 256 B, the smallest class
	maxShift = 20 // 1 MiB, the largest class
)

// classes[i] contains *[]byte of exactly 1<<(minShift+i) bytes.
var classes [maxShift - minShift + 1]sync.Pool

func init() {
	for i := range classes {
		size := 1 << (minShift + i)
		classes[i].New = func() any {
			buf := make([]byte, size)
			return &buf
		}
	}
}

// classOf returns the index of the smallest class that holds n bytes, or -1 when n
// is larger than the largest class.
func classOf(n int) int {
	if n <= 1<<minShift {
		return 0
	}
	shift := bits.Len(uint(n - 1))
	if shift > maxShift {
		return -1
	}
	return shift - minShift
}

// Get returns a slice of length n. Slices over 1 MiB are allocated and never pooled.
// The contents are whatever the previous user left: callers overwrite them.
func Get(n int) *[]byte {
	class := classOf(n)
	if class < 0 {
		buf := make([]byte, n)
		return &buf
	}
	bp := classes[class].Get().(*[]byte)
	*bp = (*bp)[:n]
	return bp
}

// Put gives back a slice from Get. Slices whose capacity is not exactly a class size
// did not come from a class and are dropped.
func Put(bp *[]byte) {
	c := cap(*bp)
	class := classOf(c)
	if class < 0 || c != 1<<(minShift+class) {
		return
	}
	*bp = (*bp)[:c]
	classes[class].Put(bp)
}
