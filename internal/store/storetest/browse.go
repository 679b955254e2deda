package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// seedBrowse stores three stories, assigned in this order (so s3 has the
// latest activity):
//
//	s1: a1 alpha.com (day-10), a2 beta.com (day-9), a3 gamma.com (day-8); brief names Ana Ruiz (alias Ruiz)
//	s2: b1, b2 alpha.com (day, day+1); brief names Ruiz (alias A. Ruiz)
//	s3: c1 beta.com (day-30); no brief
func seedBrowse(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := func(n int) time.Time { return day.AddDate(0, 0, n) }
	for _, x := range []struct {
		id, source, story string
		at                time.Time
	}{
		{"a1", "alpha.com", "s1", d(-10)}, {"a2", "beta.com", "s1", d(-9)}, {"a3", "gamma.com", "s1", d(-8)},
		{"b1", "alpha.com", "s2", d(0)}, {"b2", "alpha.com", "s2", d(1)},
		{"c1", "beta.com", "s3", d(-30)},
	} {
		mustAdd(t, s, article(x.id, x.source, x.at))
		mustAssign(t, s, x.id, x.story, x.story+"-e")
	}
	for story, b := range map[string]*model.Brief{"s1": browseBrief1(), "s2": browseBrief2()} {
		if err := s.SaveBrief(ctx, story, b); err != nil {
			t.Fatalf("SaveBrief(%s): %v", story, err)
		}
	}
}

func browseBrief1() *model.Brief {
	return &model.Brief{Title: "One",
		Entities: []model.Entity{
			{Name: "Ana Ruiz", Type: "PERSON", Aliases: []string{"Ruiz"}},
			{Name: "City Council", Type: "ORG"},
		},
		SingleSource: []model.Claim{{Text: "x", Source: "a1"}, {Text: "y", Source: "a2"}, {Text: "z", Source: "a1"}},
		Framing: []model.OutletFraming{
			{Source: "alpha.com", Articles: []string{"a1"}, Attributed: 2, Unattributed: 1, Loaded: []string{"crisis"}, Speakers: []string{"Ana Ruiz"}},
			{Source: "beta.com", Articles: []string{"a2"}, Attributed: 1, Unattributed: 3, Loaded: []string{"chaos", "crisis"}},
		},
	}
}

func browseBrief2() *model.Brief {
	return &model.Brief{Title: "Two",
		Entities:     []model.Entity{{Name: "Ruiz", Type: "PERSON", Aliases: []string{"A. Ruiz", "Ruiz"}}},
		SingleSource: []model.Claim{{Text: "w", Source: "b2"}},
		Framing: []model.OutletFraming{
			{Source: "alpha.com", Articles: []string{"b1", "b2"}, Attributed: 4, Loaded: []string{"chaos"}, Speakers: []string{"Ruiz"}},
		},
	}
}

func testListStories(t *testing.T, s store.Store) {
	seedBrowse(t, s)
	d := func(n int) time.Time { return day.AddDate(0, 0, n) }
	tests := []struct {
		name          string
		f             store.StoryFilter
		limit, offset int
		want          []string
		total         int
	}{
		{"Activity", store.StoryFilter{}, 10, 0, []string{"s3", "s2", "s1"}, 3},
		{"Outlets", store.StoryFilter{Sort: store.SortOutlets}, 10, 0, []string{"s1", "s3", "s2"}, 3},
		{"Articles", store.StoryFilter{Sort: store.SortArticles}, 10, 0, []string{"s1", "s2", "s3"}, 3},
		{"Published", store.StoryFilter{Sort: store.SortPublished}, 10, 0, []string{"s2", "s1", "s3"}, 3},
		{"Page", store.StoryFilter{}, 1, 1, []string{"s2"}, 3},
		{"PastEnd", store.StoryFilter{}, 5, 3, nil, 3},
		{"NoLimit", store.StoryFilter{Sort: store.SortArticles}, 0, 1, []string{"s2", "s3"}, 3},
		{"After", store.StoryFilter{After: d(-20)}, 10, 0, []string{"s2", "s1"}, 2},
		{"Before", store.StoryFilter{Before: d(-20)}, 10, 0, []string{"s3"}, 1},
		{"Overlaps", store.StoryFilter{After: d(-9), Before: d(-8)}, 10, 0, []string{"s1"}, 1},
		{"Outlet", store.StoryFilter{Outlet: "alpha.com"}, 10, 0, []string{"s2", "s1"}, 2},
		{"OutletNone", store.StoryFilter{Outlet: "alpha"}, 10, 0, nil, 0},
		{"EntityAlias", store.StoryFilter{Entity: "Ruiz", EntityType: "PERSON"}, 10, 0, []string{"s2", "s1"}, 2},
		{"EntityName", store.StoryFilter{Entity: "Ana Ruiz", EntityType: "PERSON"}, 10, 0, []string{"s1"}, 1},
		{"EntityOtherType", store.StoryFilter{Entity: "Ruiz", EntityType: "ORG"}, 10, 0, nil, 0},
		{"EntityAnyType", store.StoryFilter{Entity: "City Council"}, 10, 0, []string{"s1"}, 1},
		{"MinArticles", store.StoryFilter{MinArticles: 2}, 10, 0, []string{"s2", "s1"}, 2},
		{"MinOutlets", store.StoryFilter{MinOutlets: 2}, 10, 0, []string{"s1"}, 1},
		{"Combined", store.StoryFilter{Outlet: "alpha.com", MinArticles: 3, Sort: store.SortPublished}, 10, 0, []string{"s1"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := s.ListStories(context.Background(), tt.f, tt.limit, tt.offset)
			if err != nil {
				t.Fatalf("ListStories: %v", err)
			}
			var got []string
			for _, st := range l.Stories {
				got = append(got, st.ID)
			}
			equalIDs(t, "stories", got, tt.want)
			if l.Total != tt.total {
				t.Errorf("total = %d, want %d", l.Total, tt.total)
			}
		})
	}
	if _, err := s.ListStories(context.Background(), store.StoryFilter{Sort: "title"}, 10, 0); !errors.Is(err, store.ErrInvalidFilter) {
		t.Errorf("unknown sort: err = %v, want ErrInvalidFilter", err)
	}
}

