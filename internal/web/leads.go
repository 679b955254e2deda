package web

import (
	"context"
	"fmt"

	"parallax/internal/brief"
)

// withLeads gives the rows of articles that have no title one from their
// text (brief.LeadTitle: the lead sentence, as a story without headlines
// is titled), reading only those rows' openings; rows whose text gives
// none keep the empty title ("Untitled article").
func (h *handler) withLeads(ctx context.Context, rows []articleRow) error {
	var ids []string
	for _, r := range rows {
		if r.Ref.Title == "" {
			ids = append(ids, r.Ref.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	leads, err := h.st.ArticleLeads(ctx, ids)
	if err != nil {
		return fmt.Errorf("titles of untitled articles: %w", err)
	}
	for i := range rows {
		if lead, ok := leads[rows[i].Ref.ID]; ok && rows[i].Ref.Title == "" {
			rows[i].Ref.Title = brief.LeadTitle(lead)
		}
	}
	return nil
}
