package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestBinaryDoesNotLinkTesting: nothing the binary imports pulls in the
// testing package (test support lives in test packages, or takes the
// small interface it needs, as shared.TestData does).
func TestBinaryDoesNotLinkTesting(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "parallax/internal/shared") {
		t.Fatalf("go list -deps did not list the packages the binary imports: %v", deps)
	}
	if slices.Contains(deps, "testing") {
		t.Error("the parallax binary links the testing package")
	}
}

// TestStoresDoNotImportIngest: the stores keep feeds and articles as the
// model defines them; no store depends on an ingest stage (data flows one
// way: ingest -> ... -> store).
func TestStoresDoNotImportIngest(t *testing.T) {
	for _, pkg := range []string{"parallax/internal/store", "parallax/internal/store/sqlite", "parallax/internal/store/postgres"} {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, d := range strings.Fields(string(out)) {
			if strings.HasPrefix(d, "parallax/internal/ingest") {
				t.Errorf("%s imports %s", pkg, d)
			}
		}
	}
}
