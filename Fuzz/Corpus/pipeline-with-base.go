package p

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func Render(w io.Writer) {
	b := bufPool.Get().(*bytes.Buffer)
	w.Write(b.Bytes())
}

//==base==
package p

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func Render(w io.Writer) {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	w.Write(b.Bytes())
	bufPool.Put(b)
}
