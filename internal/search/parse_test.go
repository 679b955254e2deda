package search

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func date(s string) time.Time {
	d, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     Query
	}{
		{"Words", "Oil  spill", Query{Terms: [][]string{{"oil"}, {"spill"}}}},
		{"Phrase", `"top kill" bp`, Query{Terms: [][]string{{"top", "kill"}, {"bp"}}}},
		{"UnclosedQuote", `"top kill`, Query{Terms: [][]string{{"top", "kill"}}}},
		{"SplitWord", "U.S. covid-19", Query{Terms: [][]string{{"u", "s"}, {"covid", "19"}}}},
		{"Exclude", `spill -bp -"gulf coast"`, Query{Terms: [][]string{{"spill"}}, Exclude: [][]string{{"bp"}, {"gulf", "coast"}}}},
		{"LoneDash", "spill -", Query{Terms: [][]string{{"spill"}}}},
		{"Person", `person:"Thad Allen"`, Query{Entities: []Entity{{Person, []string{"thad", "allen"}}}}},
		{"OrgPlace", "ORG:bp place:Louisiana", Query{Entities: []Entity{{Org, []string{"bp"}}, {Place, []string{"louisiana"}}}}},
		{"NegatedEntity", "spill -person:hayward", Query{Terms: [][]string{{"spill"}}, Exclude: [][]string{{"hayward"}}}},
		{"Outlet", "spill outlet:https://www.BBC.co.uk/news outlet:cnn.com", Query{Terms: [][]string{{"spill"}}, Outlets: []string{"bbc.co.uk", "cnn.com"}}},
		{"OutletName", `spill outlet:"City  Wire"`, Query{Terms: [][]string{{"spill"}}, Outlets: []string{"city wire"}}},
		{"EmptyOutletIgnored", `spill outlet:"www."`, Query{Terms: [][]string{{"spill"}}}},
		{"Dates", "spill after:2010-05-01 before:2010-06-01", Query{Terms: [][]string{{"spill"}}, After: date("2010-05-01"), Before: date("2010-06-01")}},
		{"UnknownKeyIsText", "site:example.com", Query{Terms: [][]string{{"site", "example", "com"}}}},
		{"Duplicates", "spill Spill person:bp person:BP", Query{Terms: [][]string{{"spill"}}, Entities: []Entity{{Person, []string{"bp"}}}}},
		{"SortNewest", "spill sort:newest", Query{Terms: [][]string{{"spill"}}, Order: Newest}},
		{"SortRelevance", "spill sort:newest sort:relevance", Query{Terms: [][]string{{"spill"}}}},
		{"Unicode", "Zürich Ελλάδα", Query{Terms: [][]string{{"zürich"}, {"ελλάδα"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

// manyWords returns n different words.
func manyWords(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "w%d ", i)
	}
	return b.String()
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
	}{
		{"Empty", "", ErrEmpty},
		{"Spaces", "  \t ", ErrEmpty},
		{"OnlyExclusions", "-bp -spill", ErrEmpty},
		{"OnlyFilters", "outlet:bbc.co.uk after:2010-01-01", ErrEmpty},
		{"Punctuation", `"" ... !!`, ErrEmpty},
		{"BadDate", "spill after:2010-13-01", ErrBadDate},
		{"DateWords", "spill before:yesterday", ErrBadDate},
		{"BadSort", "spill sort:oldest", ErrBadSort},
		{"BadRange", "spill after:2010-06-01 before:2010-06-01", ErrBadRange},
		{"TooLong", strings.Repeat("a ", MaxQueryBytes), ErrTooLong},
		{"TooMany", manyWords(MaxClauses + 1), ErrTooMany},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if q, err := Parse(tt.in); !errors.Is(err, tt.want) {
				t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, q, err, tt.want)
			}
		})
	}
}

func TestStringRoundTrip(t *testing.T) {
	for _, in := range []string{
		`oil "top kill" -bp -"gulf coast" person:"thad allen" org:bp place:louisiana outlet:bbc.co.uk outlet:"city wire" after:2010-05-01 before:2010-06-01 sort:newest`,
		"U.S. site:example.com",
	} {
		q, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(q.String())
		if err != nil || !reflect.DeepEqual(back, q) {
			t.Errorf("Parse(%q) = %#v, %v; want %#v", q.String(), back, err, q)
		}
	}
}

// FuzzParse checks that Parse never panics, that what it accepts has
// something positive, only lower-case tokens of letters and digits, and
// renders to a query that parses back to the same.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"oil spill", `"top kill" -bp`, `person:"Thad Allen" after:2010-05-01`,
		"outlet:www.bbc.co.uk/x", `-"`, "after:", "person:", `"a" "`, "İstanbul ǅ", "-person:-x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		if !q.Positive() {
			t.Fatalf("Parse(%q) accepted a query with nothing positive", s)
		}
		for _, c := range append(q.TextClauses(), q.Exclude...) {
			for _, tok := range c {
				if tok == "" || !reflect.DeepEqual(Tokens(tok), []string{tok}) {
					t.Fatalf("Parse(%q): token %q is not one clean token", s, tok)
				}
			}
		}
		back, err := Parse(q.String())
		if err != nil || !reflect.DeepEqual(back, q) {
			t.Fatalf("Parse(%q).String() = %q parses to %#v, %v; want %#v", s, q.String(), back, err, q)
		}
	})
}
