package p

func f() {
	b := pool.Get().(*bytes.Buffer)
	//poolreview:ignore deferred-put the caller puts it back
	use(b)
	//poolreview:ignore no-such-item reason
	//poolreview:ignore reset-before-use
}
