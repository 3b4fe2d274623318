package main

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// snippet is a function that uses a sync.Pool of bytes.Buffer values, correct or with one of
// the bugs poolreview's checklist names. FUNC and POOL are replaced by unused names.
type snippet struct {
	name string
	text string
}

var snippets = []snippet{
	{"deferred-put", `
var POOL = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

// FUNC joins the fields with sep.
func FUNC(fields []string, sep string) string {
	buf := POOL.Get().(*bytes.Buffer)
	defer POOL.Put(buf)
	buf.Reset()
	for i, field := range fields {
		if i > 0 {
			buf.WriteString(sep)
		}
		buf.WriteString(field)
	}
	return buf.String()
}
`},
	{"returned-bytes (bug)", `
var POOL = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

// FUNC quotes each field and returns the joined bytes.
func FUNC(fields []string) []byte {
	buf := POOL.Get().(*bytes.Buffer)
	defer POOL.Put(buf)
	buf.Reset()
	for _, field := range fields {
		buf.WriteByte('"')
		buf.WriteString(field)
		buf.WriteByte('"')
	}
	return buf.Bytes()
}
`},
	{"missing-reset (bug)", `
var POOL = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

// FUNC returns the length of the encoded record.
func FUNC(key string, value []byte) int {
	buf := POOL.Get().(*bytes.Buffer)
	defer POOL.Put(buf)
	buf.WriteString(key)
	buf.WriteByte('=')
	buf.Write(value)
	return buf.Len()
}
`},
	{"put-skipped-on-early-return (bug)", `
var POOL = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

// FUNC joins the fields unless the result would be longer than limit.
func FUNC(fields []string, limit int) (string, bool) {
	buf := POOL.Get().(*bytes.Buffer)
	buf.Reset()
	for _, field := range fields {
		if buf.Len()+len(field) > limit {
			return "", false
		}
		buf.WriteString(field)
	}
	joined := buf.String()
	POOL.Put(buf)
	return joined, true
}
`},
	{"size-capped-put", `
var POOL = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

// FUNC counts the lines of data after normalising its line breaks.
func FUNC(data []byte) int {
	buf := POOL.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 64<<10 {
			POOL.Put(buf)
		}
	}()
	buf.Reset()
	buf.Write(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")))
	return bytes.Count(buf.Bytes(), []byte("\n"))
}
`},
	{"slice-not-pointer (bug)", `
var POOL = sync.Pool{
	New: func() interface{} { return make([]byte, 0, 512) },
}

// FUNC returns the offset of the first line break in prefix followed by data.
func FUNC(prefix, data []byte) int {
	scratch := POOL.Get().([]byte)
	scratch = append(scratch[:0], prefix...)
	scratch = append(scratch, data...)
	offset := bytes.IndexByte(scratch, '\n')
	POOL.Put(scratch)
	return offset
}
`},
	{"pool-per-call (bug)", `
// FUNC returns the total length of the lines after trimming spaces.
func FUNC(lines [][]byte) int {
	pool := &sync.Pool{New: func() interface{} { return new(bytes.Buffer) }}
	total := 0
	for _, line := range lines {
		buf := pool.Get().(*bytes.Buffer)
		buf.Reset()
		buf.Write(bytes.TrimSpace(line))
		total += buf.Len()
		pool.Put(buf)
	}
	return total
}
`},
	{"wrong-type-at-get (bug)", `
var POOL = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

// FUNC copies data into a pooled slice and returns its length.
func FUNC(data []byte) int {
	scratch := POOL.Get().(*[]byte)
	defer POOL.Put(scratch)
	*scratch = append((*scratch)[:0], bytes.ToLower(data)...)
	return len(*scratch)
}
`},
}

var (
	snippetVerbs = []string{"append", "encode", "format", "render", "build", "write", "quote", "join", "marshal", "dump"}
	snippetNouns = []string{"Record", "Entry", "Header", "Frame", "Line", "Field", "Token", "Message", "Chunk", "Block"}
)

// insertSnippets inserts count pool snippets after random top-level declarations, adds the
// bytes and sync imports the file lacks, and returns the templates' names. It inserts
// nothing when the file or its package already uses those names for something else.
func (e *editor) insertSnippets(count int, declared map[string]bool) []string {
	if !e.canImport("bytes", declared) || !e.canImport("sync", declared) {
		return []string{}
	}
	// Imports come before every other declaration, so a snippet goes after one of those.
	var points []int
	for _, decl := range e.file.Decls {
		if gen, ok := decl.(*ast.GenDecl); !ok || gen.Tok != token.IMPORT {
			points = append(points, e.lineEnd(e.offset(decl.End())))
		}
	}
	if len(points) == 0 {
		points = append(points, len(e.source))
	}
	// The imports go first in the batch: in a file with no declarations they share the
	// snippets' offset, and edits at one offset are applied in the order they were added.
	batch := e.addImports(e.missingImports("bytes", "sync")...)
	var inserted []string
	for i := 0; i < count; i++ {
		template := snippets[e.rng.Intn(len(snippets))]
		at := points[e.rng.Intn(len(points))]
		function, pool := e.freshNames(declared)
		text := strings.NewReplacer("FUNC", function, "POOL", pool).Replace(template.text)
		batch = append(batch, edit{start: at, end: at, text: text})
		inserted = append(inserted, template.name)
	}
	if len(inserted) == 0 || !e.add(batch...) {
		return []string{}
	}
	return inserted
}

// canImport reports whether the file can refer to the standard package path by its own name.
func (e *editor) canImport(path string, declared map[string]bool) bool {
	if e.file.Name.Name == path {
		return false
	}
	for _, spec := range e.file.Imports {
		if imported, _ := strconv.Unquote(spec.Path.Value); imported == path {
			return spec.Name == nil
		}
	}
	return !declared[path]
}

func (e *editor) missingImports(paths ...string) []string {
	var missing []string
	for _, path := range paths {
		found := false
		for _, spec := range e.file.Imports {
			if imported, _ := strconv.Unquote(spec.Path.Value); imported == path {
				found = true
			}
		}
		if !found {
			missing = append(missing, path)
		}
	}
	return missing
}

// freshNames picks a function name and a pool name that no file of the package declares.
func (e *editor) freshNames(declared map[string]bool) (string, string) {
	verb := snippetVerbs[e.rng.Intn(len(snippetVerbs))]
	noun := snippetNouns[e.rng.Intn(len(snippetNouns))]
	function, pool := verb+noun, strings.ToLower(noun[:1])+noun[1:]+"BufPool"
	for suffix := 2; declared[function] || declared[pool] || e.identifierNames()[function] || e.identifierNames()[pool]; suffix++ {
		function = verb + noun + strconv.Itoa(suffix)
		pool = strings.ToLower(noun[:1]) + noun[1:] + "BufPool" + strconv.Itoa(suffix)
	}
	declared[function], declared[pool] = true, true
	return function, pool
}
