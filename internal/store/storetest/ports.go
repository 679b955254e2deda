package storetest

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// SeedPorted stores articles whose sources carry ports, as archives
// recorded them before model.OutletName ("a.example:80" beside
// "a.example"), in story s1 with its brief written: what a store's
// outlet-ports migration must rename. The implementation's test reruns
// that migration, then calls CheckPorted.
func SeedPorted(t *testing.T, s store.Store) {
	t.Helper()
	for i, src := range []string{"a.example:80", "a.example", "b.example:8080", "Le Monde: 24"} {
		id := "p" + string(rune('1'+i))
		mustAdd(t, s, article(id, src, day))
		mustAssign(t, s, id, "s1", "e1")
	}
	if err := s.SaveBrief(context.Background(), "s1", &model.Brief{Title: "Ported"}); err != nil {
		t.Fatal(err)
	}
	if st, _, _, err := s.Story(context.Background(), "s1"); err != nil || st.Outlets != 4 {
		t.Fatalf("seeded story: %+v, %v; want 4 outlets", st, err)
	}
}

// CheckPorted checks what SeedPorted stored after the migration: sources
// without ports, the story's outlets merged and its brief stale.
func CheckPorted(t *testing.T, s store.Store) {
	t.Helper()
	ctx := context.Background()
	want := map[string]string{"p1": "a.example", "p2": "a.example", "p3": "b.example", "p4": "Le Monde: 24"}
	for id, src := range want {
		a, err := s.Article(ctx, id)
		if err != nil || a.Source != src {
			t.Errorf("article %s source after migration: %+v, %v; want %q", id, a, err, src)
		}
	}
	st, _, refs, err := s.Story(ctx, "s1")
	if err != nil || st.Outlets != 3 || len(refs) != 4 {
		t.Errorf("story after migration: %+v, %d refs, %v; want 3 outlets, 4 articles", st, len(refs), err)
	}
	stale, err := s.StaleStories(ctx)
	if err != nil || !slices.Contains(stale, "s1") {
		t.Errorf("stale stories after migration: %v, %v; want s1 (its brief names the old outlets)", stale, err)
	}
	if err := s.ImportLabels(ctx, []model.OutletLabel{label("a.example", "d", "x")}); err != nil {
		t.Fatal(err)
	}
	cov, err := s.StoryCoverage(ctx, "s1")
	wantCov := []model.Coverage{{Dimension: "d", Outlets: 3, Values: []model.CoverageValue{{Value: "x", Outlets: 1}}, Unlabelled: 2}}
	if err != nil || !reflect.DeepEqual(cov, wantCov) {
		t.Errorf("coverage after migration = %+v, %v; want %+v", cov, err, wantCov)
	}
}
