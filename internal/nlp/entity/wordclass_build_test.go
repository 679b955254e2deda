package entity

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/internal/shared"
)

// classCorpus reads the unlabelled text the word classes are learnt from:
// the CoNLL-2003 training split's tokens and the news of the cluster and
// summary sets (../shared/data), split into sentences and tokens as the
// tagger reads them. The CoNLL dev split is not read: it scores the
// tagger.
func classCorpus(t testing.TB) [][]string {
	t.Helper()
	var sents [][]string
	addText := func(text string) {
		for _, s := range segment(text) {
			toks := make([]string, len(s))
			for i, sp := range s {
				toks[i] = sp.Text
			}
			sents = append(sents, toks)
		}
	}
	f, err := os.Open(shared.TestData(t, "ner", "train", "conll.txt"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ReadCoNLL(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		for _, s := range d.Sentences {
			sents = append(sents, s.Tokens)
		}
	}
	// dev-topics.jsonl and dev-stream.jsonl repeat the summary sets' texts.
	jf, err := os.Open(shared.TestData(t, "cluster", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(jf)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var a struct {
			Title, Text string
		}
		if json.Unmarshal(sc.Bytes(), &a) == nil {
			addText(a.Title + "\n" + a.Text)
		}
	}
	jf.Close()
	for _, dir := range []string{shared.TestData(t, "summary", "dev"), shared.TestData(t, "summary", "timeline", "dev")} {
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".txt") || filepath.Base(filepath.Dir(p)) != "docs" {
				return err
			}
			b, err := os.ReadFile(p)
			if err == nil {
				addText(string(b))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return sents
}

// TestBuildWordClasses rebuilds the embedded word classes
// (wordclasses.bin.gz) from classCorpus:
//
//	PARALLAX_CLASSES_BUILD=1 go test ./internal/nlp/entity -run TestBuildWordClasses -v -timeout 60m
func TestBuildWordClasses(t *testing.T) {
	if os.Getenv("PARALLAX_CLASSES_BUILD") == "" {
		t.Skip("set PARALLAX_CLASSES_BUILD=1 to rebuild the word classes")
	}
	began := time.Now()
	sents := classCorpus(t)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	t.Logf("corpus: %d sentences, %d tokens (%s)", len(sents), n, time.Since(began))
	sizes := classSizes
	if s := os.Getenv("PARALLAX_CLASSES"); s != "" {
		sizes = strings.Split(s, ",")
	}
	var reversed [][]string
	var levels []map[string]int
	for _, size := range sizes {
		began := time.Now()
		corpus := sents
		if r, ok := strings.CutPrefix(size, "r"); ok {
			if reversed == nil {
				for _, s := range sents {
					r := slices.Clone(s)
					slices.Reverse(r)
					reversed = append(reversed, r)
				}
			}
			size, corpus = r, reversed
		}
		c, err := strconv.Atoi(size)
		if err != nil {
			t.Fatal(err)
		}
		m := LearnWordClasses(corpus, WordClassOptions{Classes: c, MinCount: classMinCount, Passes: classPasses})
		t.Logf("%s classes: %d words (%s)", size, len(m), time.Since(began))
		levels = append(levels, m)
	}
	wc := newWordClasses(levels)
	out, err := os.Create("wordclasses.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wc.WriteTo(out); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Monday", "Obama", "Hayward", "Exxon", "London", "said", "Reuters"} {
		t.Logf("%s: %v", w, wc.get(w))
	}
}
