package main

import (
	"context"
	"encoding/json"
	"fmt"

	"parallax/internal/brief"
)

func init() {
	register(command{Name: "brief", Summary: "write the brief of one story from a JSONL of its articles", Run: runBrief})
}

// runBrief prepares each input line as `parallax ingest` does (so the
// brief sees the same clean text as the stored pipeline) and prints the
// brief of all of them as one story.
func runBrief(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "brief", "[--query TEXT] [--sentences N] --in ARTICLES.jsonl|-")
	in := fs.String("in", "", "JSONL of one story's articles (id, url, source, title, text or html, published, lang); - for stdin")
	query := fs.String("query", "", "focus the summary on this question")
	n := fs.Int("sentences", 0, "summary sentences (0: the default)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *in == "" || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: --in is required", errUsage)
	}
	docs, err := readArticles(ctx, e, *in)
	if err != nil {
		return fmt.Errorf("brief: %w", err)
	}
	b := brief.Build(docs, brief.Options{Query: *query, MaxSentences: *n})
	enc := json.NewEncoder(e.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}
