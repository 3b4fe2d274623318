package p

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func f() {
	b := bufPool.Get().(*bytes.Buffer)
	b.WriteString("x")
	bufPool.Put(b)
}