func testEntityOutlet(t *testing.T, s store.Store) {
	ctx := context.Background()
	seedBrowse(t, s)
	checkEntity(t, s, "PERSON", "Ruiz", &model.EntityProfile{Type: "PERSON", Name: "Ruiz", Stories: 2,
		Aliases: []model.NameCount{{Name: "A. Ruiz", Stories: 1}, {Name: "Ana Ruiz", Stories: 1}}})
	checkEntity(t, s, "ORG", "City Council", &model.EntityProfile{Type: "ORG", Name: "City Council", Stories: 1, Aliases: []model.NameCount{}})
	checkEntity(t, s, "ORG", "Ruiz", nil)
	checkOutlet(t, s, "alpha.com", &model.OutletProfile{Source: "alpha.com", Stories: 2, Articles: 3, Briefed: 2,
		Claims: 3, AllClaims: 4, Attributed: 6, Unattributed: 1,
		Loaded:   []model.NameCount{{Name: "chaos", Stories: 1}, {Name: "crisis", Stories: 1}},
		Speakers: []model.NameCount{{Name: "Ana Ruiz", Stories: 1}, {Name: "Ruiz", Stories: 1}}})
	checkOutlet(t, s, "beta.com", &model.OutletProfile{Source: "beta.com", Stories: 2, Articles: 2, Briefed: 1,
		Claims: 1, AllClaims: 3, Attributed: 1, Unattributed: 3,
		Loaded: []model.NameCount{{Name: "chaos", Stories: 1}, {Name: "crisis", Stories: 1}}, Speakers: []model.NameCount{}})
	checkOutlet(t, s, "nowhere.com", nil)

	// A new brief replaces the story's rows; a deleted story leaves none.
	if err := s.SaveBrief(ctx, "s2", &model.Brief{Title: "Two again"}); err != nil {
		t.Fatalf("SaveBrief: %v", err)
	}
	checkEntity(t, s, "PERSON", "Ruiz", &model.EntityProfile{Type: "PERSON", Name: "Ruiz", Stories: 1,
		Aliases: []model.NameCount{{Name: "Ana Ruiz", Stories: 1}}})
	if _, err := s.MergeStory(ctx, "s1", "s3"); err != nil {
		t.Fatalf("MergeStory: %v", err)
	}
	checkEntity(t, s, "PERSON", "Ruiz", nil)
	checkOutlet(t, s, "gamma.com", &model.OutletProfile{Source: "gamma.com", Stories: 1, Articles: 1,
		Loaded: []model.NameCount{}, Speakers: []model.NameCount{}})
	if err := s.ResetStories(ctx); err != nil {
		t.Fatalf("ResetStories: %v", err)
	}
	checkOutlet(t, s, "alpha.com", nil)
}

// checkEntity compares Entity's answer with want (nil: not found).
func checkEntity(t *testing.T, s store.Store, typ, name string, want *model.EntityProfile) {
	t.Helper()
	got, err := s.Entity(context.Background(), typ, name)
	if want == nil {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entity(%s, %s): err = %v, want ErrNotFound", typ, name, err)
		}
		return
	}
	if err != nil || !reflect.DeepEqual(got, *want) {
		t.Errorf("Entity(%s, %s) = %+v, %v; want %+v", typ, name, got, err, *want)
	}
}

// checkOutlet compares Outlet's answer with want (nil: not found).
func checkOutlet(t *testing.T, s store.Store, source string, want *model.OutletProfile) {
	t.Helper()
	got, err := s.Outlet(context.Background(), source)
	if want == nil {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Outlet(%s): err = %v, want ErrNotFound", source, err)
		}
		return
	}
	if err != nil || !reflect.DeepEqual(got, *want) {
		t.Errorf("Outlet(%s) =\n%+v, %v; want\n%+v", source, got, err, *want)
	}
}
