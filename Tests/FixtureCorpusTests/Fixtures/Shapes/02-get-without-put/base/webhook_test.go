package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func sign(secret, payload []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}

func BenchmarkVerify(b *testing.B) {
	secret := []byte("whsec_test")
	payload := []byte(`{"id":"evt_1","type":"charge.succeeded"}`)
	signature := sign(secret, payload)
	v := NewVerifier(secret)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := v.Verify(payload, signature); err != nil {
			b.Fatal(err)
		}
	}
}
