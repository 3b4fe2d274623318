package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"math/rand"
	"sort"
	"strconv"
	"strings"
)

// edit replaces source[start:end] with text; start == end inserts. Offsets are bytes of the
// original source, and order keeps insertions at one offset in the order they were made.
type edit struct {
	start, end int
	text       string
	order      int
}

// editor collects non-overlapping edits of one parsed file and applies them at once.
type editor struct {
	fset   *token.FileSet
	file   *ast.File
	source []byte
	rng    *rand.Rand
	edits  []edit
	idents map[string]bool // every identifier name in the file, plus the names added
}

// add accepts all of batch or none of it: none when one of its edits overlaps an accepted one.
func (e *editor) add(batch ...edit) bool {
	for _, candidate := range batch {
		for _, other := range e.edits {
			if overlap(candidate, other) {
				return false
			}
		}
	}
	for _, candidate := range batch {
		candidate.order = len(e.edits)
		e.edits = append(e.edits, candidate)
	}
	return true
}

func overlap(a, b edit) bool {
	switch {
	case a.start == a.end && b.start == b.end:
		return false
	case a.start == a.end:
		return b.start < a.start && a.start < b.end
	case b.start == b.end:
		return a.start < b.start && b.start < a.end
	default:
		return a.start < b.end && b.start < a.end
	}
}

func (e *editor) apply() []byte {
	edits := append([]edit(nil), e.edits...)
	// At one offset, insertions go before a replacement that starts there, so the cursor
	// never passes the start of the next edit.
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if (a.start == a.end) != (b.start == b.end) {
			return a.start == a.end
		}
		return a.order < b.order
	})
	var out strings.Builder
	cursor := 0
	for _, change := range edits {
		out.Write(e.source[cursor:change.start])
		out.WriteString(change.text)
		cursor = change.end
	}
	out.Write(e.source[cursor:])
	return []byte(out.String())
}

func (e *editor) offset(pos token.Pos) int {
	return e.fset.File(pos).Offset(pos)
}

// lineStart is the offset of the first byte of the line that contains offset.
func (e *editor) lineStart(offset int) int {
	for offset > 0 && e.source[offset-1] != '\n' {
		offset--
	}
	return offset
}

// lineEnd is the offset just past the line break of the line that contains offset.
func (e *editor) lineEnd(offset int) int {
	for offset < len(e.source) && e.source[offset] != '\n' {
		offset++
	}
	if offset < len(e.source) {
		offset++
	}
	return offset
}

func (e *editor) isBlank(start, end int) bool {
	return strings.TrimSpace(string(e.source[start:end])) == ""
}

func (e *editor) functions() []*ast.FuncDecl {
	var result []*ast.FuncDecl
	for _, decl := range e.file.Decls {
		if function, ok := decl.(*ast.FuncDecl); ok && function.Body != nil {
			result = append(result, function)
		}
	}
	return result
}

func (e *editor) identifierNames() map[string]bool {
	if e.idents == nil {
		e.idents = map[string]bool{}
		ast.Inspect(e.file, func(node ast.Node) bool {
			if ident, ok := node.(*ast.Ident); ok {
				e.idents[ident.Name] = true
			}
			return true
		})
	}
	return e.idents
}

// MARK: - Deleted comment lines

var directivePrefixes = []string{"//go:", "//line ", "//export ", "//lint:", "//nolint", "//#"}

// deleteComments deletes up to count whole-line comment groups inside function bodies, never
// a compiler directive, and returns how many it deleted.
func (e *editor) deleteComments(count int) int {
	var candidates [][2]int
	for _, function := range e.functions() {
		for _, group := range e.file.Comments {
			if group.Pos() <= function.Body.Lbrace || group.End() >= function.Body.Rbrace {
				continue
			}
			if start, end, ok := e.commentLines(group); ok {
				candidates = append(candidates, [2]int{start, end})
			}
		}
	}
	deleted := 0
	for _, index := range e.rng.Perm(len(candidates)) {
		if deleted == count {
			break
		}
		if e.add(edit{start: candidates[index][0], end: candidates[index][1]}) {
			deleted++
		}
	}
	return deleted
}

