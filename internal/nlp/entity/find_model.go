package entity

import "strings"

// TagTokens tags a document's sentences of tokens with the embedded model:
// IOB2 tags of the types PER, ORG, LOC and MISC.
func TagTokens(doc [][]string) ([][]string, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return m.TagDoc(doc), nil
}

var typeOf = map[string]Type{"PER": Person, "ORG": Org, "LOC": Place}

// Find returns the people, organisations and places named in text (one
// paragraph a line), in order: the text is split into sentences and
// tokens, tagged by the embedded model, and each name of a type other than
// MISC becomes a mention. Should the model fail to load, the rules find
// the names instead. The mentions of a recent text are remembered (the
// same articles are read again each time their story's brief is rebuilt);
// the caller owns the slice it gets.
func Find(text string) []Mention {
	k := mentions.key(text)
	if ms, ok := mentions.get(k); ok {
		return ms
	}
	ms := find(text)
	mentions.put(k, ms)
	return ms
}

// find is Find without the memo.
func find(text string) []Mention {
	m, err := Default()
	if err != nil {
		return FindRules(text)
	}
	sents := segment(text)
	doc := make([][]string, len(sents))
	for i, s := range sents {
		doc[i] = make([]string, len(s))
		for k, t := range s {
			doc[i][k] = t.Text
		}
	}
	labels, headlines := decodeDoc(m, doc, nil)
	var out []Mention
	for i, s := range sents {
		if headlines[i] {
			continue // a headline in title case: its capitals say nothing
		}
		out = appendMentions(out, text, s, labels[i])
	}
	return out
}

// appendMentions appends the names labelled in one sentence.
func appendMentions(out []Mention, text string, s []span, labels []int) []Mention {
	start := -1
	for k, l := range labels {
		if l == 0 {
			start = -1
			continue
		}
		p, t := labelParts(l)
		if p == pB || p == pU {
			start = k
		}
		if (p == pL || p == pU) && start >= 0 {
			if typ, ok := typeOf[labelTypes[t]]; ok && !(start == k && notAName(s[k].Text)) {
				a, b := s[start].Start, s[k].End
				out = append(out, Mention{Start: a, End: b, Text: text[a:b], Type: typ, Title: titleBefore(s, start),
					AfterThe: start > 0 && strings.EqualFold(s[start-1].Text, "the")})
			}
			start = -1
		}
	}
	return out
}

// notAName reports whether one word is never a name by itself, whatever
// its case: "The", "WEST", "Feb.".
func notAName(w string) bool {
	t := strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
	return common[t] || calendar[t] || directions[t] || common[w] || calendar[w] ||
		placeHeads[t] && !weakHeads[t] || nameStarts[t]
}

// nameStarts begin place names and are none alone ("MOUNT" of "MOUNT
// VERNON").
var nameStarts = words(`Mount|Fort|Lake|Port|Saint|St.|San|Santa|New|Los|Las|El|Cape|Point`)

// titleBefore returns the title or honorific right before token k.
func titleBefore(s []span, k int) string {
	if k == 0 {
		return ""
	}
	w := s[k-1].Text
	if capitalized(w) && (honorifics[w] || titleWords[w]) {
		return w
	}
	return ""
}
