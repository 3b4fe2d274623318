package kv

import (
	"bytes"
	"sync"
	"testing"
)

func TestAppendPairQuotes(t *testing.T) {
	cases := map[string]string{
		"plain":     "k=plain",
		"two words": `k="two words"`,
		"":          `k=""`,
	}
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	for value, expected := range cases {
		b := pool.Get().(*bytes.Buffer)
		b.Reset()
		AppendPair(b, "k", value)
		if got := b.String(); got != expected {
			t.Errorf("AppendPair(%q) = %s, expected %s", value, got, expected)
		}
		pool.Put(b)
	}
}

// BenchmarkAppendPair compares a new buffer per line with a pooled one; run it with
// -benchmem to see the allocations the pool saves.
func BenchmarkAppendPair(b *testing.B) {
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var buf bytes.Buffer
			AppendPair(&buf, "user", "ada lovelace")
		}
	})
	b.Run("pooled", func(b *testing.B) {
		pool := &sync.Pool{New: func() any { return new(bytes.Buffer) }}
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				buf := pool.Get().(*bytes.Buffer)
				buf.Reset()
				AppendPair(buf, "user", "ada lovelace")
				pool.Put(buf)
			}
		})
	})
}