// commentLines returns the lines of a group made only of // comments on lines of their own.
func (e *editor) commentLines(group *ast.CommentGroup) (int, int, bool) {
	for _, comment := range group.List {
		if !strings.HasPrefix(comment.Text, "//") {
			return 0, 0, false
		}
		for _, prefix := range directivePrefixes {
			if strings.HasPrefix(comment.Text, prefix) {
				return 0, 0, false
			}
		}
	}
	start, end := e.offset(group.Pos()), e.offset(group.End())
	lineStart, lineEnd := e.lineStart(start), e.lineEnd(end)
	if !e.isBlank(lineStart, start) || !e.isBlank(end, lineEnd) {
		return 0, 0, false
	}
	return lineStart, lineEnd, true
}

// MARK: - Moved functions

// moveFunction moves one top-level function, with its doc comment, to the end of the file
// or swaps it with the function after it. It returns what it did, or "" when nothing fits.
func (e *editor) moveFunction(toEnd bool) string {
	decls := e.file.Decls
	for _, index := range e.rng.Perm(len(decls)) {
		function, ok := decls[index].(*ast.FuncDecl)
		if !ok || index == len(decls)-1 {
			continue
		}
		if toEnd {
			if e.moveToEnd(function) {
				return "moved " + function.Name.Name + " to the end"
			}
			continue
		}
		if next, ok := decls[index+1].(*ast.FuncDecl); ok && e.swap(function, next) {
			return "swapped " + function.Name.Name + " and " + next.Name.Name
		}
	}
	return ""
}

func (e *editor) declRange(function *ast.FuncDecl) (int, int) {
	start := function.Pos()
	if function.Doc != nil {
		start = function.Doc.Pos()
	}
	return e.offset(start), e.offset(function.End())
}

func (e *editor) moveToEnd(function *ast.FuncDecl) bool {
	start, end := e.declRange(function)
	lineStart, lineEnd := e.lineStart(start), e.lineEnd(end)
	if !e.isBlank(lineStart, start) || !e.isBlank(end, lineEnd) {
		return false
	}
	text := string(e.source[lineStart:lineEnd])
	if next := e.lineEnd(lineEnd); next > lineEnd && e.isBlank(lineEnd, next) {
		lineEnd = next
	}
	prefix := "\n"
	if len(e.source) > 0 && e.source[len(e.source)-1] != '\n' {
		prefix = "\n\n"
	}
	return e.add(edit{start: lineStart, end: lineEnd}, edit{start: len(e.source), end: len(e.source), text: prefix + text})
}

func (e *editor) swap(first, second *ast.FuncDecl) bool {
	firstStart, firstEnd := e.declRange(first)
	secondStart, secondEnd := e.declRange(second)
	if !e.isBlank(firstEnd, secondStart) {
		return false
	}
	return e.add(
		edit{start: firstStart, end: firstEnd, text: string(e.source[secondStart:secondEnd])},
		edit{start: secondStart, end: secondEnd, text: string(e.source[firstStart:firstEnd])},
	)
}

// MARK: - Imports

// addImports adds import lines for the paths the file does not import yet, sorted into the
// first import declaration, or in a new declaration after the package clause.
func (e *editor) addImports(paths ...string) []edit {
	var batch []edit
	var first *ast.GenDecl
	for _, decl := range e.file.Decls {
		if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.IMPORT {
			first = gen
			break
		}
	}
	for _, path := range paths {
		quoted := strconv.Quote(path)
		switch {
		case first == nil:
			at := e.lineEnd(e.offset(e.file.Name.End()))
			batch = append(batch, edit{start: at, end: at, text: "\nimport " + quoted + "\n"})
		case !first.Lparen.IsValid():
			at := e.lineEnd(e.offset(first.End()))
			batch = append(batch, edit{start: at, end: at, text: "import " + quoted + "\n"})
		default:
			at := e.importPosition(first, path)
			batch = append(batch, edit{start: at, end: at, text: "\t" + quoted + "\n"})
		}
	}
	return batch
}

func (e *editor) importPosition(decl *ast.GenDecl, path string) int {
	for _, spec := range decl.Specs {
		imported := spec.(*ast.ImportSpec)
		if existing, _ := strconv.Unquote(imported.Path.Value); existing > path {
			start := imported.Pos()
			if imported.Doc != nil {
				start = imported.Doc.Pos()
			}
			return e.lineStart(e.offset(start))
		}
	}
	return e.lineStart(e.offset(decl.Rparen))
}

func errorf(format string, arguments ...any) error {
	return fmt.Errorf(format, arguments...)
}
