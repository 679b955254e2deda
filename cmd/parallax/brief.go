package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"parallax/internal/brief"
	"parallax/internal/extract"
	"parallax/internal/model"
)

func init() {
	register(command{Name: "brief", Summary: "write the brief of one story from a JSONL of its articles", Run: runBrief})
}

// briefInput is one input line of `parallax brief`.
type briefInput struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
}

func runBrief(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "brief", "[--query TEXT] [--sentences N] --in ARTICLES.jsonl|-")
	in := fs.String("in", "", "JSONL of one story's articles (id, url, source, title, text or html, published, lang); - for stdin")
	query := fs.String("query", "", "focus the summary on this question")
	n := fs.Int("sentences", 0, "summary sentences (0: the default)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: --in is required", errUsage)
	}
	r := e.Stdin
	if *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("brief: %w", err)
		}
		defer f.Close()
		r = f
	}
	docs, err := readBriefInput(ctx, e, r, *in)
	if err != nil {
		return err
	}
	b := brief.Build(docs, brief.Options{Query: *query, MaxSentences: *n})
	enc := json.NewEncoder(e.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// readBriefInput reads articles; a bad line is reported on stderr with its
// number and skipped.
func readBriefInput(ctx context.Context, e *env, r io.Reader, name string) ([]*model.Article, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var docs []*model.Article
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		d, err := briefArticle(line, n)
		if err != nil {
			fmt.Fprintf(e.Stderr, "parallax brief: %s:%d: %v\n", name, n, err)
			continue
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("brief: read %s: %w", name, err)
	}
	return docs, nil
}

// briefArticle decodes one input line into an article; html is extracted
// to text when text is empty.
func briefArticle(line string, n int) (*model.Article, error) {
	var in briefInput
	if err := json.Unmarshal([]byte(line), &in); err != nil {
		return nil, fmt.Errorf("bad JSON: %w", err)
	}
	pub, err := briefPublished(in.Published)
	if err != nil {
		return nil, err
	}
	d := &model.Article{ID: in.ID, URL: in.URL, Source: in.Source, Title: in.Title, Text: in.Text, Published: pub, Language: in.Lang}
	if d.ID == "" {
		d.ID = fmt.Sprintf("line-%d", n)
	}
	if strings.TrimSpace(d.Text) == "" && in.HTML != "" {
		res, err := extract.Extract([]byte(in.HTML), extract.Options{URL: in.URL, Mode: extract.HTML})
		if err != nil {
			return nil, fmt.Errorf("extract: %w", err)
		}
		d.Text = res.Text
		if d.Title == "" {
			d.Title = res.Title
		}
		if d.Published.IsZero() {
			d.Published = res.Published
		}
	}
	if strings.TrimSpace(d.Text) == "" {
		return nil, fmt.Errorf("no text or html")
	}
	return d, nil
}

// briefPublished reads RFC 3339 or YYYY-MM-DD; empty is the zero time.
func briefPublished(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad published %q (want RFC 3339 or YYYY-MM-DD)", s)
	}
	return t, nil
}
