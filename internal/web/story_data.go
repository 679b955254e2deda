package web

import (
	"net/http"

	"parallax/internal/model"
)

// storyData is one story as the store returns it.
type storyData struct {
	story *model.Story
	brief *model.Brief // nil until written
	refs  []model.ArticleRef
}

// loadStory reads the story named by the {id} path value. When the id
// was merged into another story it answers with a redirect to the
// address href gives for that one, and reports done.
func (h *handler) loadStory(w http.ResponseWriter, r *http.Request, href func(string) string) (d storyData, done bool, err error) {
	id, err := pathID(r)
	if err != nil {
		return d, false, err
	}
	d.story, d.brief, d.refs, err = h.st.Story(r.Context(), id)
	if h.redirectMerged(w, r, id, err, href) {
		return d, true, nil
	}
	return d, false, err
}

// entities are the brief's entities, most salient first (rankEntities).
func (d storyData) entities() []model.Entity {
	if d.brief == nil {
		return []model.Entity{}
	}
	return nonNil(rankEntities(d.brief.Entities))
}

// quotes are the brief's quotes, most salient first (rankQuotes).
func (d storyData) quotes() []model.Quote {
	if d.brief == nil {
		return []model.Quote{}
	}
	return nonNil(rankQuotes(d.brief.Quotes, d.brief.Entities))
}
