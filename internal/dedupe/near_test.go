package dedupe

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"parallax/internal/shared"
)

type devArticle struct {
	ID, Source, Title, Text, Story string
}

func readDev(t *testing.T) []devArticle {
	t.Helper()
	f, err := os.Open(shared.TestData(t, "cluster", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []devArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a devArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// boilerplate is what another outlet wraps a syndicated story in.
var (
	heads = []string{"By The Associated Press", "From staff and wire reports", "Posted: %d:%02d PM EST, updated 1 hour ago",
		"WIRE SERVICE REPORT", "Share this article on Facebook Twitter Email Print"}
	tails = []string{
		"Copyright %d The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
		"Follow us on Twitter and like us on Facebook for the latest local news.",
		"Sign up for our daily newsletter to get the top stories delivered to your inbox.",
		"Anyone with information is asked to call Crime Stoppers. Tips can be submitted anonymously.",
		"Comments are closed. Read our community guidelines before posting.",
		"Related: More crime and public safety coverage from our newsroom.",
	}
	fillers = []string{"reportedly", "also", "then", "later", "officials", "local", "Sunday", "Monday", "the", "said"}
)

// syndicate makes another outlet's copy of text: its own header and
// footer lines, and small edits to about 3% of the words (replace, drop or
// insert a word), sometimes the last paragraph cut.
func syndicate(r *rand.Rand, text string) string {
	paras := strings.Split(text, "\n")
	if len(paras) > 4 && r.IntN(3) == 0 {
		paras = paras[:len(paras)-1]
	}
	var out []string
	out = append(out, fmt.Sprintf(heads[r.IntN(len(heads))], 1+r.IntN(12), r.IntN(60)))
	for _, p := range paras {
		words := strings.Fields(p)
		var kept []string
		for _, w := range words {
			switch x := r.Float64(); {
			case x < 0.01: // dropped
			case x < 0.02:
				kept = append(kept, fillers[r.IntN(len(fillers))])
			case x < 0.03:
				kept = append(kept, w, fillers[r.IntN(len(fillers))])
			default:
				kept = append(kept, w)
			}
		}
		out = append(out, strings.Join(kept, " "))
	}
	for range 1 + r.IntN(3) {
		out = append(out, fmt.Sprintf(tails[r.IntN(len(tails))], 2013+r.IntN(5)))
	}
	return strings.Join(out, "\n")
}

// TestNearDuplicatesDev measures near-duplicate detection on pairs made
// from the cluster dev set. Positives: every article against a syndicated
// copy of it (see syndicate). Negatives: every pair of different articles
// of the same story (same shooting, often the same facts and quotes);
// pairs whose texts are identical word for word are exact duplicates, not
// near ones, and are left out. A pair is predicted a copy when the LSH
// index returns it with similarity at or above the threshold.
func TestNearDuplicatesDev(t *testing.T) {
	arts := readDev(t)
	opts := DefaultNearOptions()
	ix := NewNearIndex(opts)
	sigs := map[string]Signature{}
	byStory := map[string][]devArticle{}
	for _, a := range arts {
		sig := ix.Signature(a.Text)
		sigs[a.ID] = sig
		ix.Add(a.ID, sig)
		byStory[a.Story] = append(byStory[a.Story], a)
	}
	r := rand.New(rand.NewPCG(5, 5))
	var tp, fn, fp, tn, short, exact int
	for _, a := range arts {
		sig := ix.Signature(syndicate(r, a.Text))
		found := false
		for _, m := range ix.FindAll(sig) {
			if m.ID == a.ID {
				found = true
			}
		}
		if found {
			tp++
		} else {
			fn++
			if !sigs[a.ID].Valid() {
				short++
			}
		}
	}
	for _, as := range byStory {
		for i, a := range as {
			hits := map[string]bool{}
			for _, m := range ix.FindAll(sigs[a.ID]) {
				hits[m.ID] = true
			}
			for _, b := range as[i+1:] {
				if ContentHash(a.Text) == ContentHash(b.Text) {
					exact++
					continue
				}
				if hits[b.ID] {
					fp++
					t.Logf("false positive %s ~ %s (%.2f)", a.ID, b.ID, sigs[a.ID].Overlap(sigs[b.ID]))
				} else {
					tn++
				}
			}
		}
	}
	p := float64(tp) / float64(tp+fp)
	rec := float64(tp) / float64(tp+fn)
	t.Logf("positives %d (found %d, missed %d of which %d under %d words); negatives %d (flagged %d); exact pairs left out %d",
		tp+fn, tp, fn, short, opts.MinWords, fp+tn, fp, exact)
	t.Logf("precision %.4f recall %.4f", p, rec)
	if p < 0.98 || rec < 0.95 {
		t.Errorf("precision %.4f recall %.4f, want >= 0.98 and >= 0.95", p, rec)
	}
}
