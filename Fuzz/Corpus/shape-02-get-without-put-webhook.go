// Package webhook verifies the HMAC-SHA256 signatures that a payment provider puts on
// the webhook calls it sends.
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"strconv"
	"sync"
	"time"
)

// Tolerance is how old a signed timestamp may be before the call counts as a replay.
const Tolerance = 5 * time.Minute

var (
	// ErrBadSignature means the payload was not signed with the shared secret.
	ErrBadSignature = errors.New("webhook: signature does not match the payload")
	// ErrStale means the signed timestamp is invalid or older than Tolerance.
	ErrStale = errors.New("webhook: timestamp is invalid or too old")
)

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
// "timestamp.payload", and ErrStale when timestamp, in Unix seconds, is older than
// Tolerance.
func (v *Verifier) Verify(payload []byte, timestamp, signature string) error {
	expected, err := hex.DecodeString(signature)
	if err != nil {
		return ErrBadSignature
	}

	mac := v.macs.Get().(hash.Hash)
	mac.Reset()
	sent, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return ErrStale // want deferred-put
	}
	if time.Since(time.Unix(sent, 0)) > Tolerance {
		return ErrStale // want deferred-put
	}
	mac.Write([]byte(timestamp))
	mac.Write([]byte{'.'})
	mac.Write(payload)
	sum := mac.Sum(nil)
	v.macs.Put(mac)

	if !hmac.Equal(sum, expected) {
		return ErrBadSignature
	}
	return nil
}
