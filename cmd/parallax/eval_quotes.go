package main

import (
	"fmt"
	"time"

	"parallax/internal/eval"
	"parallax/internal/nlp/quote"
)

// findQuotes is the quote stage as the scorer sees it.
func findQuotes(text string) []eval.QuotePred {
	var out []eval.QuotePred
	for _, q := range quote.Find(text) {
		out = append(out, eval.QuotePred{Start: q.Start, End: q.End, Speaker: q.Speaker})
	}
	return out
}

// evalQuotes scores quote speakers on the annotated quotations of the
// clustering dev files, the tune and held-out halves apart.
func evalQuotes(e *env, args []string) error {
	fs := newFlagSet(e, "eval quotes", "[--dir DIR] [--json]")
	dir := fs.String("dir", dataPath("cluster"), "folder of dev.jsonl and dev-topics.jsonl")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needData(*dir); err != nil {
		return err
	}
	gold, err := eval.ClusterQuoteGold()
	if err != nil {
		return err
	}
	texts, err := eval.QuoteTexts(*dir, gold)
	if err != nil {
		return err
	}
	start := time.Now()
	runs := eval.RunQuotes(gold, texts, findQuotes)
	secs := time.Since(start).Seconds()
	if *asJSON {
		return printJSON(e.Stdout, map[string]any{"dir": *dir, "halves": runs, "seconds": secs})
	}
	tw := newTable(e.Stdout)
	fmt.Fprintln(tw, "half\tarticles\tquotes\tgold\tpredicted\tcorrect\tP\tR\tF1")
	for _, r := range runs {
		s := r.Score
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", r.Half, r.Articles, r.Quotes, s.Gold, s.Pairs, s.Correct, s.P, s.R, s.F1)
	}
	return tw.Flush()
}
