package scaleout_test

import (
	"context"
	"errors"
	"fmt"
	"parallax/internal/store"
	"parallax/internal/store/postgres"
	"parallax/internal/store/sqlite"
	"sort"
	"strings"
	"testing"
)

// storeSnapshot is what the scale-out test compares between runs.
type storeSnapshot struct {
	story   map[string]string // article -> story
	dupOf   map[string]string // near-duplicate -> original
	stories int
	aliased int // stories that have both a row and a merge alias
	stale   int
}

func snapshotSQLite(t testing.TB, path string) storeSnapshot {
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return snapshotOf(t, st)
}

func snapshotPostgres(t testing.TB, dsn string) storeSnapshot {
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return snapshotOf(t, st)
}

func snapshotOf(t testing.TB, st store.Store) storeSnapshot {
	t.Helper()
	ctx := context.Background()
	arts, err := st.ClusteredArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := storeSnapshot{story: map[string]string{}, dupOf: map[string]string{}}
	for _, a := range arts {
		if _, twice := s.story[a.ID]; twice {
			t.Errorf("article %s stored twice", a.ID)
		}
		s.story[a.ID] = a.StoryID
		if a.DuplicateOf != "" {
			s.dupOf[a.ID] = a.DuplicateOf
		}
	}
	if pending, err := st.PendingArticles(ctx); err != nil || len(pending) > 0 {
		t.Errorf("%d articles left unclustered (%v)", len(pending), err)
	}
	stories, err := st.Stories(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	s.stories = len(stories)
	for _, x := range stories {
		if _, err := st.StoryAlias(ctx, x.ID); !errors.Is(err, store.ErrNotFound) {
			s.aliased++
		}
	}
	stale, err := st.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.stale = len(stale)
	return s
}

// otherIDs counts the articles of s that o does not store (an exact
// duplicate kept under another id, or an article lost).
func (s storeSnapshot) otherIDs(o storeSnapshot) int {
	n := 0
	for id := range s.story {
		if _, ok := o.story[id]; !ok {
			n++
		}
	}
	return n
}

// placedDifferently counts the articles of s whose story, as a set of
// articles, differs in o (or that o lacks): of exact duplicates the store
// keeps the one queued first, as one process does, so ids compare as they
// are.
func (s storeSnapshot) placedDifferently(o storeSnapshot) int {
	mine, theirs := members(s.story), members(o.story)
	n := 0
	for id := range s.story {
		if mine[id] != theirs[id] {
			n++
		}
	}
	return n
}

// placementDiff describes up to limit articles of s placed differently in
// o: the article and its story's members in each.
func (s storeSnapshot) placementDiff(o storeSnapshot, limit int) []string {
	mine, theirs := members(s.story), members(o.story)
	var ids []string
	for id := range s.story {
		if mine[id] != theirs[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	var out []string
	for _, id := range ids[:min(len(ids), limit)] {
		out = append(out, fmt.Sprintf("%s: one process's story [%s], here [%s]", id, mine[id], theirs[id]))
	}
	for id := range o.story {
		if _, ok := s.story[id]; !ok && len(out) < limit {
			out = append(out, fmt.Sprintf("%s: stored here only, story [%s]", id, theirs[id]))
		}
	}
	return out
}

// members maps each article to its story's sorted member list.
func members(story map[string]string) map[string]string {
	by := map[string][]string{}
	for a, s := range story {
		by[s] = append(by[s], a)
	}
	out := map[string]string{}
	for _, ids := range by {
		sort.Strings(ids)
		key := strings.Join(ids, ",")
		for _, a := range ids {
			out[a] = key
		}
	}
	return out
}

// sameNearDuplicates reports whether s and o link the same near-duplicates
// to the same originals.
func (s storeSnapshot) sameNearDuplicates(o storeSnapshot) bool {
	return equalMaps(s.dupOf, o.dupOf)
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
