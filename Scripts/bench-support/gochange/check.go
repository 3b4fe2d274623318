package main

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
)

// checkPackages type-checks the package in each folder three ways, as `go vet` would: alone,
// with its in-package test files, and its external tests against that test variant. It
// returns the type errors by folder; a folder without Go files for this platform maps to an
// empty list. Every import is type-checked from source.
func checkPackages(root string, folders []string) map[string][]string {
	fset := token.NewFileSet()
	shared := newSourceImporter(fset, nil, "", nil)
	result := map[string][]string{}
	sort.Strings(folders)
	for _, folder := range folders {
		dir := filepath.Join(root, folder)
		errors := []string{}
		pkg, err := build.Default.ImportDir(dir, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); !ok {
				errors = append(errors, err.Error())
			}
			result[folder] = errors
			continue
		}
		_, plainErrors := checkFiles(fset, shared, dir, pkg.ImportPath, pkg.GoFiles)
		errors = append(errors, plainErrors...)
		if len(pkg.TestGoFiles) > 0 || len(pkg.XTestGoFiles) > 0 {
			// In-package tests may not import a package that imports this one (go test
			// reports an import cycle), so the shared importer serves them.
			files := append(append([]string{}, pkg.GoFiles...), pkg.TestGoFiles...)
			variant, testErrors := checkFiles(fset, shared, dir, pkg.ImportPath, files)
			errors = append(errors, testErrors...)
			if len(pkg.XTestGoFiles) > 0 {
				overlay := newSourceImporter(fset, shared, dir, variant)
				_, externalErrors := checkFiles(fset, overlay, dir, pkg.ImportPath+"_test", pkg.XTestGoFiles)
				errors = append(errors, externalErrors...)
			}
		}
		result[folder] = errors
	}
	return result
}

func checkFiles(fset *token.FileSet, imports types.ImporterFrom, dir, path string, names []string) (*types.Package, []string) {
	var errors []string
	files, parseErrors := parseFiles(fset, dir, names)
	for _, err := range parseErrors {
		errors = append(errors, err.Error())
	}
	config := types.Config{
		Importer:    imports,
		FakeImportC: true,
		Error:       func(err error) { errors = append(errors, err.Error()) },
	}
	checked, _ := config.Check(path, fset, files, nil)
	return checked, errors
}

func parseFiles(fset *token.FileSet, dir string, names []string) ([]*ast.File, []error) {
	var files []*ast.File
	var errors []error
	for _, name := range names {
		parsed, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			errors = append(errors, err)
			continue
		}
		files = append(files, parsed)
	}
	return files, errors
}

// sourceImporter type-checks imported packages from source, without function bodies, and
// caches them by folder. An overlay for the tests of one package hands out that package's
// test variant and re-checks every package that imports it, as go test rebuilds them; all
// other packages come from the parent.
type sourceImporter struct {
	fset     *token.FileSet
	packages map[string]*types.Package
	parent   *sourceImporter
	tested   string
	variant  *types.Package
	reaches  map[string]bool // whether the package in a folder imports tested, directly or not
}

func newSourceImporter(fset *token.FileSet, parent *sourceImporter, tested string, variant *types.Package) *sourceImporter {
	return &sourceImporter{
		fset: fset, packages: map[string]*types.Package{}, parent: parent,
		tested: tested, variant: variant, reaches: map[string]bool{},
	}
}

func (s *sourceImporter) Import(path string) (*types.Package, error) {
	return s.ImportFrom(path, "", 0)
}

func (s *sourceImporter) ImportFrom(path, srcDir string, mode types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	pkg, err := build.Default.Import(path, srcDir, 0)
	if err != nil {
		return nil, err
	}
	if s.parent != nil {
		if pkg.Dir == s.tested {
			return s.variant, nil
		}
		if !s.importsTested(pkg) {
			return s.parent.ImportFrom(path, srcDir, mode)
		}
	}
	if checked, ok := s.packages[pkg.Dir]; ok {
		return checked, nil
	}
	files, _ := parseFiles(s.fset, pkg.Dir, pkg.GoFiles)
	config := types.Config{Importer: s, FakeImportC: true, IgnoreFuncBodies: true, Error: func(error) {}}
	checked, _ := config.Check(pkg.ImportPath, s.fset, files, nil)
	s.packages[pkg.Dir] = checked
	return checked, nil
}

func (s *sourceImporter) importsTested(pkg *build.Package) bool {
	if known, ok := s.reaches[pkg.Dir]; ok {
		return known
	}
	s.reaches[pkg.Dir] = false
	for _, path := range pkg.Imports {
		if path == "C" || path == "unsafe" {
			continue
		}
		imported, err := build.Default.Import(path, pkg.Dir, 0)
		if err == nil && (imported.Dir == s.tested || s.importsTested(imported)) {
			s.reaches[pkg.Dir] = true
			break
		}
	}
	return s.reaches[pkg.Dir]
}
