package p

func f() {
	buf := pool.Get().(*bytes.Buffer
	defer pool.Put(
