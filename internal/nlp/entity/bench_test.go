package entity_test

import (
	"strings"
	"testing"
	"time"

	"parallax/internal/nlp/entity"
)

// devDocs returns the dev split's documents as sentences of tokens and as
// text (a sentence a line, tokens joined by spaces), and its token count.
func devDocs(b *testing.B) ([][][]string, []string, int) {
	var docs [][][]string
	var texts []string
	n := 0
	for _, d := range readCoNLL(b, "dev") {
		var doc [][]string
		var lines []string
		for _, s := range d.Sentences {
			doc = append(doc, s.Tokens)
			lines = append(lines, strings.Join(s.Tokens, " "))
			n += len(s.Tokens)
		}
		docs = append(docs, doc)
		texts = append(texts, strings.Join(lines, "\n"))
	}
	return docs, texts, n
}

// BenchmarkTagDev tags the CoNLL dev split (51,362 tokens) with the model
// and, in the same loop, runs the former rule finder over the same text:
// tokens/s of each and their ratio (run with -cpu 1).
//
//	go test ./internal/nlp/entity -run XXX -bench TagDev -cpu 1
func BenchmarkTagDev(b *testing.B) {
	docs, texts, n := devDocs(b)
	m, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	var model, rules time.Duration
	runs := 0
	for b.Loop() {
		t0 := time.Now()
		for _, d := range docs {
			m.TagDoc(d)
		}
		t1 := time.Now()
		for _, t := range texts {
			entity.FindRules(t)
		}
		model, rules = model+t1.Sub(t0), rules+time.Since(t1)
		runs++
	}
	tokens := float64(n * runs)
	b.ReportMetric(tokens/model.Seconds(), "tokens/s")
	b.ReportMetric(tokens/rules.Seconds(), "rules-tokens/s")
	b.ReportMetric(rules.Seconds()/model.Seconds(), "speed-vs-rules")
}

// BenchmarkFindDev runs Find (sentence split, tokenisation, model,
// corrections; not its memo of recent texts, which every pass after the
// first would read) over the dev split's text: tokens/s of the whole
// finder.
func BenchmarkFindDev(b *testing.B) {
	_, texts, n := devDocs(b)
	if _, err := entity.Default(); err != nil {
		b.Fatal(err)
	}
	runs := 0
	start := time.Now()
	for b.Loop() {
		for _, t := range texts {
			entity.FindUncached(t)
		}
		runs++
	}
	b.ReportMetric(float64(n*runs)/time.Since(start).Seconds(), "tokens/s")
}
