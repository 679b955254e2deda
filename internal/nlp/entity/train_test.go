package entity_test

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/nlp/entity"
	"parallax/internal/shared"
)

// readCoNLL reads a CoNLL split of ../shared/data/ner.
func readCoNLL(t testing.TB, split string) []entity.CoNLLDoc {
	t.Helper()
	f, err := os.Open(shared.TestData(t, "ner", split, "conll.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := entity.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// devScore tags the dev split with m and scores PER/ORG/LOC.
func devScore(m *entity.Tagger, dev []entity.CoNLLDoc) eval.NERScore {
	var gold, pred [][]string
	for _, d := range dev {
		var toks [][]string
		for _, s := range d.Sentences {
			toks = append(toks, s.Tokens)
			gold = append(gold, s.Tags)
		}
		pred = append(pred, m.TagDoc(toks)...)
	}
	return eval.ScoreNER(gold, pred, eval.DefaultNERTypes)
}

// TestTrainModel rebuilds the embedded model from the CoNLL-2003 training
// split (deterministic: the same bytes every run):
//
//	PARALLAX_NER_TRAIN=1 go test ./internal/nlp/entity -run TestTrainModel -v -timeout 30m
//
// It logs the dev figures after every epoch; PARALLAX_NER_EPOCHS overrides
// the number of epochs, PARALLAX_NER_SEED the shuffling's seed, PARALLAX_NER_OUT the output file (default
// model.bin.gz here).
func TestTrainModel(t *testing.T) {
	if os.Getenv("PARALLAX_NER_TRAIN") == "" {
		t.Skip("set PARALLAX_NER_TRAIN=1 to retrain the embedded model")
	}
	train, dev := readCoNLL(t, "train"), readCoNLL(t, "dev")
	opts := entity.DefaultTrainOptions()
	if n, err := strconv.Atoi(os.Getenv("PARALLAX_NER_EPOCHS")); err == nil {
		opts.Epochs = n
	}
	if n, err := strconv.ParseUint(os.Getenv("PARALLAX_NER_SEED"), 10, 64); err == nil {
		opts.Seed = n
	}
	opts.Progress = func(e int, m *entity.Tagger) {
		s := devScore(m, dev)
		t.Logf("epoch %d: dev P %.4f R %.4f F1 %.4f (PER %.4f ORG %.4f LOC %.4f), %d features",
			e, s.Precision, s.Recall, s.F1, s.PerType["PER"].F1, s.PerType["ORG"].F1, s.PerType["LOC"].F1, m.Features())
	}
	m := entity.Train(train, opts)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := entity.ReadTagger(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	s := devScore(back, dev)
	t.Logf("written model: %d bytes, %d features; dev P %.4f R %.4f F1 %.4f", buf.Len(), back.Features(), s.Precision, s.Recall, s.F1)
	out := os.Getenv("PARALLAX_NER_OUT")
	if out == "" {
		out = "model.bin.gz"
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
