package dhcp

import (
	"net/netip"
	"testing"
	"time"
)

func BenchmarkOfferRenewal(b *testing.B) {
	s := NewServer(NewLeasePool(netip.MustParseAddr("10.0.0.10"), 200), time.Hour)
	now := time.Unix(1700000000, 0)
	if _, err := s.Offer("52:54:00:12:34:56", now); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.Offer("52:54:00:12:34:56", now); err != nil {
			b.Fatal(err)
		}
	}
}
