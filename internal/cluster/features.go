package cluster

import (
	"math"
	"slices"
)

// FeatureNames names the features that score an (article, story) pair, in
// the order the model's weights follow.
var FeatureNames = []string{
	"cos",          // cosine of the article to the story centroid (all terms)
	"near",         // best cosine to one of the story's latest articles
	"ent",          // cosine of proper nouns to the story's proper-noun centroid
	"entnear",      // best proper-noun cosine to one of the latest articles
	"lead",         // cosine of title and lead to the story's title-and-lead centroid
	"bg",           // cosine of the article to all articles of its language
	"gap",          // log(1 + days since the story's latest article)
	"size",         // log(articles in the story)
	"cos_gap",      // cos * gap: a long gap asks for a closer match
	"ent_gap",      // ent * gap
	"date",         // the article mentions a day the story mentions
	"nodate",       // both mention days, none in common
	"cos_size",     // cos * log(1 + articles): big stories are diverse
	"near_size",    // near * log(1 + articles)
	"rare1",        // rarest proper noun shared with the story: idf / max idf
	"rare2",        // the second rarest
	"index",        // summed weight of the article's top terms that index the story
	"name1",        // rarest proper-noun pair ("Robert Adams") shared with the story: idf / max idf
	"names",        // log(1 + proper-noun pairs shared with the story)
	"near_margin",  // near minus the best near among the other candidates
	"ent_margin",   // entnear minus the best entnear among the other candidates
	"titlenear",    // best cosine of the title to one of the latest articles' titles
	"title_margin", // titlenear minus the best titlenear among the other candidates
}

// PairFeatures are the features whose products, two by two, the pair
// model also weighs: all of them.
var PairFeatures = FeatureNames

// marginOf lists, per margin feature, the feature it is the margin of.
var marginOf = [][2]int{
	{slices.Index(FeatureNames, "near_margin"), slices.Index(FeatureNames, "near")},
	{slices.Index(FeatureNames, "ent_margin"), slices.Index(FeatureNames, "entnear")},
	{slices.Index(FeatureNames, "title_margin"), slices.Index(FeatureNames, "titlenear")},
}

// margins fills the margin features of rows: how far each candidate is
// ahead of (or behind) the best of the others, which tells a clear match
// from one among many look-alikes (the same city, the same outlet).
func margins(rows [][]float64) {
	for _, m := range marginOf {
		to, from := m[0], m[1]
		best, second := 0.0, 0.0
		for _, r := range rows {
			if x := r[from]; x > best {
				best, second = x, best
			} else if x > second {
				second = x
			}
		}
		for _, r := range rows {
			other := best
			if r[from] == best {
				other = second
			}
			r[to] = r[from] - other
		}
	}
}

// scratch holds the article's vectors spread over dense arrays while its
// candidates are scored.
type scratch struct{ all, ent, lead, title dense }

// features fills out with the pair's features (see FeatureNames); bg is
// the article's cosine to its language's centroid; nb its best cosines
// to the story's recent articles (nearestAll); all, ent and lead are d's
// vectors loaded in dense arrays.
func features(d *docVec, s *story, vc *vocab, bg, index float64, nb nearBest, all, ent, lead []float64, out []float64) []float64 {
	out = out[:0]
	near, entNear, titleNear := nb.all, nb.ent, nb.title
	gap := math.Log1p(s.apartDays(d.at))
	var cos, ent1 float64
	if s.size == 1 && len(s.recent) == 1 && s.all.pos == nil && s.ent.pos == nil {
		// One article: its centroids are its vectors, and the cosines
		// are the nearest ones over the norms, to the last bit (the same
		// products summed in the same, term-id order).
		cos, ent1 = overNorm(near, s.all), overNorm(entNear, s.ent)
	} else {
		cos, ent1 = s.all.cosineDense(d.all, all), s.ent.cosineDense(d.ent, ent)
	}
	match, conflict := dayOverlap(d.days, s.days)
	size := math.Log(float64(max(s.size, 1)))
	big := math.Log1p(float64(s.size))
	r1, r2 := rareShared(d.ent, s.ent, vc, ent)
	n1, nn := sharedNames(d.names, s.names, vc)
	return append(out, cos, near, ent1, entNear, s.lead.cosineDense(d.lead, lead), bg, gap,
		size, cos*gap, ent1*gap, match, conflict, cos*big, near*big, r1, r2, index, n1, nn, 0, 0, titleNear, 0)
}

