// Package hexview formats binary payloads as hex dumps for the debug console.
package hexview

import (
	"bytes"
	"fmt"
)

// Dump returns data as lines of 16 bytes: the offset, the bytes in hex, and the
// printable ASCII characters.
func Dump(data []byte) string {
	var b bytes.Buffer
	writeDump(&b, data)
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
