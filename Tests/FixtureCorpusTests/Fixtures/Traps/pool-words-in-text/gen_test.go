package poolgen

import "testing"

func BenchmarkGenerate(b *testing.B) {
	spec := Spec{Package: "wire", Name: "frame", Title: "Frame", Type: "frame"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Generate(spec); err != nil {
			b.Fatal(err)
		}
	}
}
