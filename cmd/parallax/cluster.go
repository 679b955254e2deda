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
	out, err := clusterArticles(ctx, arts)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.Stdout)
	enc := json.NewEncoder(w)
	for i, a := range arts {
		if err := enc.Encode(clusterOutput{ID: a.ID, Story: out[i].Story, Event: out[i].Event}); err != nil {
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
// their articles). It returns the final assignments in input order.
func clusterArticles(ctx context.Context, arts []*model.Article) ([]cluster.Assignment, error) {
	orig := originals(arts)
	c := cluster.New(cluster.DefaultOptions())
	lin := cluster.Lineage{}
	out := make([]cluster.Assignment, len(arts))
	for _, i := range byPublication(arts) {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("cluster: %w", err)
		}
		if orig[i] == i {
			out[i] = c.Add(pipeline.ClusterDoc(arts[i]))
			lin.Record(c.Merges())
		}
	}
	for i, o := range orig {
		out[i] = out[o] // an exact duplicate goes where its original went
		out[i].Story = lin.Resolve(out[i].Story)
	}
	return out, nil
}
