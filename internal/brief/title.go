package brief

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

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
	scores, centroid := centrality(arts)
	best, bestScore := 0, -1.0
	for i, sc := range scores {
		// Among equals, an article with a headline.
		if t := cleanHeadline(arts[i].Title); wordy(t) && !residue(t) && !aside(t) {
			sc += 1e-9
		}
		if sc > bestScore+1e-12 {
			best, bestScore = i, sc
		}
	}
	d := arts[best]
	if t := cleanHeadline(d.Title); wordy(t) && !residue(t) && !aside(t) {
		return headline(truecase(Detokenize(t), arts)), d.ID
	}
	return headline(Detokenize(leadSentence(d.Text, centroid))), d.ID
}

// wordy reports whether a headline has at least two words of two letters
// or more: "&HT;" (an SGML entity some archives leave) or "(2)" is none.
func wordy(t string) bool {
	n := 0
	for _, w := range token.Words(t) {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 2 {
			n++
		}
	}
	return n >= 2
}

// centrality returns each article's closeness to the story's centre (the
// dot product of its unit TF-IDF vector of title and lead with the sum of
// all articles' vectors) and that sum.
func centrality(arts []*model.Article) ([]float64, map[string]float64) {
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
	order := make([][]string, len(arts)) // each article's terms, sorted
	for i, tf := range tfs {
		// Summed in term order: a sum in map order differs in its last
		// bits from run to run, and ties would follow it.
		ts := make([]string, 0, len(tf))
		for t := range tf {
			ts = append(ts, t)
		}
		sort.Strings(ts)
		v := make(map[string]float64, len(tf))
		norm := 0.0
		for _, t := range ts {
			w := (1 + math.Log(tf[t])) * (math.Log((1+n)/(1+float64(df[t]))) + 1)
			v[t] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for _, t := range ts {
			v[t] /= norm
			centroid[t] += v[t]
		}
		vecs[i], order[i] = v, ts
	}
	scores := make([]float64, len(arts))
	for i, v := range vecs {
		for _, t := range order[i] {
			scores[i] += v[t] * centroid[t]
		}
	}
	return scores, centroid
}

// Select returns at most n of a story's articles for its brief, in their
// given order: the n/2 most central (see centrality) and the most recent
// for the rest, so that the brief's cost does not grow with the story
// while it still reads the story's core and its latest turn. n <= 0 or a
// story of at most n articles: all of them.
func Select(docs []*model.Article, n int) []*model.Article {
	if n <= 0 || len(docs) <= n {
		return docs
	}
	scores, _ := centrality(docs)
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	keep := make([]bool, len(docs))
	for _, i := range idx[:n/2] {
		keep[i] = true
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := docs[idx[a]], docs[idx[b]]
		if !x.Published.Equal(y.Published) {
			return x.Published.After(y.Published)
		}
		return x.ID > y.ID
	})
	for k, i := 0, 0; k < n-n/2 && i < len(idx); i++ {
		if !keep[idx[i]] {
			keep[idx[i]] = true
			k++
		}
	}
	out := make([]*model.Article, 0, n)
	for i, d := range docs {
		if keep[i] {
			out = append(out, d)
		}
	}
	return out
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
// reads as a headline (6 to 40 words, no time stamp or plea; a wire
// dateline before it dropped) and is closest to centroid; else the first
// sentence.
func leadSentence(text string, centroid map[string]float64) string {
	ss := sentence.Split(leadWords(text, 4*titleWords))
	type cand struct {
		text  string
		score float64
		pos   int
		quote bool // opens with a quotation mark
	}
	var cs []cand
	for i, s := range ss {
		if i >= 6 {
			break
		}
		text := dropDateline(s.Text)
		words := len(token.Words(text))
		if words < 6 || words > 40 || stamp.MatchString(text) || residue(text) || aside(text) {
			continue
		}
		sc := 0.0
		norm := 0.0
		for _, t := range token.Terms(normalize(text)) {
			sc += centroid[t]
			norm++
		}
		if norm > 0 {
			sc /= math.Sqrt(norm)
		}
		cs = append(cs, cand{text, sc, i, opensQuote(text)})
	}
	if len(cs) == 0 {
		if len(ss) > 0 {
			return ss[0].Text
		}
		return ""
	}
	// A sentence that opens with a quotation names the story less well
	// than one that reports it: it comes only when no other qualifies.
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].quote != cs[j].quote {
			return cs[j].quote
		}
		return cs[i].score > cs[j].score
	})
	return cs[0].text
}

// opensQuote reports whether a sentence opens with a quotation mark.
func opensQuote(t string) bool {
	t = strings.TrimSpace(t)
	for _, q := range quoteMarks {
		if strings.HasPrefix(t, q) {
			return true
		}
	}
	return false
}

// LeadTitle is what a reader is shown for an article without a headline
// (wire text, transcripts, pages whose title was not found): its lead
// sentence as a story title takes it, the one among the first that reads
// as a headline (a dateline, time stamp or plea skipped), detokenised and
// cut to a title's length; "" when text gives none.
func LeadTitle(text string) string {
	return headline(Detokenize(strings.TrimSpace(leadSentence(text, nil))))
}
