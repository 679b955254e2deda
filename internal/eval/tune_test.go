package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/shared"
)

// clusterSets reads both development files with each article's title,
// text and language as the product prepares them (pipeline.Prepare, as
// `parallax cluster` and ingest do), so that tuning and training see what
// the clusterer sees in use. Articles Prepare rejects are left out.
func clusterSets(t *testing.T) []*ClusterSet {
	return preparedSets(t, "dev.jsonl", "dev-topics.jsonl")
}

// streamSets returns the four streams the clusterer must get right with one
// configuration: each development file alone, both files concatenated
// (clustered in publication order: every topic story, then the incidents)
// and dev-stream.jsonl (both interleaved in time).
func streamSets(t *testing.T) []*ClusterSet {
	sets := clusterSets(t)
	concat := &ClusterSet{Path: "concat.jsonl"}
	concat.Articles = append(slices.Clone(sets[0].Articles), sets[1].Articles...)
	return []*ClusterSet{sets[0], sets[1], concat, streamSet(t, concat)}
}

// streamSet reads dev-stream.jsonl, whose articles are those of both
// files moved in time: each takes its prepared title, text and language
// from prepared (both files), so nothing is prepared twice.
func streamSet(t *testing.T, prepared *ClusterSet) *ClusterSet {
	set, err := ReadClusterSet(shared.TestData(t, "cluster", "dev-stream.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]GoldArticle, len(prepared.Articles))
	for _, a := range prepared.Articles {
		byID[a.ID] = a
	}
	kept := set.Articles[:0]
	for _, a := range set.Articles {
		if p, ok := byID[a.ID]; ok {
			a.Title, a.Text, a.Lang = p.Title, p.Text, p.Lang
			kept = append(kept, a)
		}
	}
	set.Articles = kept
	return set
}

// preparedSets reads the named files of ../shared/data/cluster, prepared
// as clusterSets says.
func preparedSets(t *testing.T, names ...string) []*ClusterSet {
	var sets []*ClusterSet
	for _, name := range names {
		path := shared.TestData(t, "cluster", name)
		set, err := ReadClusterSet(path)
		if err != nil {
			t.Fatal(err)
		}
		prepared := map[string]*model.Article{}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		err = files.ReadJSONL(context.Background(), f, path, files.Options{}, func(it files.Item) error {
			if a, err := pipeline.Prepare(it, time.Now()); err == nil {
				prepared[a.ID] = a
			}
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		kept := set.Articles[:0]
		for _, a := range set.Articles {
			if p := prepared[a.ID]; p != nil {
				a.Title, a.Text, a.Lang = p.Title, p.Text, p.Language
				kept = append(kept, a)
			}
		}
		set.Articles = kept
		sets = append(sets, set)
	}
	return sets
}

// TestClusterTune prints the B-cubed figures on both development files for
// the default options, then for each variant in PARALLAX_TUNE
// ("JoinProb=0.4,Window=30;JoinProb=0.6" — durations in days).
func TestClusterTune(t *testing.T) {
	spec := os.Getenv("PARALLAX_TUNE")
	if spec == "" {
		t.Skip("set PARALLAX_TUNE=default or a list of variants")
	}
	sets := streamSets(t)
	for _, variant := range strings.Split(spec, ";") {
		o := cluster.DefaultOptions()
		applyVariant(t, &o, variant)
		t.Logf("%-40s %s", variant, scoreLine(sets, o))
	}
}

// scoreLine scores o on the sets: the lower F1, then P, R, F1 per set.
func scoreLine(sets []*ClusterSet, o cluster.Options) string {
	lo := 1.0
	line := ""
	for _, s := range sets {
		gold, ids := s.Gold()
		pred := RunClusterIDs(s, o)
		p, r, f := BCubedOrdered(ids, gold, pred)
		lo = min(lo, f)
		line += " | P " + ff(p) + " R " + ff(r) + " F " + ff(f) + " impure " + strconv.Itoa(impure(ids, gold, pred))
	}
	return "min " + ff(lo) + line
}

// TestClusterTrain fits the pair model on both development files (each
// file weighs the same), prints the figures for a range of JoinProb, and
// with PARALLAX_TRAIN=write saves the model to internal/cluster/model.json.
// PARALLAX_TRAIN_OPTS ("MaxCandidates=40,IndexTerms=30") trains and scores
// with other options; PARALLAX_TRAIN_ON=dev.jsonl (or dev-topics.jsonl)
// trains on one file and scores both, the other held out. Retrain after
// changing the features:
//
//	PARALLAX_TRAIN=write go test ./internal/eval -run TestClusterTrain -v
func TestClusterTrain(t *testing.T) {
	mode := os.Getenv("PARALLAX_TRAIN")
	if mode == "" {
		t.Skip("set PARALLAX_TRAIN=1 (print) or write (save model.json)")
	}
	sets := streamSets(t)
	opts := cluster.DefaultOptions()
	applyVariant(t, &opts, os.Getenv("PARALLAX_TRAIN_OPTS"))
	guardProb := opts.GuardProb
	opts.Model, opts.GuardProb = blankModel(), 0
	train := sets
	if on := os.Getenv("PARALLAX_TRAIN_ON"); on != "" {
		// Trained on some streams alone, the others' figures are
		// held-out ones.
		names := strings.Split(on, ",")
		train = slices.DeleteFunc(slices.Clone(sets), func(s *ClusterSet) bool { return !slices.Contains(names, filepath.Base(s.Path)) })
	}
	x, y, w := trainingPairs(t, train, opts)
	// Ablation: PARALLAX_TRAIN_DROP="gap,size" trains without those
	// features (held at 0, their weights stay 0); "pairs" drops the
	// pairwise products.
	pairs := cluster.PairFeatures
	for _, name := range strings.Split(os.Getenv("PARALLAX_TRAIN_DROP"), ",") {
		if name == "pairs" {
			pairs = nil
			continue
		}
		if j := slices.Index(cluster.FeatureNames, name); j >= 0 {
			for _, row := range x {
				row[j] = 0
			}
		} else if name != "" {
			t.Fatalf("PARALLAX_TRAIN_DROP: unknown feature %q", name)
		}
	}
	m, guard := fitModels(t, x, y, w, pairs)
	guard.Note = "the guard: logistic regression without products, trained with model.json (TestClusterTrain)"
	m.Note = "logistic regression with pairwise products of the pairs features on the four streams (dev.jsonl, dev-topics.jsonl, both concatenated, dev-stream.jsonl) as pipeline.Prepare gives them (TestClusterTrain), L2 30, streams weighed equally"
	for i, n := range m.Features {
		t.Logf("%-8s %+.3f", n, m.Weights[i])
	}
	t.Logf("bias     %+.3f", m.Bias)
	opts.Model, opts.Guard, opts.GuardProb = m, guard, guardProb
	for _, jp := range []float64{0.5, 0.6, 0.7, 0.8, 0.9} {
		opts.JoinProb = jp
		t.Logf("JoinProb %.1f %s", jp, scoreLine(sets, opts))
	}
	if mode == "write" {
		b, _ := json.MarshalIndent(m, "", " ")
		if err := os.WriteFile("../cluster/model.json", append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		b, _ = json.MarshalIndent(guard, "", " ")
		if err := os.WriteFile("../cluster/guard.json", append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// blankModel is a model of all-zero weights. Pairs needs no model: a
// blank one lets features change before the new model.json exists.
func blankModel() *cluster.Model {
	n := len(cluster.FeatureNames)
	return &cluster.Model{Features: cluster.FeatureNames, Mean: make([]float64, n), Scale: make([]float64, n), Weights: make([]float64, n)}
}

// fitModels fits the pair model (with the products of pairs) and the
// guard (without products) to the same training pairs.
func fitModels(t *testing.T, x [][]float64, y, w []float64, pairs []string) (m, guard *cluster.Model) {
	l2 := 30.0 // damps the pairwise products: see the cluster package doc
	if v, err := strconv.ParseFloat(os.Getenv("PARALLAX_TRAIN_L2"), 64); err == nil {
		l2 = v
	}
	m, err := cluster.Fit(x, y, w, l2, pairs)
	if err != nil {
		t.Fatal(err)
	}
	guard, err = cluster.Fit(x, y, w, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m, guard
}

// trainingPairs returns the (article, candidate) pairs of the sets for
// Fit, as the clusterer meets them with opts (teacher forcing), with
// weights that give each set the same total.
func trainingPairs(t *testing.T, sets []*ClusterSet, opts cluster.Options) (x [][]float64, y, w []float64) {
	for _, s := range sets {
		docs, gold := s.Docs()
		sx, sy := cluster.Pairs(docs, gold, opts)
		pos := 0.0
		for _, v := range sy {
			pos += v
		}
		t.Logf("%s: %d pairs, %.0f positive", filepath.Base(s.Path), len(sx), pos)
		for range sx {
			w = append(w, 1/float64(len(sx)))
		}
		x, y = append(x, sx...), append(y, sy...)
	}
	for i := range w {
		w[i] *= float64(len(w)) / float64(len(sets))
	}
	return x, y, w
}

func ff(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

// applyVariant sets the options a variant names ("JoinProb=0.4,Window=30";
// durations in days).
func applyVariant(t *testing.T, o *cluster.Options, variant string) {
	for _, kv := range strings.Split(variant, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatal(err)
		}
		setOpt(t, o, k, x)
	}
}

func setOpt(t *testing.T, o *cluster.Options, k string, x float64) {
	f := reflect.ValueOf(o).Elem().FieldByName(k)
	switch {
	case !f.IsValid() || !f.CanSet():
		t.Fatalf("unknown option %s", k)
	case f.Type() == reflect.TypeOf(time.Duration(0)):
		f.SetInt(int64(x * float64(24*time.Hour))) // durations are given in days
	case f.Kind() == reflect.Float64:
		f.SetFloat(x)
	case f.Kind() == reflect.Int:
		f.SetInt(int64(x))
	default:
		t.Fatalf("option %s is not a number", k)
	}
}
