package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"parallax/internal/cluster"
	"parallax/internal/model"
	"parallax/internal/pipeline"
)

func init() {
	register(command{
		Name:    "cluster",
		Summary: "group articles from JSONL into stories and events (no database)",
		Run:     runCluster,
	})
}

// clusterOutput is one output line.
type clusterOutput struct {
	ID    string `json:"id"`
	Story string `json:"story"`
	Event string `json:"event"`
	// Passages, for a roundup of several stories, are the byte ranges of
	// the extracted text that belong to Story; absent when all of it does.
	Passages []cluster.Passage `json:"passages,omitempty"`
}

// runCluster prepares each input line as `parallax ingest` does, clusters
// in the stored pipeline's order (publication time, ties by id) and prints
// one line per article in input order.
func runCluster(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "cluster", "--in ARTICLES.jsonl|-")
	in := fs.String("in", "-", "input JSONL file, - for stdin")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	arts, err := readArticles(ctx, e, *in)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	out, passages, err := clusterArticles(ctx, arts)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.Stdout)
	enc := json.NewEncoder(w)
	for i, a := range arts {
		if err := enc.Encode(clusterOutput{ID: a.ID, Story: out[i].Story, Event: out[i].Event, Passages: passages[i]}); err != nil {
			return fmt.Errorf("cluster: %w", err)
		}
	}
	return w.Flush()
}

// originals maps each article to the index of the first input with the
// same id, canonical URL or content hash: the one the stored pipeline keeps
// (it stores in input order). Duplicates are not clustered on their own.
func originals(arts []*model.Article) []int {
	orig := make([]int, len(arts))
	first := map[string]int{}
	for i, a := range arts {
		orig[i] = i
		keys := []string{"id:" + a.ID, "hash:" + a.ContentHash}
		if a.CanonicalURL != "" {
			keys = append(keys, "url:"+a.CanonicalURL)
		}
		for _, k := range keys {
			if j, ok := first[k]; ok {
				orig[i] = j
				break
			}
		}
		if orig[i] == i {
			for _, k := range keys {
				first[k] = i
			}
		}
	}
	return orig
}

// clusterArticles places prepared articles as the stored pipeline does: in
// publication order (ties by id), exact duplicates with their original,
// stories merged as the clusterer merged them (as the stored pipeline moves
// their articles). It returns the final assignments in input order, and
// for roundups the passages that belong to the story (cluster.Passages).
func clusterArticles(ctx context.Context, arts []*model.Article) ([]cluster.Assignment, [][]cluster.Passage, error) {
	orig := originals(arts)
	c := cluster.New(cluster.DefaultOptions())
	lin := cluster.Lineage{}
	out := make([]cluster.Assignment, len(arts))
	passages := make([][]cluster.Passage, len(arts))
	for _, i := range byPublication(arts) {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("cluster: %w", err)
		}
		if orig[i] == i {
			out[i] = c.Add(pipeline.ClusterDoc(arts[i]))
			passages[i] = c.Passages()
			lin.Record(c.Merges())
		}
	}
	for i, o := range orig {
		out[i], passages[i] = out[o], passages[o] // an exact duplicate goes where its original went
		out[i].Story = lin.Resolve(out[i].Story)
	}
	return out, passages, nil
}
