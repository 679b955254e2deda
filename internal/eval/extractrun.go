package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// PRF is a macro-averaged precision/recall/F1 over N documents.
type PRF struct {
	N         int     `json:"docs"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (a *PRF) add(p, r, f float64) {
	a.N++
	a.Precision += p
	a.Recall += r
	a.F1 += f
}

func (a PRF) mean() PRF {
	if a.N == 0 {
		return a
	}
	n := float64(a.N)
	return PRF{a.N, a.Precision / n, a.Recall / n, a.F1 / n}
}

// ExtractScore is one extractor's figures on a set.
type ExtractScore struct {
	Extractor string         `json:"extractor"`
	All       PRF            `json:"all"`
	BySource  map[string]PRF `json:"by_source"`
	Errors    int            `json:"errors"`
	PagesPerS float64        `json:"pages_per_s"`
	// TitleMatch is the share of pages whose extracted title matches the
	// page's own title (meta.jsonl), compared word by word.
	TitleMatch float64 `json:"title_match"`
	// DateFound is the share of pages with a publication date found.
	DateFound float64 `json:"date_found"`
}

// ScoreExtract runs x over every page of the set (inputs from textDir
// when set) and scores it against the gold. A failed page scores as an
// empty prediction, as a missing file does in score.py. With outDir set
// the predictions are written to outDir/NAME.txt.
func ScoreExtract(s *ExtractSet, x Extractor, textDir, outDir string) (*ExtractScore, error) {
	sc := &ExtractScore{Extractor: x.Name, BySource: map[string]PRF{}}
	var all PRF
	by := map[string]PRF{}
	var spent time.Duration
	for _, p := range s.Pages {
		gold, err := s.Gold(p)
		if err != nil {
			return nil, err
		}
		in, err := s.Input(p, textDir)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		o, err := x.Run(in, p)
		spent += time.Since(start)
		if err != nil {
			sc.Errors++
			o = Output{}
		}
		pred := o.Text
		if p.Title != "" && o.Title != "" && SameTitle(o.Title, p.Title) {
			sc.TitleMatch++
		}
		if !o.Published.IsZero() {
			sc.DateFound++
		}
		if outDir != "" {
			if err := os.WriteFile(filepath.Join(outDir, p.Name+".txt"), []byte(pred), 0o644); err != nil {
				return nil, fmt.Errorf("eval: %w", err)
			}
		}
		pp, rr, ff := TokenPRF(gold, pred)
		all.add(pp, rr, ff)
		src := by[p.Source]
		src.add(pp, rr, ff)
		by[p.Source] = src
	}
	sc.All = all.mean()
	for k, v := range by {
		sc.BySource[k] = v.mean()
	}
	if n := float64(len(s.Pages)); n > 0 {
		sc.TitleMatch /= n
		sc.DateFound /= n
	}
	if spent > 0 {
		sc.PagesPerS = float64(len(s.Pages)) / spent.Seconds()
	}
	return sc, nil
}

// SameTitle reports whether two titles hold the same words (lower-cased
// \w+ tokens, in order), ignoring punctuation and spacing.
func SameTitle(a, b string) bool {
	return strings.Join(titleWords(a), " ") == strings.Join(titleWords(b), " ")
}

func titleWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
	return f
}
