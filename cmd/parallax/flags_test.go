package main

import (
	"bytes"
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"
)

func testFlagSet(cmd string) (*flag.FlagSet, *string, *bool, *int) {
	fs := flag.NewFlagSet("parallax "+cmd, flag.ContinueOnError)
	fs.SetOutput(&bytes.Buffer{})
	return fs, fs.String("db", "parallax.db", "store"), fs.Bool("json", false, "json"), fs.Int("workers", 2, "workers")
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		db      string
		json    bool
		workers int
		rest    []string
	}{
		{"Before", []string{"--db", "x.db", "a", "b"}, "x.db", false, 2, []string{"a", "b"}},
		{"After", []string{"a", "b", "--db", "x.db", "--json"}, "x.db", true, 2, []string{"a", "b"}},
		{"Between", []string{"a", "--workers=3", "b"}, "parallax.db", false, 3, []string{"a", "b"}},
		{"DashDash", []string{"a", "--", "--db", "b"}, "parallax.db", false, 2, []string{"a", "--db", "b"}},
		{"None", nil, "parallax.db", false, 2, nil},
		{"SingleDash", []string{"-db", "y.db", "-"}, "y.db", false, 2, []string{"-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, db, js, w := testFlagSet("stats")
			if err := parseFlags(fs, tt.args); err != nil {
				t.Fatal(err)
			}
			if *db != tt.db || *js != tt.json || *w != tt.workers || !slices.Equal(fs.Args(), tt.rest) {
				t.Errorf("db %q json %v workers %d args %q", *db, *js, *w, fs.Args())
			}
		})
	}
	fs, _, _, _ := testFlagSet("stats")
	if err := parseFlags(fs, []string{"a", "--nope"}); !errors.Is(err, errUsage) {
		t.Errorf("unknown flag: %v, want a usage error", err)
	}
}

func TestApplyEnv(t *testing.T) {
	t.Setenv("PARALLAX_DB", "env.db")
	t.Setenv("PARALLAX_WORKERS", "5")
	t.Setenv("PARALLAX_POLL_WORKERS", "7")
	fs, db, _, w := testFlagSet("ingest")
	if err := parseFlags(fs, []string{"--db", "flag.db"}); err != nil {
		t.Fatal(err)
	}
	if *db != "flag.db" || *w != 5 {
		t.Errorf("ingest: db %q workers %d, want the flag over the variable and PARALLAX_WORKERS", *db, *w)
	}
	if u := fs.Lookup("workers").Usage; !strings.Contains(u, "(env PARALLAX_WORKERS)") {
		t.Errorf("usage %q does not name the variable", u)
	}
	fs, db, _, w = testFlagSet("poll")
	if err := parseFlags(fs, nil); err != nil {
		t.Fatal(err)
	}
	if *db != "env.db" || *w != 7 {
		t.Errorf("poll: db %q workers %d, want env.db and PARALLAX_POLL_WORKERS", *db, *w)
	}
	for v, want := range map[string]bool{"1": true, "true": true, "yes": true, "on": true, "0": false, "off": false, "no": false} {
		t.Setenv("PARALLAX_ALLOW_PRIVATE", v)
		fs := flag.NewFlagSet("parallax serve", flag.ContinueOnError)
		allow := fs.Bool("allow-private", !want, "")
		if err := parseFlags(fs, nil); err != nil || *allow != want {
			t.Errorf("PARALLAX_ALLOW_PRIVATE=%s: %v %v", v, *allow, err)
		}
	}
	t.Setenv("PARALLAX_POLL_WORKERS", "lots")
	fs, _, _, _ = testFlagSet("serve")
	if err := parseFlags(fs, nil); !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "PARALLAX_POLL_WORKERS") {
		t.Errorf("bad variable: %v", err)
	}
}

func FuzzParseFlags(f *testing.F) {
	f.Add("a --db x.db b --json")
	f.Add("-- --db")
	f.Add("--workers=x")
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		fs, _, _, _ := testFlagSet("stats")
		if err := parseFlags(fs, args); err != nil {
			return
		}
		// Every argument left is one of the input's, in order.
		i := 0
		for _, a := range fs.Args() {
			for i < len(args) && args[i] != a {
				i++
			}
			if i == len(args) {
				t.Fatalf("argument %q not in %q (or out of order)", a, args)
			}
			i++
		}
	})
}
