package wire

import "testing"

func BenchmarkMarshal(b *testing.B) {
	m := Message{Topic: "orders.created", Payload: []byte(`{"id":7,"total":1299}`)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Marshal(m)
	}
}
