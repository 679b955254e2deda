package web

import (
	"fmt"
	"net/http"

	"parallax/internal/model"
)

// storyData is one story as the store returns it.
type storyData struct {
	story *model.Story
	brief *model.Brief // nil until written
	refs  []model.ArticleRef
	// coverage is the story's outlets along each labelled dimension, read
	// by withCoverage (the story page and its API twin only).
	coverage []model.Coverage
}

// withCoverage reads the story's coverage into d.
func (h *handler) withCoverage(r *http.Request, d *storyData) error {
	cov, err := h.st.StoryCoverage(r.Context(), d.story.ID)
	if err != nil {
		return fmt.Errorf("story %s coverage: %w", d.story.ID, err)
	}
	d.coverage = cov
	return nil
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
