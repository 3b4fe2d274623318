package main

import (
	"go/ast"
	"sort"
	"strings"
)

// Longer names for the short local names Go code uses most; other names get a prefix.
var longerNames = map[string]string{
	"b": "data", "buf": "buffer", "bb": "byteBuf", "c": "conn", "ch": "char", "ctx": "context",
	"d": "dst", "dst": "dest", "e": "entry", "f": "file", "h": "header", "i": "idx", "j": "jdx",
	"k": "key", "l": "length", "m": "msg", "n": "count", "p": "ptr", "r": "reader",
	"req": "request", "resp": "response", "s": "str", "src": "source", "t": "typ", "v": "val",
	"w": "writer", "x": "elem", "err": "failure",
}

// renameLocals gives up to two local variables or parameters of each of up to count functions
// a new name, at every use. With preferPool, functions that take an object from a pool come
// first, so the rename touches existing pool code. It returns "function: old -> new" lines.
func (e *editor) renameLocals(count int, preferPool bool) []string {
	functions := e.functions()
	e.rng.Shuffle(len(functions), func(i, j int) { functions[i], functions[j] = functions[j], functions[i] })
	if preferPool {
		sort.SliceStable(functions, func(i, j int) bool {
			return e.usesPool(functions[i]) && !e.usesPool(functions[j])
		})
	}

	keys := e.compositeKeys()
	names := e.identifierNames()
	renamed := []string{}
	for _, function := range functions {
		if count == 0 {
			break
		}
		locals := e.localObjects(function)
		done := 0
		for _, index := range e.rng.Perm(len(locals)) {
			if done == 2 {
				break
			}
			object := locals[index]
			newName := longerName(object.Name)
			if keys[object.Name] || names[newName] {
				continue
			}
			if e.renameObject(function, object, newName) {
				names[newName] = true
				renamed = append(renamed, function.Name.Name+": "+object.Name+" -> "+newName)
				done++
			}
		}
		if done > 0 {
			count--
		}
	}
	return renamed
}

func longerName(name string) string {
	if longer, ok := longerNames[name]; ok {
		return longer
	}
	return "cur" + strings.ToUpper(name[:1]) + name[1:]
}

func (e *editor) usesPool(function *ast.FuncDecl) bool {
	start, end := e.declRange(function)
	return hasPoolCode(e.source[start:end])
}

// localObjects lists, in source order, the variables declared inside the function, its
// receiver, parameters and results included. Parameters of function literals are left out
// with struct fields, because go/parser declares both as *ast.Field objects.
func (e *editor) localObjects(function *ast.FuncDecl) []*ast.Object {
	var result []*ast.Object
	seen := map[*ast.Object]bool{}
	signatureFields := map[*ast.Field]bool{}
	for _, list := range []*ast.FieldList{function.Recv, function.Type.Params, function.Type.Results} {
		if list != nil {
			for _, field := range list.List {
				signatureFields[field] = true
			}
		}
	}
	ast.Inspect(function, func(node ast.Node) bool {
		ident, ok := node.(*ast.Ident)
		if !ok || ident.Obj == nil || ident.Obj.Kind != ast.Var || ident.Name == "_" || seen[ident.Obj] {
			return true
		}
		declaration, ok := ident.Obj.Decl.(ast.Node)
		if field, isField := declaration.(*ast.Field); isField && !signatureFields[field] {
			return true // a struct field of a type declared in the body
		}
		if ok && declaration.Pos() >= function.Pos() && declaration.End() <= function.End() {
			seen[ident.Obj] = true
			result = append(result, ident.Obj)
		}
		return true
	})
	return result
}

// compositeKeys are the identifiers used as keys in composite literals. go/parser resolves
// such a key to a variable of the same name even when it names a struct field, so a
// variable with one of these names is never renamed.
func (e *editor) compositeKeys() map[string]bool {
	keys := map[string]bool{}
	ast.Inspect(e.file, func(node ast.Node) bool {
		if pair, ok := node.(*ast.KeyValueExpr); ok {
			if ident, ok := pair.Key.(*ast.Ident); ok {
				keys[ident.Name] = true
			}
		}
		return true
	})
	return keys
}

func (e *editor) renameObject(function *ast.FuncDecl, object *ast.Object, newName string) bool {
	var batch []edit
	ast.Inspect(function, func(node ast.Node) bool {
		if ident, ok := node.(*ast.Ident); ok && ident.Obj == object {
			start := e.offset(ident.Pos())
			batch = append(batch, edit{start: start, end: start + len(ident.Name), text: newName})
		}
		return true
	})
	return len(batch) > 0 && e.add(batch...)
}
