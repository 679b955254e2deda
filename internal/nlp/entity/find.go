// Package entity finds names of people, organisations and places in news
// text and merges their variants across documents.
//
// Find is a rule-based tagger: it takes runs of capitalised words, splits
// off titles ("Secretary of State John Kerry" -> PERSON "John Kerry"),
// recognises gazetteer names (countries, cities, well-known organisations
// with their variants) and organisation heads ("... Department",
// "... Council"), and types the rest by cues ("spokesman X", "X said").
// Merge groups the mentions of many documents into entities: gazetteer
// variants ("US", "U.S.", "United States"), person names by surname and
// compatible first name ("Kerry", "John F. Kerry"; "Sergey/Sergei Lavrov").
package entity

import (
	"strings"
)

// Type is the kind of entity.
type Type string

// Entity types. Unknown marks a capitalised name Find could not type; Merge
// types it from other mentions or drops it.
const (
	Person  Type = "PERSON"
	Org     Type = "ORG"
	Place   Type = "PLACE"
	Unknown Type = ""
)

// Mention is one occurrence of a name in a text; Start and End are byte
// offsets, Text is text[Start:End].
type Mention struct {
	Start, End int
	Text       string
	Type       Type
	Title      string // a title or honorific right before the name ("President", "Mr"), if any
	AfterThe   bool   // written after "the": a thing or a group, not a person ("the Deepwater Horizon")
}

// FindRules returns the name mentions the rules find in text (one paragraph
// a line), in order: the finder before the model, kept as a baseline.
func FindRules(text string) []Mention {
	toks := tokenize(text)
	f := finder{text: text, toks: toks, midCap: midCapitals(toks)}
	for _, line := range lines(text, toks) {
		f.titleCase = isTitleCase(toks[line[0]:line[1]])
		f.scanLine(line[0], line[1])
	}
	return f.out
}

type finder struct {
	text      string
	toks      []tok
	midCap    map[string]bool
	titleCase bool
	out       []Mention
}

// lines returns [first, end) token index ranges of each line.
func lines(text string, toks []tok) [][2]int {
	var out [][2]int
	start := 0
	for i := 1; i <= len(toks); i++ {
		if i == len(toks) || strings.Contains(text[toks[i-1].end:toks[i].start], "\n") {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	return out
}

// midCapitals returns the capitalised words seen inside sentences.
func midCapitals(toks []tok) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		if !t.initial && capitalized(t.text) {
			m[t.text] = true
		}
	}
	return m
}

// isTitleCase reports whether a line is a headline in title case.
func isTitleCase(toks []tok) bool {
	n, c := 0, 0
	for _, t := range toks {
		if len(t.text) < 4 {
			continue
		}
		n++
		if capitalized(t.text) {
			c++
		}
	}
	return n >= 3 && len(toks) <= 20 && c == n
}

// scanLine finds runs of capitalised words in toks[from:to].
func (f *finder) scanLine(from, to int) {
	for i := from; i < to; {
		if !f.startsName(i, to) {
			i++
			continue
		}
		j := i + 1
		for j < to {
			if !f.joined(j-1, j) {
				break
			}
			if nameWord(f.toks[j].text) {
				j++
				continue
			}
			if connectors[f.toks[j].text] && j+1 < to && f.joined(j, j+1) && capitalized(f.toks[j+1].text) {
				j += 2
				continue
			}
			break
		}
		f.run(i, j, to)
		i = j
	}
}

// joined reports whether tokens a and b are separated by one space only.
func (f *finder) joined(a, b int) bool {
	return f.text[f.toks[a].end:f.toks[b].start] == " "
}

// emit records a mention of toks[a:b].
func (f *finder) emit(a, b int, t Type) {
	if a >= b {
		return
	}
	s, e := f.toks[a].start, f.toks[b-1].end
	f.out = append(f.out, Mention{Start: s, End: e, Text: f.text[s:e], Type: t})
}

// words returns the texts of toks[a:b].
func (f *finder) words(a, b int) []string {
	w := make([]string, 0, b-a)
	for _, t := range f.toks[a:b] {
		w = append(w, t.text)
	}
	return w
}

// nameWord reports whether w can be part of a name: capitalised, or an
// Arabic article joined to a capitalised word ("al-Assad").
func nameWord(w string) bool {
	if capitalized(w) {
		return true
	}
	for _, p := range []string{"al-", "el-", "bin-"} {
		if strings.HasPrefix(w, p) && capitalized(w[len(p):]) {
			return true
		}
	}
	return false
}

// startsName reports whether a name starts at token i: a name word, or the
// particle "al" before a capitalised word ("al Nusra").
func (f *finder) startsName(i, to int) bool {
	w := f.toks[i].text
	if nameWord(w) {
		return true
	}
	return w == "al" && i+1 < to && f.joined(i, i+1) && capitalized(f.toks[i+1].text)
}
