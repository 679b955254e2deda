package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
)

// envOf is the environment variable of a configuration flag of command
// cmd ("ingest", "feeds add"), or "" for a flag that is an argument of one
// run (--json, --in, --title). Every configuration flag has one.
func envOf(cmd, name string) string {
	switch name {
	case "db", "addr", "no-poll", "allow-private", "queue", "max-bytes", "password-file":
		return "PARALLAX_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
	case "data":
		return "PARALLAX_SHARED"
	case "workers":
		if cmd == "ingest" || cmd == "worker" {
			return "PARALLAX_WORKERS" // extraction workers
		}
		return "PARALLAX_POLL_WORKERS" // feeds polled at once (serve, poll)
	}
	return ""
}

// parseFlags parses a command's flags: first the environment variables of
// its configuration flags, then args, where flags may come before, between
// or after the other arguments ("--" ends the flags). fs.Args() holds the
// other arguments afterwards, in order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := applyEnv(fs); err != nil {
		return err
	}
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return fmt.Errorf("%w: %v", errUsage, err) // exit status 2
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			rest = append(rest, left...) // everything after "--" is an argument
			break
		}
		rest, args = append(rest, left[0]), left[1:]
	}
	return fs.Parse(append([]string{"--"}, rest...))
}

// applyEnv sets the flags of fs that have an environment variable set, and
// names the variable in each such flag's usage.
func applyEnv(fs *flag.FlagSet) error {
	cmd := strings.TrimPrefix(fs.Name(), "parallax ")
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := envOf(cmd, f.Name)
		if env == "" {
			return
		}
		if !strings.Contains(f.Usage, "(env ") {
			f.Usage += " (env " + env + ")"
		}
		v, ok := os.LookupEnv(env)
		if !ok || v == "" || err != nil {
			return
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			switch strings.ToLower(v) {
			case "yes", "on":
				v = "true"
			case "no", "off":
				v = "false"
			}
		}
		if e := f.Value.Set(v); e != nil {
			err = fmt.Errorf("%w: %s=%q: %v", errUsage, env, v, e)
			return
		}
		f.DefValue = v
	})
	return err
}
