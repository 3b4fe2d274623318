package assets

import "crypto/sha256"

func newTestHandler() *Handler {
	return NewHandler(map[string][]byte{"/app.js": []byte("console.log('ready')")}, sha256.New)
}
