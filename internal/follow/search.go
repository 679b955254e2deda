package follow

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"strings"

	"parallax/internal/brief"
	"parallax/internal/search"
	"parallax/internal/store"
)

// SearchFeed is the feed of a search: its newest Size results, stories
// and articles, with entry ids urn:parallax:story:ID and
// urn:parallax:article:ID (the same in every feed they appear in).
func SearchFeed(ctx context.Context, st store.Store, raw string) (Feed, error) {
	q, err := search.Parse(raw)
	if err != nil {
		return Feed{}, err
	}
	f := Feed{ID: "urn:parallax:search:" + url.QueryEscape(q.String()), Title: "Parallax: " + raw,
		Page: "/search?" + url.Values{"q": {raw}}.Encode()}
	return f, fill(ctx, st, &f, q)
}

// fill adds the newest results of q to f.
func fill(ctx context.Context, st store.Store, f *Feed, q search.Query) error {
	q.Order = search.Newest
	res, err := st.Search(ctx, q, Size, 0)
	if err != nil {
		return fmt.Errorf("follow: search %q: %w", q.String(), err)
	}
	for _, h := range res.Hits {
		f.Entries = append(f.Entries, hitEntry(h))
	}
	return nil
}

// hitEntry is a search result as a feed entry.
func hitEntry(h search.Hit) Entry {
	e := Entry{ID: "urn:parallax:" + h.Kind + ":" + url.PathEscape(h.ID), Title: h.Title, Summary: h.Snippet,
		Kind: h.Kind, Updated: h.Time, Published: h.Time}
	if h.Kind == search.KindStory {
		e.Path, e.Published = storyPath(h.ID), h.First
		if e.Title == "" {
			e.Title = "Untitled story"
		}
	} else {
		e.Path = articlePath(h.ID)
		if e.Title == "" {
			e.Title = cmp.Or(brief.LeadTitle(h.Lead), "Untitled article")
		}
	}
	return e
}

// entityKeys are the search operators of each entity type.
var entityKeys = map[string]string{search.Person: "person", search.Org: "org", search.Place: "place"}

// EntityQuery is the search that finds an entity: its stories (whose
// brief lists it) and their articles that name it. typ is PERSON, ORG
// or PLACE (any case).
func EntityQuery(typ, name string) (string, error) {
	key, ok := entityKeys[strings.ToUpper(typ)]
	name = strings.Join(strings.Fields(strings.ReplaceAll(name, `"`, " ")), " ")
	if !ok || name == "" {
		return "", fmt.Errorf("%w: an entity needs a type (person, org or place) and a name", search.ErrEmpty)
	}
	q := key + `:"` + name + `"`
	if _, err := search.Parse(q); err != nil {
		return "", err // a name of no letters or digits, or too long
	}
	return q, nil
}

// EntityFeed is the feed of an entity: the newest stories and articles
// of EntityQuery, with the same entry ids as a search feed.
func EntityFeed(ctx context.Context, st store.Store, typ, name string) (Feed, error) {
	raw, err := EntityQuery(typ, name)
	if err != nil {
		return Feed{}, err
	}
	q, err := search.Parse(raw)
	if err != nil {
		return Feed{}, err
	}
	typ = strings.ToUpper(typ)
	f := Feed{ID: "urn:parallax:entity:" + typ + ":" + url.PathEscape(strings.ToLower(strings.Join(q.Entities[0].Tokens, " "))),
		Title: "Parallax: " + strings.Trim(raw[strings.Index(raw, ":")+1:], `"`) + " (" + strings.ToLower(entityKeys[typ]) + ")",
		Page:  "/search?" + url.Values{"q": {raw}}.Encode()}
	return f, fill(ctx, st, &f, q)
}
