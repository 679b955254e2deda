package eval

import (
	"slices"
	"strings"

	"parallax/internal/nlp/token"
)

// QuotePred is one predicted quotation of an article: byte offsets of its
// text and its speaker ("" when none was found).
type QuotePred struct {
	Start, End int
	Speaker    string
}

// QuoteScore is the precision and recall of quote-speaker pairs.
type QuoteScore struct {
	Gold     int     `json:"gold"`     // gold quotations with a known speaker
	Pairs    int     `json:"pairs"`    // predicted pairs on annotated quotations
	Correct  int     `json:"correct"`  // of those, with the right speaker
	Unscored int     `json:"unscored"` // predicted pairs on no annotated quotation
	P        float64 `json:"precision"`
	R        float64 `json:"recall"`
	F1       float64 `json:"f1"`
}

// ScoreQuotes scores predicted quotations (by "topic/doc") against the
// gold ones. A prediction lies on a gold quotation when they overlap by
// more than half of the shorter; a pair counts when the prediction names
// a speaker, and is correct when it matches the gold speaker (see
// SameSpeaker). Pairs on quotations marked unclear are ignored; pairs on
// quotations marked NoSpeaker are wrong.
func ScoreQuotes(gold []QuoteGold, pred map[string][]QuotePred) QuoteScore {
	var s QuoteScore
	byDoc := map[string][]QuoteGold{}
	for _, g := range gold {
		k := g.Topic + "/" + g.Doc
		byDoc[k] = append(byDoc[k], g)
		if g.Speaker != NoSpeaker && g.Speaker != UnclearSpeaker {
			s.Gold++
		}
	}
	for k, gs := range byDoc {
		for _, p := range pred[k] {
			if p.Speaker == "" {
				continue
			}
			g, ok := onGold(gs, p)
			switch {
			case !ok:
				s.Unscored++
			case g.Speaker == UnclearSpeaker:
			default:
				s.Pairs++
				if g.Speaker != NoSpeaker && SameSpeaker(g.Speaker, p.Speaker) {
					s.Correct++
				}
			}
		}
	}
	s.P, s.R, s.F1 = prf(float64(s.Correct), float64(s.Pairs), float64(s.Gold))
	return s
}

// onGold returns the gold quotation a prediction lies on.
func onGold(gs []QuoteGold, p QuotePred) (QuoteGold, bool) {
	for _, g := range gs {
		ov := min(g.End, p.End) - max(g.Start, p.Start)
		if ov > 0 && 2*ov > min(g.End-g.Start, p.End-p.Start) {
			return g, true
		}
	}
	return QuoteGold{}, false
}

// SameSpeaker reports whether a predicted speaker names the gold one: the
// gold's last word (its surname, or its role) is a word of the
// prediction, case-insensitively ("Papa" and "Joseph Papa", "report" and
// "the JPI report"); when both give more than one word, the gold's first
// word is one of the prediction's too ("Radwa Osman" is not "Deqa
// Osman"). Gold alternatives are separated by "|" (two speakers of one
// quotation, or a person and the statement they issued).
func SameSpeaker(gold, pred string) bool {
	p := token.Words(strings.ToLower(pred))
	for _, alt := range strings.Split(gold, "|") {
		if sameSpeaker(token.Words(strings.ToLower(alt)), p) {
			return true
		}
	}
	return false
}

func sameSpeaker(g, p []string) bool {
	if len(g) == 0 || !slices.Contains(p, g[len(g)-1]) {
		return false
	}
	return len(g) == 1 || len(p) == 1 || slices.Contains(p, g[0])
}
