// Package token signs HS256 JSON Web Tokens. Sign gives its buffer back on every
// path without defer: on each error return, and after copying the token out.
package token

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"sync"
)

// maxKeptBuffer is the largest buffer kept for reuse; tokens are a few hundred bytes.
const maxKeptBuffer = 8 << 10

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuf() *bytes.Buffer {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuf(b *bytes.Buffer) {
	if b.Cap() > maxKeptBuffer {
		return
	}
	bufPool.Put(b)
}

// Claims are the registered claims this service issues.
type Claims struct {
	Subject   string `json:"sub"`
	Audience  string `json:"aud"`
	ExpiresAt int64  `json:"exp"`
}

// ErrNoSubject means the claims have an empty subject.
var ErrNoSubject = errors.New("token: claims have no subject")

// header is the encoded JOSE header {"alg":"HS256","typ":"JWT"}.
const header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"

// Sign returns the compact serialization of claims signed with key.
func Sign(claims Claims, key []byte) (string, error) {
	if claims.Subject == "" {
		return "", ErrNoSubject
	}
	b := getBuf()
	payload, err := json.Marshal(claims)
	if err != nil {
		putBuf(b)
		return "", err
	}

	b.WriteString(header)
	b.WriteByte('.')
	enc := base64.NewEncoder(base64.RawURLEncoding, b)
	if _, err := enc.Write(payload); err != nil {
		putBuf(b)
		return "", err
	}
	if err := enc.Close(); err != nil {
		putBuf(b)
		return "", err
	}

	mac := hmac.New(sha256.New, key)
	mac.Write(b.Bytes())
	b.WriteByte('.')
	b.WriteString(base64.RawURLEncoding.EncodeToString(mac.Sum(nil)))
	token := b.String()
	putBuf(b)
	return token, nil
}

// SignAll signs each claims value and skips those without a subject.
func SignAll(all []Claims, key []byte) ([]string, error) {
	tokens := make([]string, 0, len(all))
	for _, claims := range all {
		if claims.Subject == "" {
			continue
		}
		t, err := Sign(claims, key)
		if err != nil {
			return nil, err
		}
		tokens = append(tokens, t)
	}
	return tokens, nil
}
