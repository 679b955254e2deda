// Package shared locates the gold data sets in ../shared/data (beside the
// repository) for tests and `parallax eval`. Their text is never copied into
// the repository.
package shared

import (
	"errors"
	"os"
	"path/filepath"
)

// ErrMissing means ../shared/data could not be found.
var ErrMissing = errors.New("shared: ../shared/data not found (set PARALLAX_SHARED to the shared folder)")

// Root returns the shared folder: $PARALLAX_SHARED, else the first
// "shared" folder with a data/ subfolder beside the working directory or
// beside one of its ancestors.
func Root() (string, error) {
	if d := os.Getenv("PARALLAX_SHARED"); d != "" {
		if isDir(filepath.Join(d, "data")) {
			return d, nil
		}
		return "", ErrMissing
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		cand := filepath.Join(filepath.Dir(dir), "shared")
		if isDir(filepath.Join(cand, "data")) {
			return cand, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrMissing
		}
		dir = parent
	}
}

// Data returns the path of a file or folder under shared/data.
func Data(parts ...string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	return filepath.Join(append([]string{root, "data"}, parts...)...), nil
}

// TestData returns the path under shared/data for a test. When the shared
// folder is absent the test is skipped with a clear message, except under CI
// (CI=true), where it fails: CI always has ../shared.
//
// t is a *testing.T or *testing.B: the package takes it through TB so that
// the binary, which uses Data, does not link the testing package.
func TestData(t TB, parts ...string) string {
	t.Helper()
	p, err := Data(parts...)
	if err == nil {
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("gold data missing under CI: %v", err)
	}
	t.Skipf("gold data not available: %v", err)
	return ""
}

// TB is the part of testing.TB that TestData uses.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Skipf(format string, args ...any)
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
