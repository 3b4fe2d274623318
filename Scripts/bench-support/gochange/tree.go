package main

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"hash/fnv"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// profile sets how much of a file one edit plan changes. Ranges are inclusive.
type profile struct {
	snippetChance float64 // chance that a file gets pool snippets at all
	snippets      [2]int  // pool snippets inserted into a file that gets them
	renameChance  float64 // chance that a file gets renamed locals at all
	renamedFuncs  [2]int  // functions whose local variables get new names
	commentChance float64 // chance that a file loses comment lines at all
	commentGroups [2]int  // comment groups deleted inside function bodies
	moveChance    float64 // chance that one function moves
	moveToEnd     bool    // move a function to the end of the file, else swap two neighbours
}

var profiles = map[string]profile{
	// A push: a few lines in each file, pool code in about half of them.
	"push": {
		snippetChance: 0.5, snippets: [2]int{1, 1},
		renameChance: 0.6, renamedFuncs: [2]int{1, 1},
		commentChance: 0.4, commentGroups: [2]int{1, 2},
		moveChance: 0.15,
	},
	// A large change: about 100 changed lines in each file.
	"large": {
		snippetChance: 0.9, snippets: [2]int{4, 7},
		renameChance: 0.9, renamedFuncs: [2]int{2, 6},
		commentChance: 0.7, commentGroups: [2]int{1, 6},
		moveChance: 0.6, moveToEnd: true,
	},
}

// fileRecord is one edited file in the manifest.
type fileRecord struct {
	Path          string   `json:"path"`
	PoolCode      bool     `json:"hadPoolCode"` // the file used a pool before the edit
	Snippets      []string `json:"snippets"`    // template names of the inserted functions
	Renames       []string `json:"renames"`     // "function: old -> new"
	Moved         string   `json:"moved,omitempty"`
	DeletedGroups int      `json:"deletedCommentGroups"`
}

// editTree edits count files under root, chosen by a seeded shuffle, and returns the records.
// The nth file and its edits depend only on seed and the tree, not on count, so a smaller
// change is a subset of a larger one with the same seed.
func editTree(root string, seed int64, count int, plan profile, noPool []string) ([]fileRecord, error) {
	candidates, err := candidateFiles(root)
	if err != nil {
		return nil, err
	}
	rand.New(rand.NewSource(seed)).Shuffle(len(candidates), func(i, j int) {
		candidates[i], candidates[j] = candidates[j], candidates[i]
	})

	excluded := map[string]bool{}
	for _, dir := range noPool {
		excluded[dir] = true
	}
	names := packageNames{}
	var records []fileRecord
	for _, path := range candidates {
		if len(records) == count {
			break
		}
		rng := rand.New(rand.NewSource(seed ^ int64(hashPath(path))))
		allowPool := !excluded[filepath.Dir(path)]
		record, source, ok, err := editFile(root, path, plan, rng, allowPool, names)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if err := os.WriteFile(filepath.Join(root, path), source, 0o644); err != nil {
			return nil, err
		}
		records = append(records, record)
	}
	if len(records) < count {
		return records, errorf("only %d of %d files could be edited under %s", len(records), count, root)
	}
	return records, nil
}

