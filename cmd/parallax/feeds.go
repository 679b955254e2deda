package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
	"parallax/internal/ingest/poll"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/web"
)

func init() {
	register(command{Name: "feeds", Summary: "manage followed feeds: add URL | list | remove URL | import FILE.opml | export", Run: runFeeds})
	register(command{Name: "poll", Summary: "poll followed feeds and ingest new articles (once or continuously)", Run: runPoll})
}

const feedsUsage = "[--db FILE] add [--title T] [--category C] URL... | add --defaults | list | remove URL... | import FILE.opml | export"

// feedsOpts are the flags of feeds add.
type feedsOpts struct {
	title, category string
	defaults        bool
}

func runFeeds(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "feeds", feedsUsage)
	db := dbFlag(fs)
	if err := applyEnv(fs); err != nil {
		return err
	}
	// Flags before the action are feeds' own; the action parses the rest,
	// its own flags and --db anywhere among its arguments.
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no action given", errUsage)
	}
	action := fs.Arg(0)
	run, ok := map[string]func(context.Context, *env, poll.FeedStore, []string, feedsOpts) error{
		"add": feedsAdd, "list": feedsList, "remove": feedsRemove, "import": feedsImport, "export": feedsExport,
	}[action]
	if !ok {
		fs.Usage()
		return fmt.Errorf("%w: unknown action %q", errUsage, action)
	}
	afs := newFlagSet(e, "feeds "+action, feedsUsage)
	afs.StringVar(db, "db", *db, fs.Lookup("db").Usage)
	var o feedsOpts
	if action == "add" {
		afs.StringVar(&o.title, "title", "", "title shown for the feed (default: the feed's own)")
		afs.StringVar(&o.category, "category", "", "category (folder in OPML export)")
		afs.BoolVar(&o.defaults, "defaults", false, "follow Parallax's default world-news feeds")
	}
	if err := parseFlags(afs, fs.Args()[1:]); err != nil {
		return err
	}
	st, fst, err := openFeedStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	return run(ctx, e, fst, afs.Args(), o)
}

// openFeedStore opens the store and its feed list.
func openFeedStore(ctx context.Context, path string) (store.Store, poll.FeedStore, error) {
	st, err := openStore(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	fst, err := feedList(st, path)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, fst, nil
}

// feedList is the store's feed list, if the store can keep one.
func feedList(st store.Store, path string) (poll.FeedStore, error) {
	fst, ok := st.(poll.FeedStore)
	if !ok {
		return nil, fmt.Errorf("store %s cannot keep a feed list", path)
	}
	return fst, nil
}

func feedsAdd(ctx context.Context, e *env, st poll.FeedStore, args []string, o feedsOpts) error {
	var subs []feed.Subscription
	if o.defaults {
		for _, u := range feed.DefaultFeeds() {
			subs = append(subs, feed.Subscription{URL: u, Category: o.category})
		}
	}
	for _, u := range args {
		subs = append(subs, feed.Subscription{URL: u, Title: o.title, Category: o.category})
	}
	if len(subs) == 0 {
		return fmt.Errorf("%w: add needs a URL (or --defaults)", errUsage)
	}
	for _, s := range subs {
		if _, err := poll.CheckFeedURL(s.URL); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	added, existing, err := poll.Follow(ctx, st, subs, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "following %d new feed(s), %d already followed\n", added, existing)
	return nil
}

func feedsList(ctx context.Context, e *env, st poll.FeedStore, args []string, _ feedsOpts) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: list takes no arguments", errUsage)
	}
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		fmt.Fprintln(e.Stderr, "no feeds followed: parallax feeds add URL (or add --defaults, or import FILE.opml)")
		return nil
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "URL\tTITLE\tLAST POLL\tNEXT POLL\tERRORS\tLAST ERROR")
	for _, f := range feeds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", f.URL, f.Title, when(f.LastPoll, "never"), when(f.NextPoll, "now"),
			f.Errors, oneLine(errString(f.LastError)))
	}
	return tw.Flush()
}

func when(t time.Time, zero string) string {
	if t.IsZero() {
		return zero
	}
	return t.Local().Format("2006-01-02 15:04")
}

// errString makes an error of stored text, for oneLine.
func errString(s string) error {
	if s == "" {
		return nil
	}
	return errors.New(s)
}

func feedsRemove(ctx context.Context, e *env, st poll.FeedStore, args []string, _ feedsOpts) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: remove needs a URL", errUsage)
	}
	for _, u := range args {
		if err := st.RemoveFeed(ctx, strings.TrimSpace(u)); err != nil {
			return err
		}
		fmt.Fprintf(e.Stderr, "removed %s\n", u)
	}
	return nil
}

