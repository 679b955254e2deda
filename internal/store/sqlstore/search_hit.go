package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"parallax/internal/search"
	"parallax/internal/store"
)

// storyHit reads what a result shows of story id: its title, counts,
// times and a snippet of its brief's summary.
func (db *Store) storyHit(ctx context.Context, tx *Tx, q search.Query, id string) (search.Hit, error) {
	var h search.Hit
	var first, last sql.NullString
	var sid, summary string
	err := tx.QueryRow(ctx, `SELECT `+storyColumns+`, `+db.d.BriefSummary+` FROM stories WHERE id = ?`, id).
		Scan(&sid, &h.Title, &h.Articles, &h.Outlets, &first, &last, &h.Undated, &h.NoOutlet, &summary)
	if err != nil {
		return h, fmt.Errorf("story %s: %w", id, err)
	}
	if h.First, err = ParseTime(first); err != nil {
		return h, err
	}
	if h.Time, err = ParseTime(last); err != nil {
		return h, err
	}
	h.Snippet = search.Snippet(summary, q)
	return h, nil
}

// articleHit reads what a result shows of article id: its title, outlet,
// address, date, story and a snippet of its text.
func articleHit(ctx context.Context, tx *Tx, q search.Query, id string) (search.Hit, error) {
	var h search.Hit
	var t, story sql.NullString
	var body string
	err := tx.QueryRow(ctx, `SELECT a.title, a.source, a.url, a.sort_time, a.published IS NULL, a.story_id,
		COALESCE(s.title, ''), a.body
		FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ?`, id).
		Scan(&h.Title, &h.Source, &h.URL, &t, &h.Undated, &story, &h.StoryTitle, &body)
	if err != nil {
		return h, fmt.Errorf("article %s: %w", id, err)
	}
	h.Story = story.String
	if h.Time, err = ParseTime(t); err != nil {
		return h, err
	}
	h.Snippet = search.Snippet(body, q)
	if h.Title == "" {
		h.Lead = firstChars(body, store.LeadChars)
	}
	return h, nil
}

// firstChars is s up to its n-th character (as ArticleLeads' substr cuts
// it), without decoding the rest.
func firstChars(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
