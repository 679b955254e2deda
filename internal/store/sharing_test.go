package store_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxRepeatedLines bounds how many substantive lines of store/sqlite stand
// again, verbatim, in store/postgres (issue #15: 442 of 842 at the start,
// 910 of 1773 before store/sqlstore took the shared logic). Raise it only
// for code that truly differs by dialect; shared logic goes in sqlstore.
const maxRepeatedLines = 62

// TestStoresShareLogic counts the non-test Go lines of store/sqlite that
// are 12 characters or longer after trimming and not comments, and fails
// when more than maxRepeatedLines of them also occur in store/postgres.
func TestStoresShareLogic(t *testing.T) {
	sqlite := substantiveLines(t, "sqlite")
	postgres := map[string]bool{}
	for _, l := range substantiveLines(t, "postgres") {
		postgres[l] = true
	}
	var repeated []string
	for _, l := range sqlite {
		if postgres[l] {
			repeated = append(repeated, l)
		}
	}
	if len(repeated) > maxRepeatedLines {
		t.Errorf("%d of %d substantive lines of store/sqlite repeat in store/postgres, want at most %d:\n%s",
			len(repeated), len(sqlite), maxRepeatedLines, strings.Join(repeated, "\n"))
	}
	t.Logf("%d of %d substantive lines of store/sqlite repeat in store/postgres", len(repeated), len(sqlite))
}

// substantiveLines returns the trimmed lines of 12 characters or more that
// are not comments, of the non-test Go files under dir.
func substantiveLines(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); len(l) >= 12 && !strings.HasPrefix(l, "//") {
				out = append(out, l)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no Go lines under %s", dir)
	}
	return out
}
