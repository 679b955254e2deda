package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGroupsCommand imports labels, lists and exports them, replaces one
// dimension with a second import, and rejects a bad file naming its line.
func TestGroupsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	csv := filepath.Join(dir, "labels.csv")
	write := func(s string) {
		if err := os.WriteFile(csv, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("outlet,dimension,value\nwfaa.com:80,country,US\nbbc.co.uk,country,UK\nbbc.co.uk,ownership,public\n")
	if code, _, errOut := runCmd(t, "", "groups", "import", csv, "--db", db); code != 0 || !strings.Contains(errOut, "imported 3 label(s)") {
		t.Fatalf("groups import: %d %s", code, errOut)
	}
	code, out, errOut := runCmd(t, "", "groups", "--db", db, "list")
	if code != 0 || !strings.Contains(out, "country    US      wfaa.com\n") || !strings.Contains(out, "ownership  public  bbc.co.uk") {
		t.Fatalf("groups list: %d %q %s", code, out, errOut)
	}
	// A second import of "country" replaces its labels; "ownership" stays.
	if code, _, errOut := runCmd(t, "outlet,dimension,value\nlemonde.fr,country,FR\n", "groups", "--db", db, "import", "-"); code != 0 {
		t.Fatalf("groups import -: %d %s", code, errOut)
	}
	code, out, _ = runCmd(t, "", "groups", "--db", db, "export")
	want := "outlet,dimension,value\nlemonde.fr,country,FR\nbbc.co.uk,ownership,public\n"
	if code != 0 || out != want {
		t.Errorf("groups export = %d %q, want %q", code, out, want)
	}
	write("outlet,dimension,value\na.com,country,US\nb.com,country\n")
	code, _, errOut = runCmd(t, "", "groups", "--db", db, "import", csv)
	if code != 1 || !strings.Contains(errOut, "line 3") || !strings.Contains(errOut, "3 columns") {
		t.Errorf("bad CSV: exit %d %q, want 1 naming line 3", code, errOut)
	}
	if _, out, _ := runCmd(t, "", "groups", "--db", db, "export"); out != want {
		t.Errorf("a rejected file changed the labels: %q", out)
	}
	if code, _, _ := runCmd(t, "", "groups", "--db", db, "frobnicate"); code != 2 {
		t.Errorf("unknown action: exit %d, want 2", code)
	}
}
