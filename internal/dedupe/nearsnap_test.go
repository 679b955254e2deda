package dedupe

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// texts returns n distinct texts of 40 words, and a copy of each with
// two words changed.
func nearTexts(n int) (orig, copies []string) {
	for i := range n {
		var w []string
		for j := range 40 {
			w = append(w, fmt.Sprintf("w%d_%d", i, j%37))
		}
		orig = append(orig, strings.Join(w, " "))
		w[3], w[20] = "changed", "edited"
		copies = append(copies, strings.Join(w, " "))
	}
	return orig, copies
}

// TestNearKeep: the index holds at most Keep plus a quarter texts, the
// latest; a copy of a recent text is found, one of a dropped text is not.
func TestNearKeep(t *testing.T) {
	orig, copies := nearTexts(300)
	ix := NewNearIndex(NearOptions{Keep: 100})
	for i, s := range orig {
		ix.Add(fmt.Sprint(i), ix.Signature(s))
		if ix.Len() > 125 {
			t.Fatalf("after %d texts the index holds %d, over Keep 100 + 25", i+1, ix.Len())
		}
	}
	if id, _, ok := ix.Find(ix.Signature(copies[299])); !ok || id != "299" {
		t.Errorf("copy of the latest text: found %q, %v", id, ok)
	}
	if id, _, ok := ix.Find(ix.Signature(copies[0])); ok {
		t.Errorf("copy of a dropped text found as %q", id)
	}
}

// TestNearSnapshot: a loaded index finds what the saved one finds, and
// goes on dropping in the same order.
func TestNearSnapshot(t *testing.T) {
	orig, copies := nearTexts(200)
	a := NewNearIndex(NearOptions{Keep: 100})
	for i, s := range orig[:150] {
		a.Add(fmt.Sprint(i), a.Signature(s))
	}
	var buf bytes.Buffer
	if err := a.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := LoadNearIndex(bytes.NewReader(buf.Bytes()), NearOptions{Keep: 100})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range orig[150:] {
		a.Add(fmt.Sprint(150+i), a.Signature(s))
		b.Add(fmt.Sprint(150+i), b.Signature(s))
	}
	if a.Len() != b.Len() {
		t.Fatalf("saved index holds %d texts, loaded one %d", a.Len(), b.Len())
	}
	for i, c := range copies {
		ida, _, oka := a.Find(a.Signature(c))
		idb, _, okb := b.Find(b.Signature(c))
		if ida != idb || oka != okb {
			t.Fatalf("copy %d: saved index finds %q %v, loaded one %q %v", i, ida, oka, idb, okb)
		}
	}
	if _, err := LoadNearIndex(bytes.NewReader(buf.Bytes()[:buf.Len()/2]), NearOptions{}); err == nil {
		t.Error("a truncated snapshot loaded")
	}
}
