package web_test

import (
	"context"
	"sort"
	"sync"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// memStore is a small in-memory store.Store for the web tests; failWith,
// when set, is returned by every read so error mapping can be tested.
type memStore struct {
	mu       sync.Mutex
	articles map[string]*model.Article
	order    []string
	briefs   map[string]*model.Brief
	failWith error
}

var _ store.Store = (*memStore)(nil)

func newMemStore() *memStore {
	return &memStore{articles: map[string]*model.Article{}, briefs: map[string]*model.Brief{}}
}

func (m *memStore) AddArticle(_ context.Context, a *model.Article) (bool, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.articles[a.ID]; ok {
		return false, a.ID, nil
	}
	c := *a
	m.articles[a.ID] = &c
	m.order = append(m.order, a.ID)
	return true, "", nil
}

func (m *memStore) RecordDuplicate(context.Context, string, string) error { return nil }
func (m *memStore) RecordRejected(context.Context, string, string) error  { return nil }
func (m *memStore) PendingArticles(context.Context) ([]*model.Article, error) {
	return nil, nil
}
func (m *memStore) ClusteredArticles(context.Context) ([]*model.Article, error) {
	return nil, nil
}
func (m *memStore) StaleStories(context.Context) ([]string, error) { return nil, nil }
func (m *memStore) Stats(context.Context) (model.Stats, error)     { return model.Stats{}, nil }
func (m *memStore) Close() error                                   { return nil }

func (m *memStore) Article(_ context.Context, id string) (*model.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failWith != nil {
		return nil, m.failWith
	}
	a, ok := m.articles[id]
	if !ok {
		return nil, store.ErrNotFound
	}
	c := *a
	return &c, nil
}

func (m *memStore) Assign(_ context.Context, articleID, storyID, eventID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.articles[articleID]
	if !ok {
		return store.ErrNotFound
	}
	a.StoryID, a.EventID = storyID, eventID
	return nil
}

func (m *memStore) StoryArticles(_ context.Context, storyID string) ([]*model.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.storyArticles(storyID), nil
}

func (m *memStore) storyArticles(storyID string) []*model.Article {
	var out []*model.Article
	for _, id := range m.order {
		if a := m.articles[id]; a.StoryID == storyID {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	return out
}

func (m *memStore) SaveBrief(_ context.Context, storyID string, b *model.Brief) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.briefs[storyID] = b
	return nil
}

func (m *memStore) story(id string) (*model.Story, bool) {
	as := m.storyArticles(id)
	if len(as) == 0 {
		return nil, false
	}
	s := &model.Story{ID: id, Articles: len(as)}
	outlets := map[string]bool{}
	for _, a := range as {
		outlets[a.Source] = true
		if s.First.IsZero() || a.Published.Before(s.First) {
			s.First = a.Published
		}
		if a.Published.After(s.Last) {
			s.Last = a.Published
		}
	}
	s.Outlets = len(outlets)
	if b := m.briefs[id]; b != nil {
		s.Title = b.Title
	}
	return s, true
}

func (m *memStore) Stories(_ context.Context, limit, offset int) ([]model.Story, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failWith != nil {
		return nil, m.failWith
	}
	seen := map[string]bool{}
	var all []model.Story
	for _, id := range m.order {
		sid := m.articles[id].StoryID
		if sid == "" || seen[sid] {
			continue
		}
		seen[sid] = true
		s, _ := m.story(sid)
		all = append(all, *s)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Last.After(all[j].Last) })
	if offset >= len(all) {
		return nil, nil
	}
	all = all[offset:]
	if len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}

func (m *memStore) Story(_ context.Context, id string) (*model.Story, *model.Brief, []model.ArticleRef, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failWith != nil {
		return nil, nil, nil, m.failWith
	}
	s, ok := m.story(id)
	if !ok {
		return nil, nil, nil, store.ErrNotFound
	}
	var refs []model.ArticleRef
	for _, a := range m.storyArticles(id) {
		refs = append(refs, model.ArticleRef{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
			Published: a.Published, EventID: a.EventID})
	}
	return s, m.briefs[id], refs, nil
}

// day is a fixed publication time for fixtures.
func day(d int) time.Time { return time.Date(2024, time.March, d, 9, 30, 0, 0, time.UTC) }
