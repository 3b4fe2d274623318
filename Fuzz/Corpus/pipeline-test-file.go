//path:pool/bench_test.go
package p

func BenchmarkRender(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ { Render() }
}
