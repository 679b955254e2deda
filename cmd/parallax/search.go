package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"parallax/internal/search"
)

func init() {
	register(command{Name: "search", Summary: "search stories and articles (words, \"phrases\", -not, person: org: place: outlet: after: before:)", Run: runSearch})
}

// searchJSONOut is what --json prints: the query as parsed and the page.
type searchJSONOut struct {
	Query string `json:"query"`
	search.Results
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", `[--db FILE] [--json] [--limit N] [--offset N] QUERY...`)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object")
	limit := fs.Int("limit", search.DefaultLimit, fmt.Sprintf("results to print (at most %d)", search.MaxLimit))
	offset := fs.Int("offset", 0, "results to skip")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 1 || *limit > search.MaxLimit || *offset < 0 {
		return fmt.Errorf("%w: --limit must be 1-%d and --offset >= 0", errUsage, search.MaxLimit)
	}
	q, err := search.Parse(strings.Join(fs.Args(), " "))
	if err != nil {
		if errors.Is(err, search.ErrTooLong) || errors.Is(err, search.ErrEmpty) || errors.Is(err, search.ErrBadDate) ||
			errors.Is(err, search.ErrBadRange) || errors.Is(err, search.ErrTooMany) {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Search(ctx, q, *limit, *offset)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if *asJSON {
		return json.NewEncoder(e.Stdout).Encode(searchJSONOut{Query: q.String(), Results: res})
	}
	printHits(e, res, *offset)
	return nil
}

// printHits writes one block per result: rank, kind, title, date and
// outlet or counts, id, snippet.
func printHits(e *env, res search.Results, offset int) {
	more := ""
	if !res.Exact {
		more = "+" // counting stopped at search.MaxCount of a kind
	}
	fmt.Fprintf(e.Stdout, "%d%s results (%d stories, %d articles)\n", res.Total, more, res.Stories, res.Articles)
	for i, h := range res.Hits {
		date := ""
		if !h.Time.IsZero() {
			date = h.Time.UTC().Format("2006-01-02")
		}
		detail := h.Source
		if h.Kind == search.KindStory {
			detail = fmt.Sprintf("%d articles, %d outlets", h.Articles, h.Outlets)
		}
		fmt.Fprintf(e.Stdout, "\n%d. [%s] %s\n   %s  %s  id=%s\n", offset+i+1, h.Kind, flat(h.Title), date, detail, h.ID)
		if h.Snippet != "" {
			fmt.Fprintf(e.Stdout, "   %s\n", flat(h.Snippet))
		}
	}
}

// flat puts text on one line.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
