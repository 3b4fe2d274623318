package kvclient

import "testing"

func BenchmarkCommandLine(b *testing.B) {
	args := []string{"SET", "session:42", "active"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		commandLine(args)
	}
}
