package web_test

import (
	"context"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// failStore wraps a store and fails every read the web layer makes with
// err, so that error mapping can be tested.
type failStore struct {
	store.Store
	err error
}

func (f failStore) Article(context.Context, string) (*model.Article, error) { return nil, f.err }

func (f failStore) Stories(context.Context, int, int) ([]model.Story, error) { return nil, f.err }

func (f failStore) Story(context.Context, string) (*model.Story, *model.Brief, []model.ArticleRef, error) {
	return nil, nil, nil, f.err
}

// day is a fixed publication time for fixtures.
func day(d int) time.Time { return time.Date(2024, time.March, d, 9, 30, 0, 0, time.UTC) }

func (f failStore) ListStories(context.Context, store.StoryFilter, int, int) (store.StoryList, error) {
	return store.StoryList{}, f.err
}

func (f failStore) Entity(context.Context, string, string) (model.EntityProfile, error) {
	return model.EntityProfile{}, f.err
}

func (f failStore) Outlet(context.Context, string) (model.OutletProfile, error) {
	return model.OutletProfile{}, f.err
}
