package cluster

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"parallax/internal/nlp/token"
)

// TestWordTable checks the word table against a map: every word inserted
// is found again with what it was inserted with, through growth, and
// words never inserted are not found (short, long, and sharing prefixes).
func TestWordTable(t *testing.T) {
	var wt wordTable
	want := map[string]int32{}
	words := []string{"a", "police", "Police", "POLICE", "", "aaaaaaaaaaaaaa", "aaaaaaaaaaaaaaa", "Междунаро́дный", "x\x00y"}
	for i := 0; i < 20000; i++ {
		words = append(words, fmt.Sprintf("w%d", i), strings.Repeat("z", i%40)+fmt.Sprint(i))
	}
	for i, w := range words {
		h := hashWord(w)
		s, ok := wt.find(w, h)
		if _, dup := want[w]; ok != dup {
			t.Fatalf("find(%q) before insert: found %v, inserted before %v", w, ok, dup)
		}
		if ok {
			continue
		}
		s = wt.insert(s, w, h, wordSlot{id: int32(i)})
		if s.id != int32(i) || !wt.is(s, w) {
			t.Fatalf("insert(%q) returned slot with id %d", w, s.id)
		}
		want[w] = int32(i)
	}
	if wt.n != len(want) {
		t.Fatalf("table holds %d words, want %d", wt.n, len(want))
	}
	for w, id := range want {
		s, ok := wt.find(w, hashWord(w))
		if !ok || s.id != id {
			t.Fatalf("find(%q) = %v, %d; want id %d", w, ok, s.id, id)
		}
	}
	for _, w := range []string{"w20000", "aaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "polic", "policE"} {
		if _, ok := wt.find(w, hashWord(w)); ok {
			t.Errorf("find(%q) found a word never inserted", w)
		}
	}
	wt.reset()
	if _, ok := wt.find("police", hashWord("police")); ok {
		t.Error("find after reset found a word")
	}
}

// FuzzWordTable inserts the words of a text and finds each again.
func FuzzWordTable(f *testing.F) {
	f.Add("the police said the police officer was shot in Dallas on Thursday")
	f.Add("x xx xxxxxxxxxxxxxx xxxxxxxxxxxxxxx")
	f.Fuzz(func(t *testing.T, text string) {
		var wt wordTable
		want := map[string]int32{}
		for i, w := range strings.Fields(text) {
			h := hashWord(w)
			s, ok := wt.find(w, h)
			if _, dup := want[w]; ok != dup {
				t.Fatalf("find(%q): found %v, inserted %v", w, ok, dup)
			}
			if !ok {
				wt.insert(s, w, h, wordSlot{id: int32(i)})
				want[w] = int32(i)
			}
		}
		for w, id := range want {
			if s, ok := wt.find(w, hashWord(w)); !ok || s.id != id {
				t.Fatalf("find(%q) lost the word", w)
			}
		}
	})
}

// TestTermsDocWrap counts documents across the wrap of the document
// number: the counts must be those of a fresh count.
func TestTermsDocWrap(t *testing.T) {
	o := DefaultOptions()
	docs := []Doc{
		{Title: "Council votes on stadium", Text: "The council voted on the stadium. The stadium vote was close."},
		{Title: "Stadium vote", Text: "Council members said the stadium vote would be repeated."},
		{Title: "Flood warning", Text: "The river rose overnight and the council issued a flood warning."},
		{Title: "Stadium again", Text: "The stadium, the council and the vote, again and again."},
	}
	fresh, old := &terms{}, &terms{}
	vcFresh, vcOld := newVocab(), newVocab()
	old.count(docs[0], &o, vcOld) // gives its words slots in the old numbering
	old.doc = math.MaxInt32 - 2
	for i, d := range docs {
		fresh.count(d, &o, vcFresh)
		old.count(d, &o, vcOld)
		if len(fresh.stats) != len(old.stats) {
			t.Fatalf("doc %d: %d terms across the wrap, %d fresh", i, len(old.stats), len(fresh.stats))
		}
		for j := range fresh.stats {
			f, w := fresh.stats[j], old.stats[j]
			if vcFresh.keys[f.id] != vcOld.keys[w.id] || f.all != w.all || f.lead != w.lead || f.title != w.title || f.proper != w.proper {
				t.Errorf("doc %d term %d: %+v across the wrap, %+v fresh", i, j, w, f)
			}
		}
	}
	if old.doc > 10 {
		t.Errorf("document number %d: did not wrap", old.doc)
	}
}

// FuzzScanWords checks scanWords, read in pieces, against token.Each (the
// same words) and hashWord (the same hashes).
func FuzzScanWords(f *testing.F) {
	for _, s := range []string{"", "The police said.", "Zürich_2024 — l'été\u00a0٣٤ 東京\xff\xfeab", "a", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []wordSpan
		token.Each(s, func(start, end int) {
			want = append(want, wordSpan{start, end, hashWord(s[start:end])})
		})
		for _, chunk := range []int{1, 3, scanChunk} { // read in pieces of chunk words
			var got, piece []wordSpan
			for at := 0; at < len(s); {
				piece, at = scanWords(s, at, piece[:0], chunk)
				if len(piece) > chunk {
					t.Fatalf("scanWords(%q, chunk %d) gave %d words", s, chunk, len(piece))
				}
				got = append(got, piece...)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("scanWords(%q) in pieces of %d = %v, want %v", s, chunk, got, want)
			}
		}
	})
}

// TestGiganticText counts a text of 2.3 million words: every word counts,
// and the scratch for word spans stays bounded by the piece size.
func TestGiganticText(t *testing.T) {
	o := DefaultOptions()
	text := strings.Repeat("Flood waters rose in Port Aldine overnight. ", 333_334) // 7 words each
	var tm terms
	tm.count(Doc{Title: "Flood", Text: text}, &o, newVocab())
	var flood float64
	for _, st := range tm.stats {
		if tm.vc.keys[st.id] == stemWord("flood") {
			flood = st.all - st.title*o.TitleWeight
		}
	}
	// Each "Flood" of the text counts once, those in the lead LeadWeight times.
	lead := float64((o.LeadWords + 6) / 7)
	if want := 333_334 - lead + lead*o.LeadWeight; flood != want {
		t.Errorf("flood counts %v in the text, want %v", flood, want)
	}
	if c := cap(tm.spans); c > 2*scanChunk {
		t.Errorf("span scratch holds %d spans after a gigantic text, want at most %d", c, 2*scanChunk)
	}
}
