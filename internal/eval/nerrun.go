package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parallax/internal/nlp/entity"
)

// NERSet is a CoNLL file's documents.
type NERSet struct {
	Path string
	Docs []entity.CoNLLDoc
}

// ReadNERSet reads DIR/conll.txt.
func ReadNERSet(dir string) (*NERSet, error) {
	p := filepath.Join(dir, "conll.txt")
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("ner set: %w", err)
	}
	defer f.Close()
	docs, err := entity.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("ner set %s: %w", p, err)
	}
	return &NERSet{Path: p, Docs: docs}, nil
}

// Tokens returns the number of tokens of the set.
func (s *NERSet) Tokens() int {
	n := 0
	for _, d := range s.Docs {
		for _, x := range d.Sentences {
			n += len(x.Tokens)
		}
	}
	return n
}

// NERFinder tags one document's sentences of tokens with IOB2 tags.
type NERFinder struct {
	Name string
	Tag  func(doc [][]string) [][]string
}

// ParallaxNER is the shipped finder: the embedded model over the tokens.
func ParallaxNER() (NERFinder, error) {
	if _, err := entity.Default(); err != nil {
		return NERFinder{}, err
	}
	return NERFinder{Name: "parallax", Tag: func(doc [][]string) [][]string {
		tags, _ := entity.TagTokens(doc)
		return tags
	}}, nil
}

// RulesNER is the former rule finder (capitalised runs, gazetteers, given
// names), run over each document's sentences joined by spaces, one a line;
// its mentions are mapped back to the tokens they cover.
func RulesNER() NERFinder {
	return NERFinder{Name: "rules", Tag: func(doc [][]string) [][]string {
		var b strings.Builder
		type span struct{ s, t, start, end int }
		var spans []span
		for s, toks := range doc {
			for t, w := range toks {
				if t > 0 {
					b.WriteByte(' ')
				}
				spans = append(spans, span{s, t, b.Len(), b.Len() + len(w)})
				b.WriteString(w)
			}
			b.WriteByte('\n')
		}
		out := make([][]string, len(doc))
		for s, toks := range doc {
			out[s] = make([]string, len(toks))
			for t := range toks {
				out[s][t] = "O"
			}
		}
		k := 0
		for _, m := range entity.FindRules(b.String()) {
			typ := map[entity.Type]string{entity.Person: "PER", entity.Org: "ORG", entity.Place: "LOC"}[m.Type]
			for k < len(spans) && spans[k].end <= m.Start {
				k++
			}
			for j := k; typ != "" && j < len(spans) && spans[j].start < m.End; j++ {
				pre := "I-"
				if j == k {
					pre = "B-"
				}
				out[spans[j].s][spans[j].t] = pre + typ
			}
		}
		return out
	}}
}

// NERResult is one finder's run over a set.
type NERResult struct {
	Finder       string     `json:"finder"`
	Score        NERScore   `json:"score"`
	Tokens       int        `json:"tokens"`
	Seconds      float64    `json:"seconds"`
	TokensPerSec float64    `json:"tokens_per_sec"`
	Pred         [][]string `json:"-"` // tags, one slice a sentence in file order
}

// RunNER tags every document of the set and scores PER, ORG and LOC.
func RunNER(set *NERSet, f NERFinder) NERResult {
	var gold, pred [][]string
	start := time.Now()
	for _, d := range set.Docs {
		doc := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			doc[i] = s.Tokens
		}
		pred = append(pred, f.Tag(doc)...)
	}
	secs := time.Since(start).Seconds()
	for _, d := range set.Docs {
		for _, s := range d.Sentences {
			gold = append(gold, s.Tags)
		}
	}
	n := set.Tokens()
	r := NERResult{Finder: f.Name, Score: ScoreNER(gold, pred, DefaultNERTypes), Tokens: n, Seconds: secs, Pred: pred}
	if secs > 0 {
		r.TokensPerSec = float64(n) / secs
	}
	return r
}

// WriteNERPred writes one "TOKEN TAG" line a token, a blank line after
// each sentence and "-DOCSTART- O" before each document, for score_ner.py.
func WriteNERPred(w io.Writer, set *NERSet, pred [][]string) error {
	bw := bufio.NewWriter(w)
	k := 0
	for _, d := range set.Docs {
		fmt.Fprint(bw, "-DOCSTART- O\n\n")
		for _, s := range d.Sentences {
			for i, tok := range s.Tokens {
				fmt.Fprintf(bw, "%s %s\n", tok, pred[k][i])
			}
			bw.WriteByte('\n')
			k++
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner predictions: %w", err)
	}
	return nil
}
