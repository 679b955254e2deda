package web

import (
	"cmp"
	"slices"
	"strings"

	"parallax/internal/model"
)

// How many items of a large section the story page shows; the rest are
// on the section's "all" pages.
const (
	topEntities = 24
	topQuotes   = 10
	topArticles = 20
)

// minQuoteWords: a shorter quote is a fragment ("first-of-its-kind")
// and ranks after whole sentences.
const minQuoteWords = 5

// rankEntities orders a brief's entities by salience: in more articles
// first, then more mentions in all, then in the brief's order. It
// returns a new slice.
func rankEntities(es []model.Entity) []model.Entity {
	out := slices.Clone(es)
	slices.SortStableFunc(out, func(a, b model.Entity) int {
		if c := cmp.Compare(len(b.Sources), len(a.Sources)); c != 0 {
			return c
		}
		return cmp.Compare(mentions(b), mentions(a))
	})
	return out
}

// mentions is how often an entity is mentioned in all its articles.
func mentions(e model.Entity) int {
	n := 0
	for _, m := range e.Mentions {
		n += m
	}
	return n
}

// quoteKey is what a quote is ranked by, smallest first.
type quoteKey struct {
	tier     int // 0 speaker is an entity of the story, 1 attributed, 2 unattributed
	repeat   int // how many quotes of the same speaker rank before it
	fragment bool
	salience int // the speaker entity's article count (negated order)
	index    int // the brief's order
}

// rankQuotes orders a brief's quotes by salience: quotes whose speaker is
// one of the story's entities first (the more articles the entity is in,
// the earlier), then other attributed quotes, then unattributed ones;
// within a tier, each speaker's first quote before anyone's second, and
// whole sentences before fragments. Ties keep the brief's order. It
// returns a new slice.
func rankQuotes(qs []model.Quote, es []model.Entity) []model.Quote {
	salience := speakerSalience(es)
	keys := make([]quoteKey, len(qs))
	seen := map[string]int{}
	for i, q := range qs {
		speaker := normName(q.Speaker)
		k := quoteKey{tier: 2, fragment: len(strings.Fields(q.Text)) < minQuoteWords, index: i}
		if speaker != "" {
			k.tier, k.repeat = 1, seen[speaker]
			seen[speaker]++
		}
		if s, ok := salience[speaker]; ok && speaker != "" {
			k.tier, k.salience = 0, s
		}
		keys[i] = k
	}
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compareQuoteKeys(keys[a], keys[b]) })
	out := make([]model.Quote, len(qs))
	for i, j := range order {
		out[i] = qs[j]
	}
	return out
}

func compareQuoteKeys(a, b quoteKey) int {
	return cmp.Or(
		cmp.Compare(a.tier, b.tier),
		cmp.Compare(a.repeat, b.repeat),
		cmp.Compare(boolInt(a.fragment), boolInt(b.fragment)),
		cmp.Compare(b.salience, a.salience),
		cmp.Compare(a.index, b.index),
	)
}

// speakerSalience maps every name and alias of a person or organisation
// of the story (normalised) to its article count.
func speakerSalience(es []model.Entity) map[string]int {
	out := map[string]int{}
	for _, e := range es {
		if e.Type == "PLACE" {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if k := normName(n); k != "" && len(e.Sources) >= out[k] {
				out[k] = len(e.Sources)
			}
		}
	}
	return out
}

// normName folds a name for matching: lower case, single spaces, no
// leading "Mr"/"Ms"-style title.
func normName(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > 1 {
		switch strings.TrimSuffix(f[0], ".") {
		case "mr", "mrs", "ms", "dr", "sir", "president", "senator", "sen", "gov", "governor":
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// citeCounts counts how often the brief cites each article: in its
// summary, timeline, consensus facts, single-source claims and quotes.
func citeCounts(b *model.Brief) map[string]int {
	n := map[string]int{}
	if b == nil {
		return n
	}
	add := func(ids ...string) {
		for _, id := range ids {
			n[id]++
		}
	}
	for _, it := range b.Summary {
		add(it.Sources...)
	}
	for _, it := range b.Timeline {
		add(it.Sources...)
	}
	for _, f := range b.Consensus {
		add(f.Sources...)
	}
	for _, c := range b.SingleSource {
		add(c.Source)
	}
	for _, q := range b.Quotes {
		add(q.Source)
	}
	return n
}

// pickArticles chooses the n most representative of a story's articles:
// the ones the brief cites most, originals before near-duplicate copies,
// ties in listing order. It returns their indexes in listing order, so
// that the page still reads [1], [4], [9]...
func pickArticles(refs []model.ArticleRef, b *model.Brief, n int) []int {
	idx := make([]int, len(refs))
	for i := range idx {
		idx[i] = i
	}
	if len(refs) <= n {
		return idx
	}
	cites := citeCounts(b)
	slices.SortStableFunc(idx, func(i, j int) int {
		return cmp.Or(
			cmp.Compare(boolInt(refs[i].DuplicateOf != ""), boolInt(refs[j].DuplicateOf != "")),
			cmp.Compare(cites[refs[j].ID], cites[refs[i].ID]),
		)
	})
	idx = idx[:n]
	slices.Sort(idx)
	return idx
}
