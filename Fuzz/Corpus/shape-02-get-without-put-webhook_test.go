package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"testing"
	"time"
)

func sign(secret []byte, timestamp string, payload []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(timestamp + "."))
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}

func BenchmarkVerify(b *testing.B) {
	secret := []byte("whsec_test")
	payload := []byte(`{"id":"evt_1","type":"charge.succeeded"}`)
	timestamp := strconv.FormatInt(time.Now().Unix(), 10)
	signature := sign(secret, timestamp, payload)
	v := NewVerifier(secret)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := v.Verify(payload, timestamp, signature); err != nil {
			b.Fatal(err)
		}
	}
}
