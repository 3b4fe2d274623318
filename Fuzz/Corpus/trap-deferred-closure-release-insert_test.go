package sqlbuild

import "testing"

func BenchmarkInsert(b *testing.B) {
	columns := []string{"id", "email", "created_at"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Insert("users", columns, 10); err != nil {
			b.Fatal(err)
		}
	}
}
