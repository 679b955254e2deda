package follow

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// StoryFeed is the feed of story id: an entry per event of the story,
// newest activity first, which a new event adds and a new article
// updates. An id merged into another story follows its successor under
// the same entry ids. Entry ids are urn:parallax:story:ID:event:EVENT.
func StoryFeed(ctx context.Context, st store.Store, id string) (Feed, error) {
	s, b, refs, err := st.Story(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		into, aerr := st.StoryAlias(ctx, id)
		if aerr != nil {
			return Feed{}, err
		}
		s, b, refs, err = st.Story(ctx, into)
	}
	if err != nil {
		return Feed{}, fmt.Errorf("follow: story %s: %w", id, err)
	}
	title := s.Title
	if b != nil && b.Title != "" {
		title = b.Title
	}
	f := Feed{ID: "urn:parallax:story:" + url.PathEscape(id), Title: "Parallax: " + cmp.Or(title, "Untitled story"), Page: storyPath(s.ID)}
	for _, ev := range groupEvents(s.ID, refs) {
		f.Entries = append(f.Entries, ev.entry(f.ID, b))
	}
	slices.SortStableFunc(f.Entries, func(a, b Entry) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(f.Entries) > Size {
		f.Entries = f.Entries[:Size]
	}
	return f, nil
}

// event is the articles of one event of a story.
type event struct {
	id       string
	first    model.ArticleRef // earliest (its headline names the event)
	last     time.Time
	articles int
	outlets  []string
}

// groupEvents groups a story's articles by event (those without one under
// the story's id).
func groupEvents(storyID string, refs []model.ArticleRef) []*event {
	by := map[string]*event{}
	var out []*event
	for _, r := range refs {
		key := cmp.Or(r.EventID, storyID)
		ev := by[key]
		if ev == nil {
			ev = &event{id: key, first: r}
			by[key] = ev
			out = append(out, ev)
		}
		ev.articles++
		if before(r, ev.first) {
			ev.first = r
		}
		if r.Published.After(ev.last) {
			ev.last = r.Published
		}
		if r.Source != "" && !slices.Contains(ev.outlets, r.Source) {
			ev.outlets = append(ev.outlets, r.Source)
		}
	}
	return out
}

// before orders articles by date (unknown last), then id.
func before(a, b model.ArticleRef) bool {
	if a.Published.IsZero() != b.Published.IsZero() {
		return !a.Published.IsZero()
	}
	if !a.Published.Equal(b.Published) {
		return a.Published.Before(b.Published)
	}
	return a.ID < b.ID
}

// entry is the feed entry of an event: its first headline, its size and
// outlets, and the brief's timeline facts dated within it.
func (ev *event) entry(feedID string, b *model.Brief) Entry {
	e := Entry{ID: feedID + ":event:" + url.PathEscape(ev.id), Title: cmp.Or(ev.first.Title, ev.untitled()),
		Path: articlePath(ev.first.ID), Kind: "event", Published: ev.first.Published, Updated: ev.last}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d article%s", ev.articles, plural(ev.articles))
	if n := len(ev.outlets); n > 0 {
		shown := ev.outlets[:min(n, 5)]
		fmt.Fprintf(&sb, " from %d outlet%s (%s%s)", n, plural(n), strings.Join(shown, ", "), more(n, len(shown)))
	}
	sb.WriteString(".")
	if b != nil && !ev.first.Published.IsZero() {
		from, to := ev.first.Published.Format(time.DateOnly), ev.last.Format(time.DateOnly)
		n := 0
		for _, it := range b.Timeline {
			if it.Date >= from && it.Date <= to && n < 3 {
				fmt.Fprintf(&sb, " %s: %s", it.Date, it.Text)
				n++
			}
		}
	}
	e.Summary = sb.String()
	return e
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func more(n, shown int) string {
	if n > shown {
		return fmt.Sprintf(" and %d more", n-shown)
	}
	return ""
}

// untitled names an event whose first article has no headline by its
// date and first outlet.
func (ev *event) untitled() string {
	when := "an unknown date"
	if !ev.first.Published.IsZero() {
		when = ev.first.Published.UTC().Format("2 January 2006")
	}
	return fmt.Sprintf("New event of %s: %d article%s from %s", when, ev.articles, plural(ev.articles), cmp.Or(ev.first.Source, "an unnamed outlet"))
}
