package helptext

import "testing"

func BenchmarkWrap(b *testing.B) {
	text := "Copies the selected objects to the destination bucket, keeping their metadata and access lists unless --reset-acl is given."
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Wrap(text, 60, 4)
	}
}
