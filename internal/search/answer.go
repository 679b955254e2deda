package search

// Limits of one page of results.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// MaxCandidates and MaxCount bound the work of one search: of each kind,
// stores rank only the MaxCandidates newest matches (in the order they
// were stored: for news, by date), and count matches up to MaxCount; past
// it, Results says the total is at least that (as search engines say
// "10,000+"). Variables only so that tests can lower them.
var (
	MaxCandidates = 2000
	MaxCount      = 10_000
)

// Answer ranks the candidates an index found (Rank, in order o) and
// returns, with how many stories and articles matched in all (at least
// the candidates of each kind; a count over MaxCount is capped to it and
// the total marked inexact), the page from offset (at most limit, DefaultLimit when limit <=
// 0, never more than MaxLimit), each hit filled in by detail: the part
// every store shares once it has its candidates.
func Answer(cs []Candidate, stories, articles int, o Order, limit, offset int, detail func(Candidate) (Hit, error)) (Results, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	res := Results{Hits: []Hit{}}
	for _, c := range cs {
		if c.Kind == KindStory {
			res.Stories++
		} else {
			res.Articles++
		}
	}
	res.Ranked = len(cs)
	res.Stories, res.Articles = max(res.Stories, stories), max(res.Articles, articles)
	res.Exact = res.Stories <= MaxCount && res.Articles <= MaxCount
	res.Stories, res.Articles = min(res.Stories, MaxCount), min(res.Articles, MaxCount)
	res.Total = res.Stories + res.Articles
	scores := Rank(cs, o)
	for i, c := range Page(cs, limit, offset) {
		h, err := detail(c)
		if err != nil {
			return Results{}, err
		}
		h.Kind, h.ID, h.Score = c.Kind, c.ID, scores[offset+i]
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}
