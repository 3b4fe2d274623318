// Package webhook verifies the HMAC-SHA256 signatures that a payment provider puts on
// the webhook calls it sends.
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"sync"
)

// ErrBadSignature means the payload was not signed with the shared secret.
var ErrBadSignature = errors.New("webhook: signature does not match the payload")

// Verifier checks webhook signatures against one shared secret. Keyed HMAC states are
// expensive to build, so each Verifier keeps a pool of them.
type Verifier struct {
	macs sync.Pool
}

// NewVerifier returns a Verifier for the given shared secret.
func NewVerifier(secret []byte) *Verifier {
	key := append([]byte(nil), secret...)
	v := &Verifier{}
	v.macs.New = func() any { return hmac.New(sha256.New, key) }
	return v
}

// Verify returns ErrBadSignature unless signature is the hex-encoded HMAC-SHA256 of
// payload.
func (v *Verifier) Verify(payload []byte, signature string) error {
	expected, err := hex.DecodeString(signature)
	if err != nil {
		return ErrBadSignature
	}

	mac := v.macs.Get().(hash.Hash)
	mac.Reset()
	mac.Write(payload)
	sum := mac.Sum(nil)
	v.macs.Put(mac)

	if !hmac.Equal(sum, expected) {
		return ErrBadSignature
	}
	return nil
}
