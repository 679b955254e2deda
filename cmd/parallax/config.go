package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"text/tabwriter"

	"parallax/internal/ingest/files"
	"parallax/internal/ingest/poll"
	"parallax/internal/pipeline"
)

func init() {
	register(command{Name: "config", Summary: "print the effective configuration (flags' environment variables and defaults), secrets redacted", Run: runConfig})
}

// setting is one configuration value: its environment variable, the flag
// that overrides it on the commands that take it ("" for environment-only
// settings) and its default.
type setting struct {
	Env, Flag, Default, What string
	Secret                   bool // never printed: only whether it is set
}

// settings lists every configuration value of the binary.
func settings() []setting {
	return []setting{
		{"PARALLAX_DB", "--db", defaultDB, "store: SQLite file or postgres:// URL (password redacted)", false},
		{"PARALLAX_ADDR", "--addr", "127.0.0.1:8080", "serve: listen address", false},
		{"PARALLAX_NO_POLL", "--no-poll", "false", "serve: do not follow feeds", false},
		{"PARALLAX_ALLOW_PRIVATE", "--allow-private", "false", "serve, poll, ingest, publish: fetch from (and serve: send webhooks to) loopback/private addresses", false},
		{"PARALLAX_QUEUE", "--queue", "", "ingest, worker, publish, clusterer: work queue (empty: in-process; nats:// URL)", false},
		{"PARALLAX_WORKERS", "--workers", strconv.Itoa(runtime.GOMAXPROCS(0)), "ingest, worker: extraction workers", false},
		{"PARALLAX_POLL_WORKERS", "--workers", strconv.Itoa(poll.DefaultOptions().Workers), "serve, poll: feeds polled at once", false},
		{"PARALLAX_MAX_BYTES", "--max-bytes", strconv.Itoa(files.DefaultMaxBytes), "ingest, publish: largest file, JSONL line or WARC record read", false},
		{"PARALLAX_SHARED", "--data", "../shared beside the working directory or the binary", "eval: the gold data's shared folder", false},
		{"PARALLAX_QUEUE_STREAM", "", "parallax", "NATS JetStream stream the processes of a deployment share", false},
		{"PARALLAX_QUEUE_ACK_WAIT", "", "30s", "how long a worker may hold a queued item before it is redelivered", false},
		{"PARALLAX_PROGRESS_EVERY", "", "5s", "longest silence of ingest's progress log", false},
		{"PARALLAX_STATE_EVERY", "", strconv.Itoa(pipeline.DefaultOptions().StateEvery), "articles clustered per stored transaction", false},
		{"PARALLAX_LOG_FORMAT", "", "text", "log format: text or json", false},
		{"PARALLAX_LOG_LEVEL", "", "info", "log level: debug, info, warn, error", false},
		{"PARALLAX_CPUPROFILE", "", "", "write a CPU profile of any command to this file (%p: the process id)", false},
		{"PARALLAX_PASSWORD", "", "", "serve: the operator's password (login for changes); kept only hashed", true},
		{"PARALLAX_PASSWORD_FILE", "--password-file", "", "serve: file whose first line is the operator's password (overrides PARALLAX_PASSWORD)", false},
		{"PGPASSWORD", "", "", "PostgreSQL password (or ~/.pgpass)", true},
	}
}

func runConfig(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "config", "[--db FILE|URL]")
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VARIABLE\tFLAG\tVALUE\tFROM\tWHAT")
	for _, s := range settings() {
		val, from := s.Default, "default"
		if v, ok := os.LookupEnv(s.Env); ok && v != "" {
			val, from = v, "environment"
		}
		if s.Env == "PARALLAX_DB" && flagSet(fs, "db") {
			val, from = *db, "flag"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.Env, dash(s.Flag), dash(redactValue(s, val, from)), from, s.What)
	}
	return tw.Flush()
}

// redactValue hides secrets: a secret's value, and the password of any URL.
func redactValue(s setting, val, from string) string {
	if s.Secret {
		if from == "default" {
			return ""
		}
		return "(set, redacted)"
	}
	if u, err := url.Parse(val); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			return u.Redacted()
		}
	}
	return val
}

func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
