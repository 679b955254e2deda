package poll

import (
	"context"
	"sort"
	"sync"
	"time"
)

// memStore is an in-memory FeedStore for tests.
type memStore struct {
	mu    sync.Mutex
	feeds map[string]Feed
	seen  map[string]map[string]time.Time
}

func newMemStore(fs ...Feed) *memStore {
	m := &memStore{feeds: map[string]Feed{}, seen: map[string]map[string]time.Time{}}
	for _, f := range fs {
		m.feeds[f.URL] = f
	}
	return m
}

func (m *memStore) Feeds(ctx context.Context) ([]Feed, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Feed
	for _, f := range m.feeds {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

func (m *memStore) feed(url string) Feed {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.feeds[url]
}

func (m *memStore) SaveFeed(ctx context.Context, f Feed) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[f.URL] = f
	return nil
}

func (m *memStore) UpdateFeed(ctx context.Context, f Feed) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.feeds[f.URL]; ok {
		m.feeds[f.URL] = f
	}
	return nil
}

func (m *memStore) RemoveFeed(ctx context.Context, url string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.feeds[url]; !ok {
		return ErrNoFeed
	}
	delete(m.feeds, url)
	delete(m.seen, url)
	return nil
}

func (m *memStore) SeenItems(ctx context.Context, feedURL string, keys []string) (map[string]bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]bool{}
	for _, k := range keys {
		if _, ok := m.seen[feedURL][k]; ok {
			out[k] = true
		}
	}
	return out, nil
}

func (m *memStore) MarkSeen(ctx context.Context, feedURL string, keys []string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen[feedURL] == nil {
		m.seen[feedURL] = map[string]time.Time{}
	}
	for _, k := range keys {
		m.seen[feedURL][k] = at
	}
	return nil
}

func (m *memStore) ForgetSeen(ctx context.Context, feedURL string, before time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, t := range m.seen[feedURL] {
		if t.Before(before) {
			delete(m.seen[feedURL], k)
		}
	}
	return nil
}
