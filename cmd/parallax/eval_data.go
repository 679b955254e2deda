package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"parallax/internal/shared"
)

// evalRoot is the shared folder the eval defaults read (…/shared, holding
// data/), and evalRootErr why it was not found; set by runEval.
var evalRoot, evalRootErr = "", errors.New("gold data not located")

// dataPath is the default path of a gold set under shared/data, or "" when
// the shared folder was not found (needData then says where it looked).
func dataPath(parts ...string) string {
	if evalRoot == "" {
		return ""
	}
	return filepath.Join(append([]string{evalRoot, "data"}, parts...)...)
}

// needData fails with where the gold data was looked for when a default
// path could not be made.
func needData(paths ...string) error {
	for _, p := range paths {
		if p == "" {
			return evalRootErr
		}
	}
	return nil
}

// locateShared finds the shared folder: --data DIR (the shared folder, or
// its data/ folder), else PARALLAX_SHARED, else a "shared" folder beside
// the working directory or one of its ancestors, else beside the
// executable or one of its ancestors. The error names what was tried.
func locateShared(flagDir string) (string, error) {
	if flagDir != "" {
		for _, d := range []string{flagDir, filepath.Dir(filepath.Clean(flagDir))} {
			if isDir(filepath.Join(d, "data")) && (d == flagDir || filepath.Base(flagDir) == "data") {
				return d, nil
			}
		}
		return "", fmt.Errorf("--data %s: no data/ folder there (want the shared folder, e.g. ../shared)", flagDir)
	}
	if root, err := shared.Root(); err == nil {
		return root, nil
	} else if v := os.Getenv("PARALLAX_SHARED"); v != "" {
		return "", fmt.Errorf("PARALLAX_SHARED=%s: no data/ folder there", v)
	}
	tried := []string{}
	if wd, err := os.Getwd(); err == nil {
		tried = append(tried, wd)
	}
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			dir := filepath.Dir(exe)
			tried = append(tried, dir)
			if root := besideAncestors(dir); root != "" {
				return root, nil
			}
		}
	}
	return "", fmt.Errorf("gold data not found: no shared/data beside %s or their parent folders; pass --data DIR or set PARALLAX_SHARED",
		strings.Join(tried, " or "))
}

// besideAncestors returns the first dir/../shared (dir, then its parents)
// that holds data/, or "".
func besideAncestors(dir string) string {
	for {
		cand := filepath.Join(filepath.Dir(dir), "shared")
		if isDir(filepath.Join(cand, "data")) {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// takeDataFlag removes --data DIR (or --data=DIR, -data) from anywhere in
// eval's arguments and returns its value: it is eval's own flag, taken by
// every stage.
func takeDataFlag(args []string) (dir string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return dir, append(rest, args[i:]...), nil
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "data" {
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("%w: --data needs a folder", errUsage)
			}
			i++
			val = args[i]
		}
		dir = val
	}
	return dir, rest, nil
}
