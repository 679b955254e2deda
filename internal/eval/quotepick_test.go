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
