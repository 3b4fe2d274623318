package logfmt

import (
	"strings"
	"testing"
)

func BenchmarkEach(b *testing.B) {
	input := strings.Repeat(`level=info msg="user created" id=42 admin`+"\n", 64)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		err := Each(strings.NewReader(input), func(r *Record) error {
			_, _ = r.Lookup("msg")
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
