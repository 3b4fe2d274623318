// Package rank scores documents against a search query by term frequency.
package rank

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"
)

// terms counts the lower-case words of a text.
type terms struct {
	lower []byte // the text in lower case
	count map[string]int
}

func (t *terms) add(text string) {
	t.lower = t.lower[:0]
	for _, r := range text {
		t.lower = utf8.AppendRune(t.lower, unicode.ToLower(r))
	}
	for _, word := range bytes.FieldsFunc(t.lower, isSeparator) {
		t.count[string(word)]++
	}
}

func isSeparator(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// Limits of a pooled terms value. Queries and most documents stay far below them; a
// bulk import of a whole book does not, and its buffers are not kept.
const (
	maxPooledText  = 64 << 10
	maxPooledWords = 4096
)

var termsPool = sync.Pool{New: func() any { return &terms{count: make(map[string]int)} }}

// putTerms empties t and returns it to termsPool, unless it grew too large to keep.
func putTerms(t *terms) {
	if cap(t.lower) > maxPooledText {
		return
	}
	t.lower = t.lower[:0]
	for word := range t.count {
		delete(t.count, word)
	}
	termsPool.Put(t) // want size-cap
}

// Score returns the share of doc's words that are query terms: 0 when none are,
// 1 when doc consists of query terms only.
func Score(query, doc string) float64 {
	q := termsPool.Get().(*terms)
	defer putTerms(q)
	q.add(query)
	d := termsPool.Get().(*terms)
	defer putTerms(d)
	d.add(doc)

	total, hits := 0, 0
	for word, n := range d.count {
		total += n
		if q.count[word] > 0 {
			hits += n
		}
	}
	if total == 0 {
		return 0
	}
	return float64(hits) / float64(total)
}
