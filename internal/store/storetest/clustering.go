package storetest

import (
	"bytes"
	"context"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// testApplyClustering: a batch of assignments, a merge and a move is
// recorded as the separate calls would record it, with the state saved
// beside it; ResetStories forgets the state.
func testApplyClustering(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "x.example", day), article("a2", "y.example", day), article("a3", "z.example", day))
	if st, err := s.ClusterState(ctx); err != nil || st.Data != nil {
		t.Fatalf("ClusterState of a new store = %+v, %v; want none", st, err)
	}
	ops := []store.ClusterOp{
		{Kind: store.OpAssign, Article: "a1", In: model.Placement{StoryID: "s1", EventID: "e1"}},
		{Kind: store.OpAssign, Article: "a2", In: model.Placement{StoryID: "s2", EventID: "e2"}},
		{Kind: store.OpMerge, From: "s2", Into: "s1"},
		{Kind: store.OpAssign, Article: "a3", In: model.Placement{StoryID: "s3", EventID: "e3"}},
		{Kind: store.OpMove, Article: "a2", Into: "s3", Event: "e3"},
	}
	last, saved, err := s.ApplyClustering(ctx, ops, []byte("state one"), 0)
	if err != nil || !saved {
		t.Fatalf("ApplyClustering = %d, %v, %v", last, saved, err)
	}
	for id, want := range map[string]string{"a1": "s1", "a2": "s3", "a3": "s3"} {
		a, err := s.Article(ctx, id)
		if err != nil || a.StoryID != want {
			t.Errorf("article %s: story %q, %v; want %s", id, a.StoryID, err, want)
		}
	}
	if into, err := s.StoryAlias(ctx, "s2"); err != nil || into != "s1" {
		t.Errorf("StoryAlias(s2) = %q, %v; want s1", into, err)
	}
	st, err := s.ClusterState(ctx)
	if err != nil || !bytes.Equal(st.Data, []byte("state one")) || st.Seq != last {
		t.Fatalf("ClusterState = %q at %d, %v; want \"state one\" at %d", st.Data, st.Seq, err, last)
	}
	_, _, since, err := assignedSince(ctx, s, 0)
	if err != nil || since != last {
		t.Errorf("AssignedSince last = %d, %v; ApplyClustering said %d", since, err, last)
	}

	// Another writer placed an article since seen: the batch is recorded,
	// the state (which does not know that article) is not.
	mustAdd(t, s, article("a4", "x.example", day), article("a5", "x.example", day))
	mustAssign(t, s, "a4", "s4", "e4")
	last2, saved, err := s.ApplyClustering(ctx, []store.ClusterOp{
		{Kind: store.OpAssign, Article: "a5", In: model.Placement{StoryID: "s1", EventID: "e1"}}}, []byte("state two"), last)
	if err != nil || saved || last2 <= last {
		t.Fatalf("ApplyClustering after another writer = %d, %v, %v; want recorded, state not saved", last2, saved, err)
	}
	if st, _ := s.ClusterState(ctx); string(st.Data) != "state one" {
		t.Errorf("state after a refused save = %q", st.Data)
	}

	// A bad op anywhere leaves the whole batch out.
	mustAdd(t, s, article("a6", "x.example", day))
	if _, _, err := s.ApplyClustering(ctx, []store.ClusterOp{
		{Kind: store.OpAssign, Article: "a6", In: model.Placement{StoryID: "s1"}},
		{Kind: store.OpAssign, Article: "missing", In: model.Placement{StoryID: "s1"}},
	}, []byte("state three"), last2); err == nil {
		t.Fatal("a batch naming a missing article was recorded")
	}
	if a, _ := s.Article(ctx, "a6"); a.StoryID != "" {
		t.Errorf("a6 placed in %q by a failed batch", a.StoryID)
	}
	if _, _, err := s.ApplyClustering(ctx, []store.ClusterOp{{Kind: store.OpMerge, From: "s1", Into: "s1"}}, nil, last2); err == nil {
		t.Error("a merge of a story into itself was accepted")
	}

	if err := s.ResetStories(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := s.ClusterState(ctx); err != nil || st.Data != nil {
		t.Errorf("ClusterState after ResetStories = %q, %v; want none", st.Data, err)
	}
}

func assignedSince(ctx context.Context, s store.Store, seq int64) ([]*model.Article, int64, int64, error) {
	as, last, err := s.AssignedSince(ctx, seq)
	return as, seq, last, err
}
