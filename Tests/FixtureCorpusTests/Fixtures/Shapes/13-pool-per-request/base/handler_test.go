package assets

func newTestHandler() *Handler {
	return NewHandler(map[string][]byte{"/app.js": []byte("console.log('ready')")})
}