var generatedLine = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`)

// isGenerated reports whether the file has Go's generated-code line before its package clause.
func isGenerated(source []byte) bool {
	header := source
	if bytes.HasPrefix(source, []byte("package ")) {
		return false
	}
	if end := bytes.Index(source, []byte("\npackage ")); end >= 0 {
		header = source[:end]
	}
	return generatedLine.Match(header)
}

// candidateFiles lists the Go files under root, relative and sorted, that build for this
// platform, are hand-written and are outside testdata and vendor folders.
func candidateFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := entry.Name()
		if entry.IsDir() {
			// The go command ignores testdata and folders starting with . or _.
			ignored := name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
			if path != root && (ignored || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || !entry.Type().IsRegular() {
			return nil
		}
		if matched, _ := build.Default.MatchFile(filepath.Dir(path), name); !matched {
			return nil
		}
		relative, _ := filepath.Rel(root, path)
		files = append(files, filepath.ToSlash(relative))
		return nil
	})
	sort.Strings(files)
	return files, err
}

// editFile plans and applies the edits of one file. ok is false when the file is not a
// candidate after all (generated, cgo, unparsable) or no edit fits it.
func editFile(root, path string, plan profile, rng *rand.Rand, allowPool bool, names packageNames) (fileRecord, []byte, bool, error) {
	record := fileRecord{Path: path, Snippets: []string{}, Renames: []string{}}
	source, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		return record, nil, false, err
	}
	if isGenerated(source) {
		return record, nil, false, nil
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, source, parser.ParseComments)
	if err != nil || importsC(file) {
		return record, nil, false, nil
	}

	e := &editor{fset: fset, file: file, source: source, rng: rng}
	record.PoolCode = hasPoolCode(source)
	if chance(rng, plan.renameChance) {
		record.Renames = e.renameLocals(between(rng, plan.renamedFuncs), record.PoolCode)
	}
	if chance(rng, plan.commentChance) {
		record.DeletedGroups = e.deleteComments(between(rng, plan.commentGroups))
	}
	if chance(rng, plan.moveChance) {
		record.Moved = e.moveFunction(plan.moveToEnd)
	}
	if allowPool && chance(rng, plan.snippetChance) {
		dir := filepath.Join(root, filepath.Dir(path))
		declared, err := names.of(dir)
		if err != nil {
			return record, nil, false, err
		}
		record.Snippets = e.insertSnippets(between(rng, plan.snippets), declared)
	}
	if len(e.edits) == 0 {
		return record, nil, false, nil
	}
	return record, e.apply(), true, nil
}

// packageNames caches the top-level names declared in each folder, in every file whatever
// its build constraints, plus the names this run has added.
type packageNames map[string]map[string]bool

func (names packageNames) of(dir string) (map[string]bool, error) {
	if declared, ok := names[dir]; ok {
		return declared, nil
	}
	declared := map[string]bool{}
	matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, match := range matches {
		file, err := parser.ParseFile(fset, match, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, decl := range file.Decls {
			for _, name := range declaredNames(decl) {
				declared[name] = true
			}
		}
		for _, spec := range file.Imports {
			if spec.Name != nil {
				declared[spec.Name.Name] = true
			}
		}
	}
	names[dir] = declared
	return declared, nil
}

func declaredNames(decl ast.Decl) []string {
	var result []string
	switch decl := decl.(type) {
	case *ast.FuncDecl:
		if decl.Recv == nil {
			result = append(result, decl.Name.Name)
		}
	case *ast.GenDecl:
		for _, spec := range decl.Specs {
			switch spec := spec.(type) {
			case *ast.ValueSpec:
				for _, name := range spec.Names {
					result = append(result, name.Name)
				}
			case *ast.TypeSpec:
				result = append(result, spec.Name.Name)
			}
		}
	}
	return result
}

func importsC(file *ast.File) bool {
	for _, spec := range file.Imports {
		if spec.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

var poolUse = regexp.MustCompile(`(?i)pool[A-Za-z0-9_]*(\(\))?\.Get\(|Acquire[A-Z]`)

func hasPoolCode(source []byte) bool {
	return poolUse.Match(source)
}

func hashPath(path string) uint64 {
	hash := fnv.New64a()
	hash.Write([]byte(path))
	return hash.Sum64()
}

func chance(rng *rand.Rand, p float64) bool {
	return rng.Float64() < p
}

func between(rng *rand.Rand, bounds [2]int) int {
	return bounds[0] + rng.Intn(bounds[1]-bounds[0]+1)
}

func readLines(path string) ([]string, error) {
	if path == "" {
		return nil, nil
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var lines []string
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		if line := strings.TrimSpace(scanner.Text()); line != "" {
			lines = append(lines, line)
		}
	}
	return lines, scanner.Err()
}
