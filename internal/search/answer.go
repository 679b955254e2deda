package search

// Limits of one page of results.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// MaxCandidates bounds the work of one search: of each kind, stores rank
// only the MaxCandidates newest matches (in the order they were stored:
// for news, by date); Results still counts every match. A variable only
// so that tests can lower it.
var MaxCandidates = 5000

// Answer ranks the candidates an index found (Rank, in order o) and
// returns, with how many stories and articles matched in all (at least
// the candidates of each kind), the page from offset (at most limit, DefaultLimit when limit <=
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
	res.Stories, res.Articles = max(res.Stories, stories), max(res.Articles, articles)
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
