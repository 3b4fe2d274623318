package htmlesc

import "io"

// appendEscaped appends s with &, <, >, " and ' replaced by character references.
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '"':
			dst = append(dst, "&#34;"...)
		case '\'':
			dst = append(dst, "&#39;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// String returns s escaped.
func String(s string) string {
	bb := Get()
	defer Put(bb)
	bb.B = appendEscaped(bb.B, s)
	return string(bb.B)
}

// WriteLink writes an anchor element with the escaped href and text to w.
func WriteLink(w io.Writer, href, text string) error {
	bb := Get()
	defer Put(bb)
	bb.B = append(bb.B, `<a href="`...)
	bb.B = appendEscaped(bb.B, href)
	bb.B = append(bb.B, `">`...)
	bb.B = appendEscaped(bb.B, text)
	bb.B = append(bb.B, "</a>"...)
	_, err := w.Write(bb.B)
	return err
}
