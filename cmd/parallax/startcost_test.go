package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	"parallax/internal/clitest"
)

// TestStartAllocatesLittle checks, through the Go runtime's init trace, that
// starting the binary does not build the date parser's locale data: every
// process (each worker, clusterer, brief writer, one-article ingest) paid
// ~78 MB and ~0.6 s of CPU for it before third_party/go-dateparser compiled
// its expressions on first use.
func TestStartAllocatesLittle(t *testing.T) {
	cmd := exec.Command(clitest.Binary(t), "--help")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, _ := cmd.CombinedOutput()
	line := regexp.MustCompile(`init (\S+) @[^,]+, [^,]+, (\d+) bytes`)
	total, seen := 0, false
	for _, m := range line.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[2])
		total += n
		if m[1] == "github.com/markusmobius/go-dateparser/internal/data" {
			seen = true
			if n > 16<<20 {
				t.Errorf("the date parser's locale data allocates %d MB at start, want under 16", n>>20)
			}
		}
	}
	if !seen {
		t.Fatalf("no init trace for the date parser's data in:\n%s", out)
	}
	if total > 32<<20 {
		t.Errorf("package initialisation allocates %d MB in all, want under 32", total>>20)
	}
	t.Logf("package initialisation allocates %.1f MB", float64(total)/(1<<20))
}
