package entity

import (
	"strings"
	"testing"
)

// TestBeamConstraints: every sentence the beam labels is a sequence of
// whole names (opened, continued, closed), whatever the text.
func TestBeamConstraints(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Chad Mercer , co-owner of Mercer Quarters , said business is booming .",
		"BANI WALID , Libya ( Reuters ) - Fighters stormed the town on Monday .",
		"New York New York New York",
		"Obama",
		"the the the",
	} {
		labels, _ := decodeDoc(m, [][]string{strings.Fields(text)}, nil)
		prev := 0
		for i, l := range labels[0] {
			if !allowed(prev, l) {
				t.Errorf("%q: label %d after %d at %d", text, l, prev, i)
			}
			prev = l
		}
		if !allowed(prev, 0) {
			t.Errorf("%q: a name left open at the end", text)
		}
	}
}

// TestBeamNames: names the greedy tagger split between two types are
// labelled whole.
func TestBeamNames(t *testing.T) {
	tests := []struct{ text, name string }{
		{"For Chad Mercer , co-owner of Mercer Quarters , business is booming .", "Chad Mercer"},
		{"A woman was hurt .\n\"I saw a lot of police , witness Dildra Wills said .", "Dildra Wills"},
		{"Halliburton Co. cemented the well days before the blowout .", "Halliburton Co."},
	}
	for _, tc := range tests {
		found := false
		for _, m := range find(tc.text) {
			found = found || m.Text == tc.name
		}
		if !found {
			t.Errorf("%q: no mention %q in %v", tc.text, tc.name, find(tc.text))
		}
	}
}

// TestPersonCues: the corrections that type a name a person by what
// follows it, and join an initial labelled apart.
func TestPersonCues(t *testing.T) {
	tests := []struct {
		name string
		toks string
		lab  []int // labels before
		a, b int   // the name wanted, a person
	}{
		{"Age", "Kravitz , 62 , walks daily .", []int{label(pU, 1), 0, 0, 0, 0, 0, 0}, 0, 1},
		{"Possessive", "Berg defended his record .", []int{label(pU, 2), 0, 0, 0, 0}, 0, 1},
		{"Initial", "lawyer W. Mark Lanham scoffed", []int{0, label(pU, 3), label(pB, 0), label(pL, 0), 0}, 1, 4},
		{"InitialLeftOut", "said J. David Anderson of the lab", []int{0, 0, label(pB, 0), label(pL, 0), 0, 0, 0}, 1, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := strings.Fields(tc.toks)
			labels := append([]int(nil), tc.lab...)
			postprocess(toks, labels)
			ns := names(labels)
			if len(ns) != 1 || ns[0] != (name{tc.a, tc.b, tPER}) {
				t.Errorf("names %+v, want [%d, %d) PER", ns, tc.a, tc.b)
			}
		})
	}
	// Not a person: no age, an organisation's "its".
	for _, s := range []string{"Exxon , 2010 , was fined .", "Exxon defended its record ."} {
		toks := strings.Fields(s)
		labels := make([]int, len(toks))
		labels[0] = label(pU, 1)
		postprocess(toks, labels)
		if ns := names(labels); len(ns) != 1 || ns[0].t != 1 {
			t.Errorf("%q: %+v, want the organisation kept", s, ns)
		}
	}
}

// TestTitledNameAfterThe: a title before a person, after "the" and a
// country's adjective, is cut off, and the person stays a person ("the
// Deepwater Horizon" is a thing; "the Syrian President Bashar al-Assad"
// is not).
func TestTitledNameAfterThe(t *testing.T) {
	ms := find("Russia sides with the Syrian President Bashar al-Assad , while the US shows its alliance .")
	for _, m := range ms {
		if m.Text == "Bashar al-Assad" && m.Type == Person {
			return
		}
	}
	t.Errorf("no person Bashar al-Assad in %+v", ms)
}

// TestPlacePairIsNoPlace: two places joined by a hyphen name their
// relation ("US-Russia talks"), not a place; each place alone still is one.
func TestPlacePairIsNoPlace(t *testing.T) {
	for _, text := range []string{
		"The US-Russia talks on Syria collapsed on Monday .",
		"The United States is making preparations to suspend U.S.-Russia bilateral engagement on Syria .",
	} {
		places := 0
		for _, m := range find(text) {
			if strings.Contains(m.Text, "-Russia") && m.Type == Place {
				t.Errorf("%q: %q typed %v", text, m.Text, m.Type)
			}
			if m.Type == Place {
				places++
			}
		}
		if places == 0 {
			t.Errorf("%q: no place left in %+v", text, find(text))
		}
	}
}
