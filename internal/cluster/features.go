package cluster

import (
	"math"
)

// FeatureNames names the features that score an (article, story) pair, in
// the order the model's weights follow.
var FeatureNames = []string{
	"cos",       // cosine of the article to the story centroid (all terms)
	"near",      // best cosine to one of the story's latest articles
	"ent",       // cosine of proper nouns to the story's proper-noun centroid
	"entnear",   // best proper-noun cosine to one of the latest articles
	"lead",      // cosine of title and lead to the story's title-and-lead centroid
	"bg",        // cosine of the article to all articles of its language
	"gap",       // log(1 + days since the story's latest article)
	"size",      // log(articles in the story)
	"cos_gap",   // cos * gap: a long gap asks for a closer match
	"ent_gap",   // ent * gap
	"date",      // the article mentions a day the story mentions
	"nodate",    // both mention days, none in common
	"cos_size",  // cos * log(1 + articles): big stories are diverse
	"near_size", // near * log(1 + articles)
}

// scratch holds the article's vectors spread over dense arrays while its
// candidates are scored.
type scratch struct{ all, ent, lead dense }

// features fills out with the pair's features (see FeatureNames); bg is
// the article's cosine to its language's centroid; all, ent and lead are
// d's vectors loaded in dense arrays.
func features(d *docVec, s *story, bg float64, all, ent, lead []float64, out []float64) []float64 {
	out = out[:0]
	var near, entNear float64
	for _, r := range s.recent {
		near = max(near, dotDense(r.all, all))
		entNear = max(entNear, dotDense(r.ent, ent))
	}
	gap := math.Log1p(gapDays(s.last, d.at))
	cos := s.all.cosineDense(d.all, all)
	ent1 := s.ent.cosineDense(d.ent, ent)
	match, conflict := dayOverlap(d.days, s.days)
	size := math.Log(float64(max(s.size, 1)))
	big := math.Log1p(float64(s.size))
	return append(out, cos, near, ent1, entNear, s.lead.cosineDense(d.lead, lead), bg, gap,
		size, cos*gap, ent1*gap, match, conflict, cos*big, near*big)
}