func feedsImport(ctx context.Context, e *env, st poll.FeedStore, args []string, _ feedsOpts) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: import needs one OPML file (- for standard input)", errUsage)
	}
	var r io.Reader = e.Stdin
	if args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	subs, skipped, err := feed.ParseOPMLSkipped(r)
	if err != nil {
		return fmt.Errorf("import %s: %w", args[0], err)
	}
	for _, s := range skipped {
		fmt.Fprintf(e.Stderr, "skipped outline %q (%s): %s\n", s.URL, s.Title, s.Reason)
	}
	added, existing, err := poll.Follow(ctx, st, subs, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "imported %d feed(s) from %s, %d already followed, %d outline(s) skipped\n", added, args[0], existing, len(skipped))
	return nil
}

func feedsExport(ctx context.Context, e *env, st poll.FeedStore, args []string, _ feedsOpts) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: export takes no arguments", errUsage)
	}
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	subs := make([]feed.Subscription, len(feeds))
	for i, f := range feeds {
		subs[i] = feed.Subscription{URL: f.URL, Title: f.Title, SiteURL: f.SiteURL, Category: f.Category}
	}
	return feed.WriteOPML(e.Stdout, "Parallax feeds", subs)
}

func runPoll(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "poll", "[--db FILE] [--once] [--allow-private]")
	db := dbFlag(fs)
	once := fs.Bool("once", false, "poll every followed feed once (those in backoff too), then exit")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds and pages on loopback/private addresses")
	workers := fs.Int("workers", poll.DefaultOptions().Workers, "feeds polled at once")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	st, p, err := openPipeline(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	fst, err := feedList(st, *db)
	if err != nil {
		return err
	}
	poller := newPoller(e, fst, p, *allowPrivate, *workers, nil, nil)
	if feeds, err := fst.Feeds(ctx); err == nil && len(feeds) == 0 {
		fmt.Fprintln(e.Stderr, "no feeds followed: parallax feeds add URL (or add --defaults, or import FILE.opml)")
		if *once {
			return nil
		}
	}
	if !*once {
		return poller.Run(ctx)
	}
	s, err := poller.OnceAll(ctx)
	if serr := settle(ctx, e, p, s); serr != nil && err == nil {
		err = serr
	}
	fmt.Fprintf(e.Stderr, "polled %d feed(s): %d unchanged, %d failed; %d new item(s), %d already seen, %d article page error(s)\n",
		s.Feeds, s.NotModified, s.Failed, s.Items, s.Seen, s.ArticleErrors)
	return err
}

// newPoller wires a feed poller to the pipeline: every new item goes
// through Add, and each round ends with Settle (cluster, then briefs), so
// new articles reach the UI without a restart.
// wake (optional) starts a round at once (poll.Options.Wake); metrics, if
// set, counts each round.
func newPoller(e *env, fst poll.FeedStore, p *pipeline.Pipeline, allowPrivate bool, workers int, wake <-chan struct{}, metrics *web.PipelineMetrics) *poll.Poller {
	var added, dup, rejected atomic.Int64
	handle := func(ctx context.Context, it files.Item) error {
		o, err := p.Add(ctx, it)
		if err != nil {
			return err
		}
		switch o.Status {
		case pipeline.Added:
			added.Add(1)
		case pipeline.Duplicate:
			dup.Add(1)
		case pipeline.Rejected:
			rejected.Add(1)
			e.Log.Debug("article rejected", "origin", o.Origin, "err", o.Err)
		}
		return nil
	}
	opts := poll.DefaultOptions()
	opts.Workers, opts.Log, opts.Wake = workers, e.Log, wake
	opts.OnRound = func(ctx context.Context, s poll.Stats) {
		if metrics != nil {
			metrics.Polled(s)
		}
		e.Log.Info("round done", "feeds", s.Feeds, "not_modified", s.NotModified, "failed_feeds", s.Failed,
			"new", added.Swap(0), "duplicate", dup.Swap(0), "rejected", rejected.Swap(0))
		_ = settle(ctx, e, p, s)
	}
	return poll.New(fst, fetch.New(fetch.Options{AllowPrivate: allowPrivate}), handle, opts)
}

// settle clusters what a round stored and rewrites the briefs it changed.
func settle(ctx context.Context, e *env, p *pipeline.Pipeline, s poll.Stats) error {
	clustered, briefs, err := p.Settle(ctx)
	if err != nil && ctx.Err() == nil {
		e.Log.Error("settle failed", "err", err)
		return err
	}
	if clustered > 0 {
		e.Log.Info("stories updated", "clustered", clustered, "briefs", briefs)
	}
	return nil
}
