package p

func f[T any, P interface{ *T; Reset() }](p *sync.Pool) P {
	v := p.Get().(P)
	v.Reset()
	return v
}
