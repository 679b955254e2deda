package eval

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"parallax/internal/extract"
	"parallax/internal/nlp/quote"
	"parallax/internal/shared"
)

// TestQuotePick lists the articles a new quote-gold batch is drawn from:
// those of dev.jsonl and dev-topics.jsonl (no DUC topic) with 5-12
// quotations as quote.Find finds them, in SHA-256 order of their id,
// marking the annotated ones. With PARALLAX_QUOTE_SHOW=file/id it prints
// that article's text with its quotations numbered (no speakers), for
// annotating blind.
//
//	PARALLAX_QUOTE_PICK=30 go test ./internal/eval -run TestQuotePick -v
func TestQuotePick(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("PARALLAX_QUOTE_PICK"))
	dump := os.Getenv("PARALLAX_QUOTE_DUMP")
	if n == 0 {
		t.Skip("set PARALLAX_QUOTE_PICK=N (and PARALLAX_QUOTE_DUMP=DIR)")
	}
	gold, err := ClusterQuoteGold()
	if err != nil {
		t.Fatal(err)
	}
	done := map[string]bool{}
	for _, g := range gold {
		done[g.Topic+"/"+g.Doc] = true
	}
	dir := shared.TestData(t, "cluster")
	type cand struct{ key, hash, text string }
	var cands []cand
	for _, file := range []string{"dev.jsonl", "dev-topics.jsonl"} {
		err := readJSONL(filepath.Join(dir, file), func(a GoldArticle) error {
			if strings.HasPrefix(a.Story, "duc-") {
				return nil
			}
			k := file + "/" + a.ID
			text := pickText(a)
			if c := len(quote.Find(text)); c >= 5 && c <= 12 {
				h := sha256.Sum256([]byte(a.ID))
				cands = append(cands, cand{k, hex.EncodeToString(h[:]), text})
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].hash < cands[j].hash })
	picked := 0
	for i, c := range cands {
		held := QuoteHeldOut(c.key[strings.IndexByte(c.key, '/')+1:])
		if done[c.key] || held {
			continue
		}
		fmt.Printf("%3d %s\n", i, c.key)
		if dump != "" {
			if err := os.WriteFile(filepath.Join(dump, strings.ReplaceAll(c.key, "/", "_")), []byte(quotesShown(c.text)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if picked++; picked == n {
			break
		}
	}
}

// pickText is an article's text as QuoteTexts extracts it.
func pickText(a GoldArticle) string {
	opts := extract.DefaultOptions()
	opts.Mode, opts.URL = extract.Text, a.URL
	res, err := extract.Extract([]byte(a.Text), opts)
	if errors.Is(err, extract.ErrNoText) {
		res, err = &extract.Result{Text: extract.PlainLines(a.Text)}, nil
	}
	if err != nil {
		return ""
	}
	return strings.TrimSpace(res.Text)
}

// quotesShown is text and its quotations' offsets and hashes, no speaker.
func quotesShown(text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n=== quotations\n", text)
	for i, q := range quote.Find(text) {
		fmt.Fprintf(&b, "Q%d\t%d\t%d\t%s\t%.70q\n", i, q.Start, q.End, QuoteHash(text[q.Start:q.End]), q.Text)
	}
	return b.String()
}

// TestQuoteFindEveryDevArticle runs the quote finder over every article of
// dev.jsonl and dev-topics.jsonl as the pipeline extracts it: it must not
// panic on any (a rule once sliced past a mention on one of them, which
// stopped that story's brief), and every quotation must be the text at its
// offsets.
func TestQuoteFindEveryDevArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every development article")
	}
	dir := shared.TestData(t, "cluster")
	n := 0
	for _, file := range []string{"dev.jsonl", "dev-topics.jsonl"} {
		err := readJSONL(filepath.Join(dir, file), func(a GoldArticle) error {
			text := pickText(a)
			for _, q := range quote.Find(text) {
				if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
					t.Errorf("%s/%s: quotation %q at [%d, %d) is not the text there", file, a.ID, q.Text, q.Start, q.End)
				}
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 4900 {
		t.Errorf("read %d articles, want the 4,962 of both files", n)
	}
}
