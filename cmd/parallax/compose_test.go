package main

import (
	"os"
	"regexp"
	"testing"
)

// TestComposeCommands: every parallax command that deploy/compose.yaml
// runs exists and answers --help, so that the file cannot rot unnoticed.
func TestComposeCommands(t *testing.T) {
	data, err := os.ReadFile("../../deploy/compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The parallax services' commands start with a command name; the
	// servers' (nats) start with a flag.
	re := regexp.MustCompile(`(?m)^\s*command:\s*\["([a-z]+)"`)
	uses := re.FindAllSubmatch(data, -1)
	if len(uses) < 5 {
		t.Fatalf("compose.yaml names %d parallax commands, want the five roles", len(uses))
	}
	named := map[string]bool{"publish": true} // in the file's usage notes
	for _, m := range uses {
		named[string(m[1])] = true
	}
	for name := range named {
		if _, ok := commands[name]; !ok {
			t.Errorf("compose.yaml runs unknown command %q", name)
			continue
		}
		if code, _, errs := runCmd(t, "", name, "--help"); code != 0 {
			t.Errorf("parallax %s --help: exit %d: %s", name, code, errs)
		}
	}
}
