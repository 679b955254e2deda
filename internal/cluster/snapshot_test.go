package cluster_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"parallax/internal/cluster"
)

// decisions runs docs through c and returns every decision it made, one
// line per article: assignment, passages, other stories, merges, moves.
func decisions(t *testing.T, c *cluster.Clusterer, docs []cluster.Doc) []string {
	t.Helper()
	out := make([]string, 0, len(docs))
	for _, d := range docs {
		a := c.Add(d)
		b, err := json.Marshal([]any{d.ID, a, c.Passages(), c.Also(), c.Merges(), c.Moves()})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestSnapshotResumesExactly: a clusterer loaded from a snapshot taken
// after any article places the rest of the stream exactly as the one that
// never stopped, on both development files as one stream (merges, moves,
// roundups, evictions and review passes included).
func TestSnapshotResumesExactly(t *testing.T) {
	docs := append(devDocs(t, "dev.jsonl"), devDocs(t, "dev-topics.jsonl")...)
	sortByTime(docs)
	if testing.Short() {
		docs = docs[:1500]
	}
	want := decisions(t, cluster.New(cluster.DefaultOptions()), docs)
	for _, at := range []int{1, 7, len(docs) / 3, len(docs) - 200} {
		t.Run(fmt.Sprint(at), func(t *testing.T) {
			c := cluster.New(cluster.DefaultOptions())
			got := decisions(t, c, docs[:at])
			var buf bytes.Buffer
			if err := c.Snapshot(&buf); err != nil {
				t.Fatal(err)
			}
			size := buf.Len()
			loaded, err := cluster.Load(&buf, cluster.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, decisions(t, loaded, docs[at:])...)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("snapshot after %d articles (%d bytes): article %d differs:\n got %s\nwant %s", at, size, i, got[i], want[i])
				}
			}
			if loaded.Active() != activeAfter(t, docs) {
				t.Errorf("loaded clusterer holds %d stories at the end, the uninterrupted one %d", loaded.Active(), activeAfter(t, docs))
			}
		})
	}
}

func activeAfter(t *testing.T, docs []cluster.Doc) int {
	c := cluster.New(cluster.DefaultOptions())
	decisions(t, c, docs)
	return c.Active()
}

// TestSnapshotRefusesDamage: a damaged or foreign snapshot is an error,
// never a clusterer with half a state.
func TestSnapshotRefusesDamage(t *testing.T) {
	c := cluster.New(cluster.DefaultOptions())
	decisions(t, c, devDocs(t, "dev.jsonl")[:50])
	var buf bytes.Buffer
	if err := c.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"not zstd":  []byte("{\"stories\":[]}"),
	} {
		if _, err := cluster.Load(bytes.NewReader(data), cluster.DefaultOptions()); err == nil {
			t.Errorf("%s: Load gave no error", name)
		}
	}
	if _, err := cluster.Load(bytes.NewReader(good), cluster.DefaultOptions()); err != nil {
		t.Fatalf("good snapshot: %v", err)
	}
	other := cluster.DefaultOptions()
	other.JoinProb += .1
	if _, err := cluster.Load(bytes.NewReader(good), other); !errors.Is(err, cluster.ErrSnapshotOptions) {
		t.Errorf("snapshot loaded with other options: %v", err)
	}
}

// sortByTime orders docs by publication time, then id, as the pipeline
// feeds them.
func sortByTime(docs []cluster.Doc) {
	slices.SortStableFunc(docs, func(a, b cluster.Doc) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
