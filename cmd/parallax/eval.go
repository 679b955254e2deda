package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"parallax/internal/brief"
	"parallax/internal/model"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"parallax/internal/cluster"
	"parallax/internal/pipeline"

	"parallax/internal/eval"
	"parallax/internal/extract"
)

func init() {
	register(command{
		Name:    "eval",
		Summary: "score a stage on the gold sets: eval extract|cluster|summary|timeline|entities|quotes",
		Run:     runEval,
	})
}

func runEval(ctx context.Context, e *env, args []string) error {
	dataDir, args, err := takeDataFlag(args)
	if err != nil {
		return err
	}
	if dataDir == "" {
		dataDir = os.Getenv("PARALLAX_SHARED")
	}
	evalRoot, evalRootErr = locateShared(dataDir)
	if len(args) == 0 {
		return fmt.Errorf("%w: eval [--data SHARED] extract|cluster|summary|timeline|entities|quotes [flags]", errUsage)
	}
	switch args[0] {
	case "extract":
		return evalExtract(e, args[1:])
	case "cluster":
		return evalCluster(ctx, e, args[1:])
	case "summary":
		return evalSummary(e, args[1:])
	case "timeline":
		return evalTimeline(e, args[1:])
	case "entities":
		return evalEntities(e, args[1:])
	case "quotes":
		return evalQuotes(e, args[1:])
	}
	return fmt.Errorf("%w: unknown stage %q (extract, cluster, summary, timeline, entities or quotes)", errUsage, args[0])
}

// printJSON writes v as one JSON object.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	return enc.Encode(v)
}

func newTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

func evalExtract(e *env, args []string) error {
	fs := newFlagSet(e, "eval extract", "[--dir DIR] [--text] [--out DIR] [--json]")
	dir := fs.String("dir", dataPath("extract", "dev"), "gold set: meta.jsonl, html/, gold/")
	text := fs.Bool("text", false, "score the scraped-text set (DIR/../dev-text) instead of HTML")
	textDir := fs.String("text-dir", "", "scraped-text folder (default DIR/../dev-text)")
	out := fs.String("out", "", "write predictions to OUT/EXTRACTOR/NAME.txt")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needData(*dir); err != nil {
		return err
	}
	set, err := eval.ReadExtractSet(*dir)
	if err != nil {
		return err
	}
	xs := []eval.Extractor{eval.Parallax(extract.HTML), eval.Trafilatura(false), eval.Trafilatura(true), eval.Readability()}
	in := ""
	if *text {
		in = *textDir
		if in == "" {
			in = filepath.Join(filepath.Dir(filepath.Clean(*dir)), "dev-text")
		}
		xs = []eval.Extractor{eval.Parallax(extract.Text), eval.KeepAll()}
	}
	var scores []*eval.ExtractScore
	for _, x := range xs {
		od := ""
		if *out != "" {
			od = filepath.Join(*out, x.Name)
			if err := os.MkdirAll(od, 0o755); err != nil {
				return fmt.Errorf("eval: %w", err)
			}
		}
		sc, err := eval.ScoreExtract(set, x, in, od)
		if err != nil {
			return err
		}
		scores = append(scores, sc)
	}
	if *asJSON {
		return printJSON(e.Stdout, map[string]any{"set": *dir, "text": *text, "extractors": scores})
	}
	tw := newTable(e.Stdout)
	fmt.Fprintln(tw, "extractor\tP\tR\tF1\tF1 aeb\tF1 readability\ttitle=og\tdate found\terrors\tpages/s")
	for _, s := range scores {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%.0f\n", s.Extractor, s.All.Precision, s.All.Recall,
			s.All.F1, s.BySource["aeb"].F1, s.BySource["readability"].F1, s.TitleMatch, s.DateFound, s.Errors, s.PagesPerS)
	}
	return tw.Flush()
}

