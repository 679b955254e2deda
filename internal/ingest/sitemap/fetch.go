package sitemap

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
)

// Options bound how much of a site a sitemap walk visits. Zero fields take
// the defaults of DefaultOptions.
type Options struct {
	MaxSitemaps int              // sitemaps fetched, index included; default 100
	MaxPages    int              // article pages fetched; default 10,000
	MaxBytes    int64            // one sitemap, decompressed; default 50 MiB (the protocol's limit)
	Now         func() time.Time // fetch time of pages; default time.Now
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{MaxSitemaps: 100, MaxPages: 10_000, MaxBytes: 50 << 20, Now: time.Now}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxSitemaps <= 0 {
		o.MaxSitemaps = d.MaxSitemaps
	}
	if o.MaxPages <= 0 {
		o.MaxPages = d.MaxPages
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.Now == nil {
		o.Now = d.Now
	}
	return o
}

// Entries fetches a sitemap and, for an index, the sitemaps it lists
// (breadth first, each once), and returns every page entry, each URL once.
// A child sitemap that fails is reported through bad and skipped; the
// root failing is an error.
func Entries(ctx context.Context, c *fetch.Client, root string, opts Options, bad func(url string, err error)) ([]Entry, error) {
	opts = opts.withDefaults()
	queue, seen, pages := []string{root}, map[string]bool{root: true}, map[string]bool{}
	var out []Entry
	for n := 0; len(queue) > 0 && n < opts.MaxSitemaps; n++ {
		u := queue[0]
		queue = queue[1:]
		entries, children, err := fetchOne(ctx, c, u, opts.MaxBytes)
		if err != nil {
			if u == root {
				return nil, err
			}
			if bad != nil {
				bad(u, err)
			}
			continue
		}
		for _, ch := range children {
			if !seen[ch] {
				seen[ch] = true
				queue = append(queue, ch)
			}
		}
		for _, e := range entries {
			if !pages[e.URL] {
				pages[e.URL] = true
				out = append(out, e)
			}
		}
	}
	return out, nil
}

func fetchOne(ctx context.Context, c *fetch.Client, u string, max int64) ([]Entry, []string, error) {
	res, err := c.Get(ctx, u, fetch.Conditional{})
	if err != nil {
		return nil, nil, fmt.Errorf("sitemap %s: %w", u, err)
	}
	entries, children, err := Parse(res.Body, res.URL, max)
	if err != nil {
		return nil, nil, fmt.Errorf("sitemap %s: %w", u, err)
	}
	return entries, children, nil
}

// Items walks the sitemap at root and emits one files.Item per listed
// page: the fetched page as a record (Origin: the page URL), or an error
// Item naming the page or child sitemap that failed. Only ctx ending or
// emit failing stops it, or the root sitemap failing (one error Item).
func Items(ctx context.Context, c *fetch.Client, root string, opts Options, emit func(files.Item) error) error {
	opts = opts.withDefaults()
	var emitErr error
	entries, err := Entries(ctx, c, root, opts, func(u string, err error) {
		if emitErr == nil {
			emitErr = emit(files.Item{Origin: u, Kind: files.Record, Err: err})
		}
	})
	if emitErr != nil {
		return emitErr
	}
	if err != nil {
		return emit(files.Item{Origin: root, Kind: files.Record, Err: err})
	}
	for i, e := range entries {
		if i >= opts.MaxPages {
			break
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := emit(pageItem(ctx, c, e, opts.Now())); err != nil {
			return err
		}
	}
	return nil
}

// pageItem fetches one listed page.
func pageItem(ctx context.Context, c *fetch.Client, e Entry, now time.Time) files.Item {
	it := files.Item{Origin: e.URL, Kind: files.Record}
	res, err := c.Get(ctx, e.URL, fetch.Conditional{})
	if err == nil {
		ct := strings.ToLower(res.ContentType)
		if ct == "" {
			ct = strings.ToLower(http.DetectContentType(res.Body))
		}
		if !strings.Contains(ct, "html") {
			err = fmt.Errorf("%w: %s", ErrNotHTML, res.ContentType)
		}
	}
	if err != nil {
		it.Err = fmt.Errorf("%s: %w", e.URL, err)
		return it
	}
	it.Rec = &files.Rec{URL: res.URL, HTML: string(res.Body), Title: e.Title, Published: e.Published, Lang: e.Lang, Fetched: now.UTC()}
	return it
}
