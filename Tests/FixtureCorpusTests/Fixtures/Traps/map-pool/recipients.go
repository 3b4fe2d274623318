// Package recipients normalizes the recipient lists of outgoing e-mail. Its pool
// holds maps, which are pointer-shaped: Get and Put pass one word, and nothing is
// boxed.
package recipients

import (
	"strings"
	"sync"
)

// maxKeptKeys is the most keys a pooled map may have held. Deleting keys does not
// shrink a map, so a map that saw a mailing list of thousands is dropped.
const maxKeptKeys = 512

var seenPool = sync.Pool{New: func() any { return make(map[string]struct{}, 64) }}

// putSeen empties m and pools it. It reads len(m) before the delete loop.
func putSeen(m map[string]struct{}) {
	if len(m) > maxKeptKeys {
		return
	}
	for key := range m {
		delete(m, key)
	}
	seenPool.Put(m)
}

// Unique returns addrs without duplicates, compared without case, keeping the first
// spelling and the original order.
func Unique(addrs []string) []string {
	seen := seenPool.Get().(map[string]struct{})
	defer putSeen(seen)

	out := make([]string, 0, len(addrs))
	for _, addr := range addrs {
		key := strings.ToLower(strings.TrimSpace(addr))
		if _, dup := seen[key]; dup || key == "" {
			continue
		}
		seen[key] = struct{}{}
		out = append(out, addr)
	}
	return out
}