// clusterStreams are the streams `parallax eval cluster` scores by
// default: each development file alone, both concatenated (all topic
// stories, then the incidents) and dev-stream.jsonl (both interleaved in
// time). A "+" joins files into one stream.
var clusterStreams = []string{"dev.jsonl", "dev-topics.jsonl", "dev.jsonl+dev-topics.jsonl", "dev-stream.jsonl", "dev.jsonl,dev-topics.jsonl"}

// readmeBaselines are the baseline F1 figures of the sets' README
// (scikit-learn, TF-IDF fit on dev.jsonl for the mixed streams), printed
// beside the Go baseline of the same run.
var readmeBaselines = map[string]float64{
	"dev.jsonl": 0.898, "dev-topics.jsonl": 0.888, "dev.jsonl+dev-topics.jsonl": 0.895, "dev-stream.jsonl": 0.893,
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

type clusterResult struct {
	File     string  `json:"file"`
	Articles int     `json:"articles"`
	Stories  int     `json:"stories"`
	P        float64 `json:"bcubed_p"`
	R        float64 `json:"bcubed_r"`
	F1       float64 `json:"bcubed_f1"`
	// The README's baseline (eval.Baseline) on the same stream, same run.
	BaselineP  float64 `json:"baseline_p"`
	BaselineR  float64 `json:"baseline_r"`
	BaselineF1 float64 `json:"baseline_f1"`
	ReadmeF1   float64 `json:"readme_baseline_f1,omitempty"`
	// Stored: the partition of a fresh store that ingested the stream
	// (--stored), scored the same way.
	Stored *storedResult `json:"stored,omitempty"`
}

type storedResult struct {
	P  float64 `json:"bcubed_p"`
	R  float64 `json:"bcubed_r"`
	F1 float64 `json:"bcubed_f1"`
	// Stored is how many articles the store holds (an exact duplicate
	// under another id is stored once, and scores as a singleton); Equal
	// says each is in the story `parallax cluster` puts it in.
	Stored int  `json:"articles"`
	Equal  bool `json:"equal_to_cluster"`
}

func evalCluster(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval cluster", "[--in GOLD.jsonl[+MORE.jsonl] ...] [--pred PRED.jsonl] [--stored] [--json]")
	var ins multiFlag
	fs.Var(&ins, "in", "gold JSONL (repeatable; FILE+FILE is one stream of both in publication order, FILE,FILE the second ingested after the first, each in publication order: a backfill when the second is older; default: dev.jsonl, dev-topics.jsonl, both concatenated, dev-stream.jsonl, dev.jsonl then dev-topics.jsonl)")
	pred := fs.String("pred", "", "score this prediction file ({\"id\",\"story\"} lines) instead of clustering")
	stored := fs.Bool("stored", false, "also ingest each stream into a fresh SQLite store and score the stored partition (slow: the whole pipeline)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(ins) == 0 {
		for _, name := range clusterStreams {
			var batches []string
			for _, batch := range strings.Split(name, ",") {
				var parts []string
				for _, n := range strings.Split(batch, "+") {
					p := dataPath("cluster", n)
					if err := needData(p); err != nil {
						return err
					}
					parts = append(parts, p)
				}
				batches = append(batches, strings.Join(parts, "+"))
			}
			ins = append(ins, strings.Join(batches, ","))
		}
	}
	var res []clusterResult
	for _, in := range ins {
		var batches [][]string
		for _, b := range strings.Split(in, ",") {
			files := strings.Split(b, "+")
			if slices.Contains(files, "") {
				return fmt.Errorf("%w: --in %q: a file name is empty (FILE+FILE is one stream, FILE,FILE one file after the other)", errUsage, in)
			}
			batches = append(batches, files)
		}
		r, err := evalClusterStream(ctx, e, batches, *pred, *stored)
		if err != nil {
			return err
		}
		res = append(res, r)
	}
	if *asJSON {
		return printJSON(e.Stdout, map[string]any{"results": res})
	}
	tw := newTable(e.Stdout)
	head := "stream\tarticles\tstories\tP\tR\tF1\tGo baseline P\tR\tF1\tREADME baseline F1"
	if *stored {
		head += "\tstored articles\tstored F1\tstored = cluster"
	}
	fmt.Fprintln(tw, head)
	for _, r := range res {
		readme := "-" // the README gives none for this stream
		if r.ReadmeF1 > 0 {
			readme = fmt.Sprintf("%.3f", r.ReadmeF1)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%s", r.File, r.Articles, r.Stories, r.P, r.R, r.F1,
			r.BaselineP, r.BaselineR, r.BaselineF1, readme)
		if r.Stored != nil {
			fmt.Fprintf(tw, "\t%d\t%.4f\t%v", r.Stored.Stored, r.Stored.F1, r.Stored.Equal)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// evalClusterStream scores the stream of the gold files of batches: the
// batches one after the other (a backfill when a later one is older),
// the files of each batch as one stream in publication order. Without a
// prediction file it runs exactly what `parallax cluster` runs (the same
// preparation, order and duplicate handling); inputs it rejects count as
// singletons, as score.py counts missing predictions. The baseline runs
// on the same articles in the same order.
func evalClusterStream(ctx context.Context, e *env, batches [][]string, predPath string, stored bool) (clusterResult, error) {
	set := &eval.ClusterSet{}
	var names, batchNames []string
	for _, in := range batches {
		names = names[:0]
		for _, path := range in {
			s, err := eval.ReadClusterSet(path)
			if err != nil {
				return clusterResult{}, err
			}
			set.Articles = append(set.Articles, s.Articles...)
			names = append(names, filepath.Base(path))
		}
		batchNames = append(batchNames, strings.Join(names, "+"))
	}
	name := strings.Join(batchNames, ",")
	gold, ids := set.Gold()
	quiet := *e
	quiet.Stderr = io.Discard
	var arts []*model.Article
	var order []int // each batch in publication order, one after the other
	for _, in := range batches {
		var batch []*model.Article
		for _, path := range in {
			a, err := readArticles(ctx, &quiet, path)
			if err != nil {
				return clusterResult{}, err
			}
			batch = append(batch, a...)
		}
		for _, i := range byPublication(batch) {
			order = append(order, len(arts)+i)
		}
		arts = append(arts, batch...)
	}
	var pred map[string]string
	if predPath != "" {
		var err error
		if pred, err = eval.ReadAssignments(predPath); err != nil {
			return clusterResult{}, err
		}
	} else {
		as, _, err := clusterInOrder(ctx, arts, order)
		if err != nil {
			return clusterResult{}, err
		}
		pred = make(map[string]string, len(arts))
		for i, a := range arts {
			pred[a.ID] = as[i].Story
		}
	}
	base := eval.NewBaseline()
	docs := make([]cluster.Doc, len(order))
	for k, i := range order {
		docs[k] = pipeline.ClusterDoc(arts[i])
	}
	base.Fit(docs)
	basePred := make(map[string]string, len(arts))
	for _, d := range docs {
		basePred[d.ID] = strconv.Itoa(base.Add(d))
	}
	stories := map[string]bool{}
	for _, id := range ids {
		stories[pred[id]] = true
	}
	p, r, f := eval.BCubedOrdered(ids, gold, pred)
	bp, br, bf := eval.BCubedOrdered(ids, gold, basePred)
	res := clusterResult{File: name, Articles: len(ids), Stories: len(stories), P: p, R: r, F1: f,
		BaselineP: bp, BaselineR: br, BaselineF1: bf, ReadmeF1: readmeBaselines[name]}
	if stored {
		sp, err := storedPartition(ctx, e, batches)
		if err != nil {
			return clusterResult{}, err
		}
		p, r, f := eval.BCubedOrdered(ids, gold, sp)
		res.Stored = &storedResult{P: p, R: r, F1: f, Stored: len(sp), Equal: sameStories(pred, sp)}
	}
	return res, nil
}

// storedPartition ingests the files of each batch, one `parallax ingest`
// per batch in that order, into a fresh SQLite store in a temporary
// folder, and returns the stored article id -> story.
func storedPartition(ctx context.Context, e *env, batches [][]string) (map[string]string, error) {
	dir, err := os.MkdirTemp("", "parallax-eval")
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer os.RemoveAll(dir)
	quiet := *e
	quiet.Stderr = io.Discard
	// The gold files hold records without text: ingest rejects them and
	// stores the rest, which is what is scored.
	for _, in := range batches {
		if err := runIngest(ctx, &quiet, append([]string{"--db", filepath.Join(dir, "eval.db")}, in...)); err != nil &&
			!errors.Is(err, errRejected) {
			return nil, err
		}
	}
	st, err := openStore(ctx, filepath.Join(dir, "eval.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	arts, err := st.ClusteredArticles(ctx)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	out := make(map[string]string, len(arts))
	for _, a := range arts {
		out[a.ID] = a.StoryID
	}
	return out, nil
}

// sameStories reports whether every stored article is in the story pred
// names for it.
func sameStories(pred, stored map[string]string) bool {
	for id, st := range stored {
		if pred[id] != st {
			return false
		}
	}
	return true
}

// briefSummarizer builds the summary with the brief stage: 15 sentences at
// most, which the scorer truncates to DUC's 250 words.
var briefSummarizer eval.Summarizer = func(docs []*model.Article, query string) []string {
	b := brief.Build(docs, brief.Options{Query: query, MaxSentences: 15})
	out := make([]string, len(b.Summary))
	for i, s := range b.Summary {
		out[i] = s.Text
	}
	return out
}

// summaryBaselines are the README's figures (R-1, R-2, R-L).
var summaryBaselines = []struct {
	Name       string
	R1, R2, RL float64
}{
	{"lead (README)", 31.86, 5.81, 14.63},
	{"TextRank (README)", 37.50, 8.28, 16.85},
	{"best DUC 2006 (README)", 40.95, 9.57, 18.03},
}

type summaryResult struct {
	System string `json:"system"`
	eval.RougeScore
}

func evalSummary(e *env, args []string) error {
	fs := newFlagSet(e, "eval summary", "[--dir DIR] [--out PRED.json] [--json]")
	dir := fs.String("dir", dataPath("summary", "dev"), "summary set: refs.json, meta.jsonl, TOPIC/docs/*.txt")
	out := fs.String("out", "", "write the brief's generic summaries as score.py's PRED.json")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needData(*dir); err != nil {
		return err
	}
	topics, err := eval.ReadSummarySet(*dir)
	if err != nil {
		return err
	}
	res := []summaryResult{{"lead (earliest article)", eval.ScoreSummaries(topics, eval.Summaries(topics, eval.LeadSummary, false))}}
	if briefSummarizer == nil {
		fmt.Fprintln(e.Stderr, "parallax eval summary: the brief stage is not wired in yet; scoring the lead baseline only")
	} else {
		generic := eval.Summaries(topics, briefSummarizer, false)
		res = append(res,
			summaryResult{"brief", eval.ScoreSummaries(topics, generic)},
			summaryResult{"brief --query", eval.ScoreSummaries(topics, eval.Summaries(topics, briefSummarizer, true))})
		if *out != "" {
			b, _ := json.Marshal(generic)
			if err := os.WriteFile(*out, b, 0o644); err != nil {
				return fmt.Errorf("eval: %w", err)
			}
		}
	}
	if *asJSON {
		return printJSON(e.Stdout, map[string]any{"set": *dir, "results": res, "baselines": summaryBaselines})
	}
	tw := newTable(e.Stdout)
	fmt.Fprintln(tw, "system\ttopics\tR-1\tR-2\tR-L")
	for _, r := range res {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f\t%.2f\n", r.System, r.Topics, r.R1, r.R2, r.RL)
	}
	for _, b := range summaryBaselines {
		fmt.Fprintf(tw, "%s\t\t%.2f\t%.2f\t%.2f\n", b.Name, b.R1, b.R2, b.RL)
	}
	return tw.Flush()
}
