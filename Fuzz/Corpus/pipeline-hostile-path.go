//path:a`b`<details><img src=x onerror=alert(1)>@octocat #123 ](javascript:alert(1)) %0A::error::,x:y
.go
package p

var bufPool = sync.Pool{New: func() any { return bytes.Buffer{} }}

func Render() []byte {
	b := bufPool.Get().(*bytes.Buffer)
	b.WriteString("<script>alert(1)</script> @here #1 ```")
	out := b.Bytes()
	bufPool.Put(b)
	return out
}
