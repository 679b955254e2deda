package eval

import (
	"sort"
	"strings"
	"time"

	"parallax/internal/model"
)

// alignDay is one date of a timeline: its entries' texts joined, as
// ROUGE tokens and as the whitespace tokens tilse's alignment cost counts.
type alignDay struct {
	day   time.Time
	toks  []string
	words map[string]int
}

// alignDays groups a timeline by date, in date order; entries whose date
// is no YYYY-MM-DD are left out.
func alignDays(tl []model.TimelineItem) []alignDay {
	texts := map[time.Time][]string{}
	for _, e := range tl {
		d, err := time.Parse(time.DateOnly, e.Date)
		if err != nil {
			continue
		}
		texts[d] = append(texts[d], e.Text)
	}
	out := make([]alignDay, 0, len(texts))
	for d, ts := range texts {
		s := strings.Join(ts, " ")
		out = append(out, alignDay{d, rouge155Tokens(s), bag(strings.Fields(s))})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].day.Before(out[b].day) })
	return out
}

// dayGap is the number of days between two dates.
func dayGap(a, b time.Time) float64 {
	d := a.Sub(b).Hours() / 24
	if d < 0 {
		d = -d
	}
	return float64(int(d + 0.5))
}

// alignCost is tilse's date-content cost of aligning a predicted date
// with a gold one: (1 - 1/(gap+1)) * (1 - approximate ROUGE-1 F1 of
// their whitespace tokens). A predicted date on a gold date costs 0.
func alignCost(pred, gold alignDay) float64 {
	hit := float64(overlap(pred.words, gold.words))
	_, _, f := prf(hit, float64(total(pred.words)), float64(total(gold.words)))
	return (1 - 1/(dayGap(pred.day, gold.day)+1)) * (1 - f)
}

// cheapest is the index of the lowest cost, the first on ties (numpy's
// argmin).
func cheapest(n int, cost func(int) float64) int {
	best, bc := 0, cost(0)
	for j := 1; j < n; j++ {
		if c := cost(j); c < bc {
			best, bc = j, c
		}
	}
	return best
}

// PR is a precision and a recall.
type PR struct {
	P float64 `json:"precision"`
	R float64 `json:"recall"`
}

// alignROUGE is tilse's align+ m:1 ROUGE-n ("align_date_content_costs_
// many_to_one", Martschat & Markert 2017) of a predicted timeline against
// one gold timeline: for precision each predicted date is aligned with
// its cheapest gold date (alignCost), for recall each gold date with its
// cheapest predicted date; the ROUGE-n hits of an aligned pair count
// 1/(gap+1), the n-grams of the predicted (precision) or gold (recall)
// side in full. ROUGE-n as ROUGE-1.5.5 -m -s (rouge155Tokens).
func alignROUGE(gold, pred []model.TimelineItem, n int) PR {
	g, p := alignDays(gold), alignDays(pred)
	if len(g) == 0 || len(p) == 0 {
		return PR{}
	}
	var pn, pd, rn, rd float64
	for _, pday := range p {
		j := cheapest(len(g), func(j int) float64 { return alignCost(pday, g[j]) })
		c := rouge155Counts(g[j].toks, pday.toks, n)
		pn += c.hit / (dayGap(pday.day, g[j].day) + 1)
		pd += c.peer
	}
	for _, gday := range g {
		j := cheapest(len(p), func(j int) float64 { return alignCost(p[j], gday) })
		c := rouge155Counts(gday.toks, p[j].toks, n)
		rn += c.hit / (dayGap(p[j].day, gday.day) + 1)
		rd += c.model
	}
	var out PR
	if pd > 0 {
		out.P = pn / pd
	}
	if rd > 0 {
		out.R = rn / rd
	}
	return out
}

// datePR is news-tls's date selection precision and recall: the dates
// shared by the predicted and the gold timeline over each one's dates.
func datePR(gold, pred []model.TimelineItem) PR {
	g, p := dates(gold), dates(pred)
	hit := 0
	for d := range p {
		if g[d] {
			hit++
		}
	}
	var out PR
	out.P, out.R, _ = prf(float64(hit), float64(len(p)), float64(len(g)))
	return out
}
