package brief

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
	"parallax/internal/nlp/token"
)

// Summary selection.
const (
	minWords  = 6   // shorter sentences are fragments or headings
	maxWords  = 60  // longer ones are run-ons
	mmrLambda = 0.7 // weight of salience against redundancy
	maxRedund = 0.5 // never pick a sentence this similar to a picked one
	// queryWeight weighs similarity to the query against centrality.
	queryWeight = 0.3
)

func termsOf(s string) []string { return token.Terms(normalize(s)) }

// norm is a dense vector's length, summed in term order: a sum in map
// order differed in its last bits from run to run, and so did the order
// of sentences whose salience ties once a bonus is added (the single-source
// claims of one-article stories came out in another order).
func norm(d []float64) float64 {
	n := 0.0
	for _, w := range d {
		n += w * w
	}
	return math.Sqrt(n)
}

// eligible reports whether a sentence may stand in a summary: a full
// sentence of reasonable length, not a heading nor page residue.
func (c *corpus) eligible(i int) bool {
	s := c.sents[i]
	if s.words < minWords || s.words > maxWords || len(s.vec) < 3 || residue(s.text) {
		return false
	}
	t := strings.TrimRight(s.text, " ")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "”") ||
		strings.HasSuffix(t, "\"") || strings.HasSuffix(t, "''") || strings.HasSuffix(t, ".)")
}

// salience scores every sentence: its similarity to the story's centroid
// and, with a query, to the query (weight queryWeight).
func (c *corpus) salience(query string) []float64 {
	cn := norm(c.centroid)
	var q []tw
	if query != "" {
		q = c.vector(termsOf(query))
	}
	out := make([]float64, len(c.sents))
	for i, s := range c.sents {
		v := cosDense(s.vec, c.centroid, cn)
		if len(q) > 0 {
			v = (1-queryWeight)*v + queryWeight*cos(s.vec, q)
		}
		out[i] = v
	}
	return out
}

// summary picks up to n sentences by maximal marginal relevance and puts
// them in the order of the events they tell (see eventOrder), shown
// detokenised.
func (c *corpus) summary(sal []float64, query string, n int) []model.SummaryItem {
	picked := c.cover(c.candidates(sal), query, n)
	c.eventOrder(picked)
	out := make([]model.SummaryItem, 0, len(picked))
	for _, i := range picked {
		out = append(out, model.SummaryItem{Text: Detokenize(c.sents[i].text), Sources: c.ids(c.support(i, SupportThreshold))})
	}
	return out
}

// maxSummaryCand bounds the sentences a summary is chosen from: the most
// salient eligible ones.
const maxSummaryCand = 300

// candidates returns the most salient eligible sentences, best first.
func (c *corpus) candidates(sal []float64) []int {
	var cand []int
	for i := range c.sents {
		if c.eligible(i) && !bareQuote(c.sents[i].text) {
			cand = append(cand, i)
		}
	}
	sort.SliceStable(cand, func(a, b int) bool { return sal[cand[a]] > sal[cand[b]] })
	return cand[:min(len(cand), maxSummaryCand)]
}

// mmr picks up to n sentences allowed by ok, trading salience against
// similarity to those already picked.
func (c *corpus) mmr(sal []float64, n int, ok func(int) bool) []int {
	var cand []int
	for i := range c.sents {
		if ok(i) {
			cand = append(cand, i)
		}
	}
	sort.SliceStable(cand, func(a, b int) bool { return sal[cand[a]] > sal[cand[b]] })
	if len(cand) > 300 {
		cand = cand[:300]
	}
	var picked []int
	used := map[string]bool{}
	for len(picked) < n {
		best, bestScore := -1, math.Inf(-1)
		for _, i := range cand {
			if used[c.sents[i].text] {
				continue
			}
			red := 0.0
			for _, j := range picked {
				red = math.Max(red, cos(c.sents[i].vec, c.sents[j].vec))
			}
			if red > maxRedund {
				continue
			}
			if s := mmrLambda*sal[i] - (1-mmrLambda)*red; s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		picked = append(picked, best)
		used[c.sents[best].text] = true
	}
	return picked
}

// eventOrder sorts sentence indices by the day of the event each tells
// (its timeline date when it gives one no later than its article's, else
// its article's publication day), then in story order: a story of
// several events reads forwards even when a later article retells an
// earlier event.
func (c *corpus) eventOrder(idx []int) {
	c.storyOrder(idx)
	day := map[int]string{}
	last := ""
	for _, i := range idx {
		if d := c.eventDay(i); d != "" {
			last = d
		}
		day[i] = last // an undated sentence keeps its place after the one before
	}
	sort.SliceStable(idx, func(a, b int) bool { return day[idx[a]] < day[idx[b]] })
}

// eventDay is the day sentence i tells of, "" when neither it nor its
// article gives one.
func (c *corpus) eventDay(i int) string {
	pub := c.docs[c.sents[i].art].Published
	p := ""
	if !pub.IsZero() {
		p = pub.Format(time.DateOnly)
	}
	if willDo.MatchString(c.sents[i].text) {
		return p // a plan: the date it names is not its event's
	}
	if ds := c.sentDates(i); len(ds) > 0 && ds[0].prec != date.Year && (p == "" || ds[0].day <= p) {
		return ds[0].day
	}
	return p
}

// willDo marks a sentence telling what is to come.
var willDo = regexp.MustCompile(`(?i)\b(?:will|shall|is to|are to|plans? to|is set to|are set to)\b`)

// storyOrder sorts sentence indices by article publication, then article,
// then position.
func (c *corpus) storyOrder(idx []int) {
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := c.sents[idx[a]], c.sents[idx[b]]
		if x.art != y.art {
			px, py := c.docs[x.art].Published, c.docs[y.art].Published
			if !px.Equal(py) {
				return px.Before(py)
			}
			return x.art < y.art
		}
		return x.pos < y.pos
	})
}
