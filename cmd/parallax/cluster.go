package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"parallax/internal/cluster"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/store"
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
	Passages []model.Passage `json:"passages,omitempty"`
	// Also, for a roundup, are the other stories it is in, each with the
	// passages about it; absent for the usual, single-story article.
	Also []model.Placement `json:"also,omitempty"`
}

// runCluster prepares each input line as `parallax ingest` does, clusters
// in the stored pipeline's order (publication time, ties by id) and prints
// one line per article in input order.
func runCluster(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "cluster", "--in ARTICLES.jsonl|-")
	in := fs.String("in", "-", "input JSONL file, - for stdin")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	arts, err := readArticles(ctx, e, *in)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	out, parts, err := clusterArticles(ctx, arts)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.Stdout)
	enc := json.NewEncoder(w)
	for i, a := range arts {
		line := clusterOutput{ID: a.ID, Story: out[i].Story, Event: out[i].Event, Passages: parts[i].Passages, Also: parts[i].Also}
		if err := enc.Encode(line); err != nil {
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

// roundupParts are, for a roundup, the passages of its text about its
// story and its placements in the other stories it covers.
type roundupParts struct {
	Passages []model.Passage
	Also     []model.Placement
}

// clusterArticles places prepared articles as the stored pipeline does: in
// publication order (ties by id), exact duplicates with their original,
// stories merged as the clusterer merged them (as the stored pipeline moves
// their articles and extra placements), articles moved as it moved them.
// It returns the final assignments in input order, and for roundups the passages that belong to the story
// (cluster.Passages) and the other stories they are in (cluster.Also).
func clusterArticles(ctx context.Context, arts []*model.Article) ([]cluster.Assignment, []roundupParts, error) {
	return clusterInOrder(ctx, arts, byPublication(arts))
}

// clusterInOrder is clusterArticles placing the articles in the order of
// the indexes in order (all of them, once each).
func clusterInOrder(ctx context.Context, arts []*model.Article, order []int) ([]cluster.Assignment, []roundupParts, error) {
	orig := originals(arts)
	c := cluster.New(cluster.DefaultOptions())
	lin := cluster.Lineage{}
	out := make([]cluster.Assignment, len(arts))
	parts := make([]roundupParts, len(arts))
	also := make([][]cluster.Placement, len(arts))
	index := map[string]int{} // article id -> its clustered input
	for _, i := range order {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("cluster: %w", err)
		}
		if orig[i] == i {
			index[arts[i].ID] = i
			out[i] = c.Add(pipeline.ClusterDoc(arts[i]))
			parts[i].Passages = pipeline.ModelPassages(c.Passages())
			also[i] = c.Also()
			lin.Record(c.Merges())
			for _, m := range c.Moves() { // a moved article is never a roundup
				j := index[m.Article]
				out[j] = cluster.Assignment{Story: m.To, Event: m.Event}
				parts[j].Passages, also[j] = nil, nil
			}
		}
	}
	for i, o := range orig {
		// An exact duplicate goes where its original went.
		out[i], parts[i] = resolveParts(out[o], parts[o].Passages, also[o], lin)
	}
	return out, parts, nil
}

// resolveParts follows an article's story and extra placements through the
// merges in lin, as the store's MergeStory does (store.ResolvePlacements).
func resolveParts(as cluster.Assignment, passages []model.Passage, also []cluster.Placement, lin cluster.Lineage) (cluster.Assignment, roundupParts) {
	in := model.Placement{StoryID: as.Story, EventID: as.Event, Passages: passages}
	in, extra := store.ResolvePlacements(in, pipeline.ModelPlacements(also), lin.Resolve)
	as.Story = in.StoryID
	return as, roundupParts{Passages: in.Passages, Also: extra}
}
