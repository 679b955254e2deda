package storetest

import (
	"context"
	"errors"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// testAddInput: an input's article is stored with its provenance in one
// call; an exact duplicate from another input is recorded as a duplicate
// (its provenance not saved); the same input again saves the provenance
// the article lacked (a crash between the two) and records no duplicate.
func testAddInput(t *testing.T, s store.Store) {
	ctx := context.Background()
	prov := func(origin, raw string) model.Provenance {
		return model.Provenance{ArticleID: "ignored", Origin: origin, Format: "test", Raw: []byte(raw)}
	}
	a := article("in1", "input.example", day)
	if added, existing, err := s.AddInput(ctx, a, prov(a.Origin, "first")); err != nil || !added || existing != "" {
		t.Fatalf("AddInput(new) = %v, %q, %v; want added", added, existing, err)
	}
	if p, err := s.Provenance(ctx, "in1"); err != nil || string(p.Raw) != "first" || p.Origin != a.Origin {
		t.Errorf("Provenance(in1) = %+v, %v; want the input's", p, err)
	}
	before := mustStats(t, s).Duplicates
	dup := article("in2", "input.example", day)
	dup.ContentHash = a.ContentHash
	if added, existing, err := s.AddInput(ctx, dup, prov(dup.Origin, "second")); err != nil || added || existing != "in1" {
		t.Errorf("AddInput(duplicate) = %v, %q, %v; want false, in1", added, existing, err)
	}
	if got := mustStats(t, s).Duplicates - before; got != 1 {
		t.Errorf("%d duplicates recorded, want 1", got)
	}
	if p, err := s.Provenance(ctx, "in1"); err != nil || string(p.Raw) != "first" {
		t.Errorf("a duplicate changed in1's provenance: %+v, %v", p, err)
	}

	mustAdd(t, s, article("in3", "input.example", day)) // stored, then a crash before its provenance
	again := article("in3", "input.example", day)
	if added, existing, err := s.AddInput(ctx, again, prov(again.Origin, "rerun")); err != nil || added || existing != "in3" {
		t.Errorf("AddInput(same input again) = %v, %q, %v; want false, in3", added, existing, err)
	}
	if p, err := s.Provenance(ctx, "in3"); err != nil || string(p.Raw) != "rerun" {
		t.Errorf("Provenance(in3) after the rerun = %+v, %v; want saved", p, err)
	}
	if got := mustStats(t, s).Duplicates - before; got != 1 {
		t.Errorf("the same input again recorded a duplicate (%d)", got-1)
	}
	if _, _, err := s.AddInput(ctx, &model.Article{}, prov("x", "x")); err == nil || errors.Is(err, store.ErrNotFound) {
		t.Errorf("AddInput(article without id) = %v, want an invalid-argument error", err)
	}
}
