// Command gochange makes seeded, reproducible edits to Go source files and type-checks the
// result. Scripts/bench uses it to turn a copy of a Go tree into the head revision of a
// benchmark change, so the measured tools see a realistic diff of code that still compiles.
//
// Usage:
//
//	gochange edit -root DIR -seed N -count N -profile push|large [-no-pool FILE] [-manifest FILE]
//	gochange check -root DIR -dirs FILE
//
// edit changes count files under root in place and writes a JSON manifest of what it did.
// check type-checks the packages in the listed folders (relative to root) with go/types and
// prints a JSON object from folder to its type errors. It reads build settings from the
// environment (GOROOT, GOPATH, GO111MODULE=off, CGO_ENABLED=0), as go/build does.
//
// Only the standard library of Go 1.19 is used.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fail("missing command: use 'edit' or 'check'")
	}
	switch os.Args[1] {
	case "edit":
		runEdit(os.Args[2:])
	case "check":
		runCheck(os.Args[2:])
	default:
		fail(fmt.Sprintf("unknown command %q: use 'edit' or 'check'", os.Args[1]))
	}
}

func runEdit(arguments []string) {
	flags := flag.NewFlagSet("edit", flag.ExitOnError)
	root := flags.String("root", "", "the tree to edit in place")
	seed := flags.Int64("seed", 1, "the seed of every random choice")
	count := flags.Int("count", 10, "the number of files to edit")
	profile := flags.String("profile", "push", "push (a few lines a file) or large (about 100)")
	noPool := flags.String("no-pool", "", "a file listing folders, one a line, whose files must not get pool code")
	manifest := flags.String("manifest", "", "where to write the JSON manifest (default: standard output)")
	flags.Parse(arguments)

	if *root == "" {
		fail("edit: missing -root")
	}
	plan, ok := profiles[*profile]
	if !ok {
		fail(fmt.Sprintf("edit: unknown profile %q: use push or large", *profile))
	}
	excluded, err := readLines(*noPool)
	if err != nil {
		fail(err.Error())
	}

	edited, err := editTree(*root, *seed, *count, plan, excluded)
	if err != nil {
		fail(err.Error())
	}
	writeJSON(*manifest, edited)
}

func runCheck(arguments []string) {
	flags := flag.NewFlagSet("check", flag.ExitOnError)
	root := flags.String("root", "", "the tree the folders are in")
	dirs := flags.String("dirs", "", "a file listing folders relative to root, one a line")
	flags.Parse(arguments)

	if *root == "" || *dirs == "" {
		fail("check: missing -root or -dirs")
	}
	folders, err := readLines(*dirs)
	if err != nil {
		fail(err.Error())
	}
	writeJSON("", checkPackages(*root, folders))
}

func writeJSON(path string, value any) {
	data, err := json.MarshalIndent(value, "", "  ")
	if err != nil {
		fail(err.Error())
	}
	data = append(data, '\n')
	if path == "" {
		os.Stdout.Write(data)
		return
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		fail(err.Error())
	}
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "gochange:", message)
	os.Exit(2)
}