// sharedNames returns the highest idf, over the largest idf possible, of
// the proper-noun pairs of the article the story also holds, and the log
// of 1 + how many it holds.
func sharedNames(names []int32, story map[int32]int, vc *vocab) (rarest, count float64) {
	// idf falls as df grows: the rarest is the smallest df, and only its
	// idf is computed.
	n, minDF := 0, -1
	for _, t := range names {
		if story[t] == 0 {
			continue
		}
		n++
		if df := vc.df[t]; minDF < 0 || df < minDF {
			minDF = df
		}
	}
	return rareness(vc, minDF), math.Log1p(float64(n))
}

// rareShared returns the two highest idfs, over the largest idf possible,
// of the proper nouns of v that the centroid c also holds; dense holds v.
func rareShared(v vector, c *centroid, vc *vocab, dense []float64) (r1, r2 float64) {
	// The two highest idfs are those of the two smallest dfs (idf falls
	// as df grows): dfs are compared, and only the two idfs computed.
	d1, d2 := -1, -1
	consider := func(t int32) {
		switch df := vc.df[t]; {
		case d1 < 0 || df < d1:
			d1, d2 = df, d1
		case d2 < 0 || df < d2:
			d2 = df
		}
	}
	if len(c.ts) <= 8*len(v) { // the same set either way: the two largest do not depend on order
		for i, t := range c.ts {
			if int(t) < len(dense) && dense[t] != 0 && c.ws[i] != 0 {
				consider(t)
			}
		}
	} else {
		for _, e := range v {
			if i, ok := c.find(e.t); ok && c.ws[i] != 0 { // 0: withheld (move.go)
				consider(e.t)
			}
		}
	}
	return rareness(vc, d1), rareness(vc, d2)
}

// rareness is the idf of a term held by df documents over the largest idf
// possible; 0 for no term (df < 0).
func rareness(vc *vocab, df int) float64 {
	if df < 0 {
		return 0
	}
	return vc.idfOfDF(df) / vc.maxIDF()
}

// overNorm is dot over the centroid's norm, as centroid.cosine divides.
func overNorm(dot float64, c *centroid) float64 {
	if c.norm2 <= 0 {
		return 0
	}
	return dot / math.Sqrt(c.norm2)
}

// nearBest is an article's best cosines to one story's recent articles:
// of all terms, of proper nouns and of titles.
type nearBest struct{ all, ent, title float64 }

// take keeps the larger of each cosine and r's.
func (nb *nearBest) take(r nearBest) {
	nb.all, nb.ent, nb.title = max(nb.all, r.all), max(nb.ent, r.ent), max(nb.title, r.title)
}

// nearestAll returns, per candidate story, the article's best cosines to
// its recent articles; all, ent and title hold the article's vectors
// loaded in dense arrays. Each dot product sums the same products in the
// same (term-id) order as a merge of the two sorted vectors would, to
// the last bit. The recent articles of all the candidates are taken two
// at a time (dotPair), whichever stories they are in: most candidates
// hold one article.
func nearestAll(cands []*story, all, ent, title []float64, out []nearBest) []nearBest {
	out = slices.Grow(out[:0], len(cands))[:len(cands)]
	clear(out)
	var held *docVec // a recent article waiting for a second
	heldAt := 0      // its candidate
	for i, s := range cands {
		for _, r := range s.recent {
			if held == nil {
				held, heldAt = r, i
				continue
			}
			var x, y nearBest
			x.all, y.all = dotPair(held.all, r.all, all)
			x.ent, y.ent = dotPair(held.ent, r.ent, ent)
			x.title, y.title = dotPair(held.title, r.title, title)
			out[heldAt].take(x)
			out[i].take(y)
			held = nil
		}
	}
	if held != nil {
		out[heldAt].take(nearBest{dotDense(held.all, all), dotDense(held.ent, ent), dotDense(held.title, title)})
	}
	return out
}
