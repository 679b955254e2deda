// Package brief writes the brief of one story from its articles: a title,
// an extractive multi-document summary whose every sentence names all the
// articles that report it, a dated timeline, the entities and quotations,
// the facts several outlets agree on, the claims only one makes, and how
// each outlet frames the story.
//
// Sentences are compared by the cosine of their TF-IDF vectors (stemmed
// terms, stop words removed, document frequencies over the story's
// articles). An article supports a sentence when one of its own sentences
// is at least SupportThreshold similar to it and holds enough of its
// terms. The summary covers greedily the word bigrams most articles share
// (weighted up when they hold a query term), per word, without repeating
// itself. The timeline keeps the dates the most articles report on or
// after the day, each with its best-supported facts; a week expression
// ("last week") dates a fact at week precision (its Monday), never a day.
package brief

import (
	"sort"
	"strings"

	"parallax/internal/model"
)

// Options tune Build. The zero value is ready to use.
type Options struct {
	// Query, when set, focuses the summary on this question or topic.
	Query string
	// MaxSentences bounds the summary; 0 means DefaultSentences.
	MaxSentences int
	// MaxArticles bounds the articles a brief reads (Select): its cost
	// then stops growing with the story. 0 reads them all.
	MaxArticles int
}

// Defaults.
const (
	DefaultSentences = 5
	// SupportThreshold is the cosine above which a sentence of another
	// article counts as reporting the same fact.
	SupportThreshold = 0.25
)

// Build writes the brief of one story. docs should have ID, Source, Title,
// Text (one paragraph a line) and Published set; of a roundup (an article
// with Passages) only the passages are read; articles with no text are
// ignored.
func Build(docs []*model.Article, opts Options) *model.Brief {
	kept := Select(storyDocs(docs), opts.MaxArticles)
	b := &model.Brief{
		Summary: []model.SummaryItem{}, Timeline: []model.TimelineItem{}, Background: []model.TimelineItem{}, Entities: []model.Entity{},
		Quotes: []model.Quote{}, Consensus: []model.Fact{}, SingleSource: []model.Claim{},
	}
	if len(kept) == 0 {
		return b
	}
	c := newCorpus(kept)
	n := opts.MaxSentences
	if n <= 0 {
		n = DefaultSentences
	}
	sal := c.salience(opts.Query)
	b.Title, b.TitleFrom = Title(kept)
	b.Summary = c.summary(sal, opts.Query, n)
	b.Timeline, b.Background = c.timelines(DefaultDates, DefaultBackground, DefaultPerDate)
	b.Unplaced = c.unplaced()
	ents := c.entities()
	b.Entities = ents
	b.Quotes = c.quotes(ents)
	b.Consensus, b.SingleSource = c.consensus(sal)
	b.Framing = c.framing(b.Quotes)
	return b
}

// storyDocs returns the articles with text about the story: of a roundup
// a copy whose Text is only its passages (the one place the brief reads
// an article's text from), without the articles left with no text.
func storyDocs(docs []*model.Article) []*model.Article {
	var kept []*model.Article
	for _, d := range docs {
		if d == nil {
			continue
		}
		if len(d.Passages) > 0 {
			c := *d
			c.Text, c.Passages = d.StoryText(), nil
			d = &c
		}
		if strings.TrimSpace(d.Text) != "" {
			kept = append(kept, d)
		}
	}
	return kept
}

// maxTitleWords bounds a story title; a longer one is cut at a word.
const maxTitleWords = 16

// headline cuts t to maxTitleWords words, marking the cut with "…".
func headline(t string) string {
	words := strings.Fields(t)
	if len(words) <= maxTitleWords {
		return strings.Join(words, " ")
	}
	return strings.TrimRight(strings.Join(words[:maxTitleWords], " "), ",;:-–—") + "…"
}

// sortedIDs returns the keys of a set, sorted.
func sortedIDs(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
