package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"parallax/internal/extract"
)

func init() {
	register(command{
		Name:    "extract",
		Summary: "print the clean text of one HTML page or scraped-text file",
		Run:     runExtract,
	})
}

// extractOutput is the --json form of one extracted document.
type extractOutput struct {
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Site      string `json:"site"`
	Language  string `json:"language"`
	Text      string `json:"text"`
}

func runExtract(_ context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "extract", "[--json] [--url URL] FILE|-")
	asJSON := fs.Bool("json", false, "print title, byline, published, site, language and text as JSON")
	pageURL := fs.String("url", "", "page URL (resolves links, dates in URLs, site name)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: want one FILE or -", errUsage)
	}
	name := fs.Arg(0)
	data, err := readInput(e, name)
	if err != nil {
		return fmt.Errorf("extract %s: %w", name, err)
	}
	opts := extract.DefaultOptions()
	opts.URL = *pageURL
	res, err := extract.Extract(data, opts)
	if err != nil {
		return fmt.Errorf("extract %s: %w", name, err)
	}
	if !*asJSON {
		_, err = fmt.Fprintln(e.Stdout, res.Text)
		return err
	}
	out := extractOutput{Title: res.Title, Byline: res.Byline, Site: res.Site, Language: res.Language, Text: res.Text}
	if !res.Published.IsZero() {
		out.Published = res.Published.Format(time.RFC3339)
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// readInput reads a file, or standard input for "-".
func readInput(e *env, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(e.Stdin, extract.DefaultMaxBytes+1))
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, extract.DefaultMaxBytes+1))
}
