package brief

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"parallax/internal/model"
	"parallax/internal/nlp/sentence"
	"parallax/internal/nlp/token"
)

// titleWords is how many words of an article's text, after its title,
// stand for it when the story's centre is found: the lead says what an
// article is about, the rest wanders (and a long article would outweigh
// the others).
const titleWords = 120

// Title returns a story's title and the id of the article it comes from:
// the headline of the story's most representative article (the one
// closest to the centroid of all its articles' titles and leads), or,
// when that article has no headline, the most central of its first
// sentences that reads as a sentence. A title no article of the story
// supports is never taken, so a stray article cannot name a story, nor
// can a boilerplate line (a dateline, "Last updated …", a caption).
// Cost grows with the story's articles times titleWords, not their length.
func Title(docs []*model.Article) (title, from string) {
	var arts []*model.Article
	for _, d := range docs {
		if d != nil && (strings.TrimSpace(d.Title) != "" || strings.TrimSpace(d.Text) != "") {
			arts = append(arts, d)
		}
	}
	if len(arts) == 0 {
		return "", ""
	}
	df := map[string]int{}
	tfs := make([]map[string]float64, len(arts))
	for i, d := range arts {
		tf := map[string]float64{}
		for _, t := range token.Terms(normalize(d.Title + "\n" + leadWords(d.Text, titleWords))) {
			tf[t]++
		}
		for t := range tf {
			df[t]++
		}
		tfs[i] = tf
	}
	n := float64(len(arts))
	centroid := map[string]float64{}
	vecs := make([]map[string]float64, len(arts))
	for i, tf := range tfs {
		v := map[string]float64{}
		norm := 0.0
		for t, f := range tf {
			w := (1 + math.Log(f)) * (math.Log((1+n)/(1+float64(df[t]))) + 1)
			v[t] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for t := range v {
			v[t] /= norm
			centroid[t] += v[t]
		}
		vecs[i] = v
	}
	best, bestScore := 0, -1.0
	for i, v := range vecs {
		s := 0.0
		for t, w := range v {
			s += w * centroid[t]
		}
		// Among equals, an article with a headline.
		if strings.TrimSpace(arts[i].Title) != "" {
			s += 1e-9
		}
		if s > bestScore+1e-12 {
			best, bestScore = i, s
		}
	}
	d := arts[best]
	if t := strings.TrimSpace(d.Title); t != "" {
		return headline(Detokenize(t)), d.ID
	}
	return headline(Detokenize(leadSentence(d.Text, centroid))), d.ID
}

// leadWords returns about the first n words of text.
func leadWords(text string, n int) string {
	k := 0
	for i, r := range text {
		if r == ' ' || r == '\n' || r == '\t' {
			if k++; k >= n {
				return text[:i]
			}
		}
	}
	return text
}

// stamp matches the lines that are no headline: times, "Last updated",
// "Posted", bylines, captions ("Photo:"), pleas to click or share.
var stamp = regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}\b|^\s*(last updated|updated|posted|published|by|photo|image|video|watch|click|share|follow|read more|advertisement)\b|\?\s*$|\|`)

// leadSentence returns the sentence among the first ones of text that
// reads as a headline (6 to 40 words, no time stamp or plea) and is
// closest to centroid; else the first sentence.
func leadSentence(text string, centroid map[string]float64) string {
	ss := sentence.Split(leadWords(text, 4*titleWords))
	type cand struct {
		text  string
		score float64
		pos   int
	}
	var cs []cand
	for i, s := range ss {
		if i >= 6 {
			break
		}
		words := len(token.Words(s.Text))
		if words < 6 || words > 40 || stamp.MatchString(s.Text) {
			continue
		}
		sc := 0.0
		norm := 0.0
		for _, t := range token.Terms(normalize(s.Text)) {
			sc += centroid[t]
			norm++
		}
		if norm > 0 {
			sc /= math.Sqrt(norm)
		}
		cs = append(cs, cand{s.Text, sc, i})
	}
	if len(cs) == 0 {
		if len(ss) > 0 {
			return ss[0].Text
		}
		return ""
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	return cs[0].text
}
