package search

// Limits of one page of results.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Answer ranks the candidates an index found (Rank, in order o), counts them and
// returns the page from offset (at most limit, DefaultLimit when limit <=
// 0, never more than MaxLimit), each hit filled in by detail: the part
// every store shares once it has its candidates.
func Answer(cs []Candidate, o Order, limit, offset int, detail func(Candidate) (Hit, error)) (Results, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	res := Results{Total: len(cs), Hits: []Hit{}}
	for _, c := range cs {
		if c.Kind == KindStory {
			res.Stories++
		} else {
			res.Articles++
		}
	}
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
