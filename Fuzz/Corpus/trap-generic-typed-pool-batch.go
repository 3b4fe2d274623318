package typedpool

import "strings"

// maxKeptKeys is the most keys a pooled Batch may have held.
const maxKeptKeys = 1024

// Batch collects the keys of one bulk request.
type Batch struct {
	Keys []string
}

var batches = New(
	func() *Batch { return &Batch{Keys: make([]string, 0, 64)} },
	func(b *Batch) bool {
		if cap(b.Keys) > maxKeptKeys {
			return false
		}
		for i := range b.Keys {
			b.Keys[i] = ""
		}
		b.Keys = b.Keys[:0]
		return true
	},
)

// JoinKeys returns the non-empty keys of a comma-separated list, lower-cased and
// joined again, without duplicates next to each other.
func JoinKeys(list string) string {
	b := batches.Get()
	defer batches.Put(b)

	for _, key := range strings.Split(list, ",") {
		key = strings.ToLower(strings.TrimSpace(key))
		if key == "" || (len(b.Keys) > 0 && b.Keys[len(b.Keys)-1] == key) {
			continue
		}
		b.Keys = append(b.Keys, key)
	}
	return strings.Join(b.Keys, ",")
}
