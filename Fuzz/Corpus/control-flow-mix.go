package p

func f() {
	goto end
	b := pool.Get().(*T)
end:
	pool.Put(b)
	select { case <-c: default: }
	switch x := y.(type) { case int: _ = x }
	for i := range 10 { _ = i }
}
