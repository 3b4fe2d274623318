// Package hexview formats binary payloads as hex dumps for the debug console.
package hexview

import (
	"bytes"
	"fmt"
	"sync"
)

// maxKeptDump is the largest dump buffer kept for reuse; the console shows at most
// 4 KiB of payload, about 16 KiB of dump.
const maxKeptDump = 16 << 10

var dumpPool = sync.Pool{New: func() any { return new(bytes.Buffer) }} // want benchmem-evidence

func putDump(b *bytes.Buffer) {
	if b.Cap() > maxKeptDump {
		return
	}
	dumpPool.Put(b)
}

// Dump returns data as lines of 16 bytes: the offset, the bytes in hex, and the
// printable ASCII characters.
func Dump(data []byte) string {
	b := dumpPool.Get().(*bytes.Buffer)
	defer putDump(b)
	b.Reset()
	writeDump(b, data)
	return b.String()
}

func writeDump(b *bytes.Buffer, data []byte) {
	for off := 0; off < len(data); off += 16 {
		end := off + 16
		if end > len(data) {
			end = len(data)
		}
		fmt.Fprintf(b, "%08x  % -47x  ", off, data[off:end])
		for _, c := range data[off:end] {
			if c < 0x20 || c > 0x7e {
				c = '.'
			}
			b.WriteByte(c)
		}
		b.WriteByte('\n')
	}
}
