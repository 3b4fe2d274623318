// Package rank scores documents against a search query by term frequency.
package rank

import (
	"bytes"
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

// Score returns the share of doc's words that are query terms: 0 when none are,
// 1 when doc consists of query terms only.
func Score(query, doc string) float64 {
	q := &terms{count: make(map[string]int)}
	q.add(query)
	d := &terms{count: make(map[string]int)}
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
