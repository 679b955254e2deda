package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
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
		pred, err := x.Run(in, p)
		spent += time.Since(start)
		if err != nil {
			sc.Errors++
			pred = ""
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
	if spent > 0 {
		sc.PagesPerS = float64(len(s.Pages)) / spent.Seconds()
	}
	return sc, nil
}
