package eval

import (
	"sort"
	"strings"
)

// NERCounts are phrase counts and the precision, recall and F1 they give.
type NERCounts struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Pred      int     `json:"pred"`
	Correct   int     `json:"correct"`
}

// NERScore is score_ner.py's result: all counted types, and each type.
type NERScore struct {
	NERCounts
	Types   []string             `json:"types"`
	PerType map[string]NERCounts `json:"per_type"`
}

// DefaultNERTypes are the types the project scores (MISC is ignored).
var DefaultNERTypes = []string{"PER", "ORG", "LOC"}

func nerCounts(correct, gold, pred int) NERCounts {
	c := NERCounts{Gold: gold, Pred: pred, Correct: correct}
	if pred > 0 {
		c.Precision = float64(correct) / float64(pred)
	}
	if gold > 0 {
		c.Recall = float64(correct) / float64(gold)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
	return c
}

// phrase is one name: sentence, first and last token, type.
type phrase struct {
	sent, first, last int
	typ               string
}

// splitTag splits "B-PER" into "B" and "PER"; "O" and malformed tags give "O".
func splitTag(tag string) (string, string) {
	p, t, ok := strings.Cut(tag, "-")
	if !ok || t == "" || len(p) != 1 || !strings.Contains("BIES", p) {
		return "O", ""
	}
	return p, t
}

// phrases cuts a sentence's tags into phrases the way conlleval does (and
// score_ner.py for IOBES).
func phrases(sent int, tags []string) []phrase {
	var out []phrase
	prevTag, prevType, start := "O", "", -1
	for i := 0; i <= len(tags); i++ {
		t, typ := "O", ""
		if i < len(tags) {
			t, typ = splitTag(tags[i])
		}
		end := prevTag == "E" || prevTag == "S" ||
			(prevTag == "B" || prevTag == "I") && (t == "B" || t == "S" || t == "O") ||
			prevTag != "O" && prevType != typ
		if end && start >= 0 {
			out = append(out, phrase{sent, start, i - 1, prevType})
			start = -1
		}
		begin := t == "B" || t == "S" ||
			(prevTag == "E" || prevTag == "S") && (t == "E" || t == "I") ||
			prevTag == "O" && (t == "E" || t == "I") ||
			t != "O" && prevType != typ
		if begin {
			start = i
		}
		prevTag, prevType = t, typ
	}
	return out
}

// ScoreNER scores predicted tags against gold tags, sentence by sentence,
// counting only phrases of the given types (all types when types is nil).
func ScoreNER(gold, pred [][]string, types []string) NERScore {
	g, p := map[phrase]bool{}, map[phrase]bool{}
	for s := range gold {
		for _, ph := range phrases(s, gold[s]) {
			g[ph] = true
		}
		if s < len(pred) {
			for _, ph := range phrases(s, pred[s]) {
				p[ph] = true
			}
		}
	}
	if types == nil {
		seen := map[string]bool{}
		for ph := range g {
			seen[ph.typ] = true
		}
		for ph := range p {
			seen[ph.typ] = true
		}
		for t := range seen {
			types = append(types, t)
		}
		sort.Strings(types)
	}
	keep := map[string]bool{}
	for _, t := range types {
		keep[t] = true
	}
	gt, pt, ct := map[string]int{}, map[string]int{}, map[string]int{}
	for ph := range g {
		if keep[ph.typ] {
			gt[ph.typ]++
			if p[ph] {
				ct[ph.typ]++
			}
		}
	}
	for ph := range p {
		if keep[ph.typ] {
			pt[ph.typ]++
		}
	}
	res := NERScore{Types: types, PerType: map[string]NERCounts{}}
	var sg, sp, sc int
	for _, t := range types {
		res.PerType[t] = nerCounts(ct[t], gt[t], pt[t])
		sg, sp, sc = sg+gt[t], sp+pt[t], sc+ct[t]
	}
	res.NERCounts = nerCounts(sc, sg, sp)
	return res
}
