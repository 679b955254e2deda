package eval

import (
	_ "embed"
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strings"

	"parallax/internal/extract"
)

// clusterQuoteGold is the quote-speaker annotation of articles of the
// clustering dev files (ids, offsets, hashes and speakers only).
//
//go:embed gold/quotes_cluster.tsv
var clusterQuoteGold string

// ClusterQuoteGold returns the annotated quotations of dev.jsonl and
// dev-topics.jsonl (Topic is the file, Doc the article id).
func ClusterQuoteGold() ([]QuoteGold, error) {
	return ParseQuoteGold(strings.NewReader(clusterQuoteGold), "gold/quotes_cluster.tsv")
}

// QuoteHeldOut reports whether an article's quotations are held out of
// tuning: the FNV-1a 32 hash of its id is even.
func QuoteHeldOut(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 0
}

// QuoteTexts reads the articles gold names from dir (the folder of
// dev.jsonl and dev-topics.jsonl) and returns, by "file/id", their text as
// the pipeline extracts it (extract's text path, trimmed). Every gold quotation's hash is checked.
func QuoteTexts(dir string, gold []QuoteGold) (map[string]string, error) {
	want := map[string]bool{}
	for _, g := range gold {
		want[g.Topic+"/"+g.Doc] = true
	}
	texts := map[string]string{}
	for _, file := range []string{"dev.jsonl", "dev-topics.jsonl"} {
		err := readJSONL(filepath.Join(dir, file), func(a GoldArticle) error {
			k := file + "/" + a.ID
			if !want[k] {
				return nil
			}
			opts := extract.DefaultOptions()
			opts.Mode, opts.URL = extract.Text, a.URL
			res, err := extract.Extract([]byte(a.Text), opts)
			if errors.Is(err, extract.ErrNoText) {
				res, err = &extract.Result{Text: extract.PlainLines(a.Text)}, nil // as pipeline.Prepare does
			}
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			texts[k] = strings.TrimSpace(res.Text) // as pipeline.Prepare keeps it
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, g := range gold {
		k := g.Topic + "/" + g.Doc
		t, ok := texts[k]
		if !ok {
			return nil, fmt.Errorf("eval: quote gold: article %s not found in %s", k, dir)
		}
		if g.End > len(t) || QuoteHash(t[g.Start:g.End]) != g.Hash {
			return nil, fmt.Errorf("eval: quote gold: %s %d-%d: offsets do not match the hash (extraction changed?)", k, g.Start, g.End)
		}
	}
	return texts, nil
}

// QuoteRun is the speaker finder's score on one half of the gold.
type QuoteRun struct {
	Half     string     `json:"half"` // "tune" or "held-out"
	Articles int        `json:"articles"`
	Quotes   int        `json:"quotes"` // annotated quotations, NONE and ? included
	Score    QuoteScore `json:"score"`
}

// RunQuotes runs find on every annotated article and scores each half.
func RunQuotes(gold []QuoteGold, texts map[string]string, find func(string) []QuotePred) []QuoteRun {
	pred := map[string][]QuotePred{}
	for k, t := range texts {
		pred[k] = find(t)
	}
	var out []QuoteRun
	for _, held := range []bool{false, true} {
		r := QuoteRun{Half: "tune"}
		if held {
			r.Half = "held-out"
		}
		var half []QuoteGold
		arts := map[string]bool{}
		for _, g := range gold {
			if QuoteHeldOut(g.Doc) == held {
				half = append(half, g)
				arts[g.Topic+"/"+g.Doc] = true
			}
		}
		r.Articles, r.Quotes = len(arts), len(half)
		r.Score = ScoreQuotes(half, pred)
		out = append(out, r)
	}
	return out
}
