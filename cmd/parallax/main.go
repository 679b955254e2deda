// Command parallax ingests news articles, groups them into stories and
// writes a sourced brief for each. main.go only wires: each subcommand lives
// in a file of its own and registers itself in commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// env is what a subcommand may use instead of globals, so tests can run
// commands in-process.
type env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger
}

// command is one subcommand.
type command struct {
	Name    string
	Summary string
	Run     func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]command{}

// register adds a subcommand; each subcommand file calls it from init.
func register(c command) { commands[c.Name] = c }

// errUsage marks a usage error: exit status 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	signal.Ignore(syscall.SIGXFSZ) // over a file size limit, writes fail (EFBIG: "store full") instead of killing us
	e := &env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Log: newLogger(os.Stderr)}
	stopProfile := startProfile(e)
	code := run(ctx, e, os.Args[1:])
	stopProfile()
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.Stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.Stderr, "parallax: unknown command %q\n", args[0])
		usage(e.Stderr)
		return 2
	}
	err := c.Run(ctx, e, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(e.Stderr, "parallax %s: %v\n", c.Name, err)
		return 2
	default:
		fmt.Fprintf(e.Stderr, "parallax %s: %v\n", c.Name, err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: parallax COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].Summary)
	}
}

// newLogger builds the one slog logger: text by default, JSON when
// PARALLAX_LOG_FORMAT=json; level from PARALLAX_LOG_LEVEL (debug|info|warn|error).
func newLogger(w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(os.Getenv("PARALLAX_LOG_LEVEL"))); err != nil {
		lvl = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lvl}
	if os.Getenv("PARALLAX_LOG_FORMAT") == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet("parallax "+name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.Stderr, "usage: parallax %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// startProfile writes a CPU profile to $PARALLAX_CPUPROFILE while the
// command runs (for `go tool pprof`); it returns the function that stops it.
// A "%p" in the path is the process id, so that processes sharing one
// environment (the scale-out roles) write a profile each.
func startProfile(e *env) func() {
	path := strings.ReplaceAll(os.Getenv("PARALLAX_CPUPROFILE"), "%p", strconv.Itoa(os.Getpid()))
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		e.Log.Warn("cpu profile not written", "path", path, "err", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		e.Log.Warn("cpu profile not written", "path", path, "err", err)
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
