package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/extract"
)

func init() {
	register(command{
		Name:    "cluster",
		Summary: "group articles from JSONL into stories and events (no database)",
		Run:     runCluster,
	})
}

// clusterInput is one input line of `parallax cluster`.
type clusterInput struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
}

// clusterOutput is one output line.
type clusterOutput struct {
	ID    string `json:"id"`
	Story string `json:"story"`
	Event string `json:"event"`
}

func runCluster(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "cluster", "--in ARTICLES.jsonl|-")
	in := fs.String("in", "-", "input JSONL file, - for stdin")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	r := e.Stdin
	if *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("cluster: %w", err)
		}
		defer f.Close()
		r = f
	}
	docs, err := readClusterDocs(r, *in, e.Stderr)
	if err != nil {
		return err
	}
	out, err := clusterDocs(ctx, docs)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.Stdout)
	enc := json.NewEncoder(w)
	for i, d := range docs {
		if err := enc.Encode(clusterOutput{ID: d.ID, Story: out[i].Story, Event: out[i].Event}); err != nil {
			return fmt.Errorf("cluster: %w", err)
		}
	}
	return w.Flush()
}

// readClusterDocs reads the input lines; a bad line is reported on stderr
// and skipped.
func readClusterDocs(r io.Reader, name string, stderr io.Writer) ([]cluster.Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	var docs []cluster.Doc
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		d, err := clusterDoc([]byte(line))
		if err != nil {
			fmt.Fprintf(stderr, "parallax cluster: %s:%d: %v\n", name, n, err)
			continue
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cluster: %s: %w", name, err)
	}
	return docs, nil
}

// clusterDoc parses one input line, extracting text from html if given.
func clusterDoc(line []byte) (cluster.Doc, error) {
	var in clusterInput
	if err := json.Unmarshal(line, &in); err != nil {
		return cluster.Doc{}, fmt.Errorf("bad JSON: %w", err)
	}
	if in.ID == "" {
		return cluster.Doc{}, fmt.Errorf("no id")
	}
	pub, err := parsePublished(in.Published)
	if err != nil {
		return cluster.Doc{}, err
	}
	d := cluster.Doc{ID: in.ID, Title: in.Title, Text: in.Text, Lang: in.Lang, Published: pub}
	if in.HTML != "" {
		res, err := extract.Extract([]byte(in.HTML), extract.Options{URL: in.URL, Mode: extract.HTML, Fallback: true})
		if err != nil {
			return cluster.Doc{}, fmt.Errorf("extract: %w", err)
		}
		d.Text = res.Text
		if d.Title == "" {
			d.Title = res.Title
		}
		if d.Published.IsZero() {
			d.Published = res.Published
		}
	}
	if strings.TrimSpace(d.Title+d.Text) == "" {
		return cluster.Doc{}, fmt.Errorf("no title, text or html")
	}
	return d, nil
}

// parsePublished reads RFC 3339 or YYYY-MM-DD; empty is the zero time.
func parsePublished(s string) (time.Time, error) {
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

// clusterDocs clusters in publication-time order (ties by input order)
// and returns the assignments in input order.
func clusterDocs(ctx context.Context, docs []cluster.Doc) ([]cluster.Assignment, error) {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return docs[order[a]].Published.Before(docs[order[b]].Published)
	})
	c := cluster.New(cluster.DefaultOptions())
	out := make([]cluster.Assignment, len(docs))
	for _, i := range order {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("cluster: %w", err)
		}
		out[i] = c.Add(docs[i])
	}
	return out, nil
}
