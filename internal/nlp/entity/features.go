package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature kinds; each feature is the FNV-1a hash of its kind and strings.
const (
	fBias byte = iota + 1
	fWord
	fNorm
	fPrefix
	fSuffix
	fShape
	fInitial
	fPrevNorm
	fPrev2Norm
	fNextNorm
	fNext2Norm
	fPrevShape
	fNextShape
	fBigramPrev
	fBigramNext
	fShape3
	fLex
	fPrevLex
	fNextLex
	fDocLower
	fDocMidCap
	fHeadline
	fLabel1
	fLabel12
	fLabelNorm
	fLabelShape
	fHistory
	fHistoryShape
	fNormShapeNext
	fClass
	fPrevClass
	fNextClass
	fClassBigram
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashKind(k byte) uint64 { return (fnvOffset ^ uint64(k)) * fnvPrime }

func hashAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator
}

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func feat(k byte, s string) uint64 { return hashAdd(hashKind(k), s) }

func feat2(k byte, a, b string) uint64 { return hashAdd(hashAdd(hashKind(k), a), b) }

// tokenInfo is what the features read of one token.
type tokenInfo struct {
	word, norm, shape string
	unk               bool   // a word the model does not know: read by its shape, affixes and context
	lex               string // lexicon classes, one byte each
	capital           bool
	cls               []uint16 // word classes (wordclasses.go), coarse to fine; nil when unknown
}

// norm lower-cases a word and writes digits as 0.
func norm(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '0'
			}
			return unicode.ToLower(r)
		}, w)
	}
	b := []byte(w)
	changed := false
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 32
			changed = true
		case c >= '1' && c <= '9':
			b[i] = '0'
			changed = true
		}
	}
	if !changed {
		return w
	}
	return string(b)
}

// shape maps upper-case letters to X, lower-case to x, digits to d, keeps
// other characters, and collapses repeats: "McDonald" -> "XxXx".
func shape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'x'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// lexClasses returns one byte per lexicon the word is in.
func lexClasses(w, n string) string {
	var b []byte
	if firstNames[w] {
		b = append(b, 'f')
	}
	if countries[w] || cities[w] {
		b = append(b, 'p')
	}
	if demonyms[w] {
		b = append(b, 'd')
	}
	if orgHeads[w] || businessHeads[w] {
		b = append(b, 'o')
	}
	if placeHeads[w] {
		b = append(b, 'h')
	}
	if titleWords[w] || personCues[n] {
		b = append(b, 't')
	}
	if calendar[w] {
		b = append(b, 'c')
	}
	if common[w] {
		b = append(b, 'w')
	}
	if thingHeads[w] {
		b = append(b, 'e')
	}
	return string(b)
}

// titleWords are the single words of titles ("President", "Sen.").
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range titles {
		for _, w := range strings.Fields(t) {
			if w != "of" {
				m[w] = true
			}
		}
	}
	return m
}()

func capitalizedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// docInfo is what the features read of a whole document.
type docInfo struct {
	lower  map[string]bool // norms seen written in lower case
	midCap map[string]bool // norms seen capitalised inside a sentence that is not a headline
}

// headline reports whether a sentence is in capitals (most of its words of
// three letters or more are all upper case).
func headline(toks []string) bool {
	n, c := 0, 0
	for _, t := range toks {
		if len(t) < 3 || !capitalizedWord(t) {
			continue
		}
		n++
		if strings.ToUpper(t) == t {
			c++
		}
	}
	return n >= 1 && c*2 > n
}

// titleCased reports whether a sentence is written like a headline in
// title case: three or more capitalised words of four letters or more,
// every other word capitalised or a short function word, not all capitals.
func titleCased(toks []string) bool {
	n := 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsLetter(r) {
			continue
		}
		if !capitalizedWord(t) {
			if !functionWords[t] {
				return false
			}
			continue
		}
		if len(t) >= 4 {
			n++
		}
	}
	return n >= 3 && !headline(toks)
}

// functionWords may stay in lower case in a title-case headline.
var functionWords = words(`a|an|the|and|or|but|nor|of|in|on|at|to|for|by|with|from|as|vs|vs.|via|into|over|off|up|out|per|'s|n't`)

func newDocInfo(sents [][]string) *docInfo {
	d := &docInfo{lower: map[string]bool{}, midCap: map[string]bool{}}
	for _, s := range sents {
		caps := headline(s) || titleCased(s)
		for i, w := range s {
			switch {
			case lowerWord(w):
				d.lower[norm(w)] = true
			case capitalizedWord(w) && i > 0 && !caps && isWordLike(s[i-1]):
				d.midCap[norm(w)] = true
			}
		}
	}
	return d
}

// truecase lower-cases the words of a title-case headline that the
// document writes in lower case and never capitalises inside a sentence
// ("Palin Addresses Obama" -> "Palin addresses Obama"), so that the tagger
// reads it as it reads running text. ok reports whether the sentence is
// such a headline: title case with at least one word lowered.
func (d *docInfo) truecase(toks []string) (out []string, ok bool) {
	if !titleCased(toks) {
		return toks, false
	}
	out = make([]string, len(toks))
	for i, w := range toks {
		out[i] = w
		if n := norm(w); capitalizedWord(w) && d.lower[n] && !d.midCap[n] {
			out[i] = strings.ToLower(w)
			ok = true
		}
	}
	if !ok {
		return toks, false
	}
	return out, true
}

// isWordLike reports whether w starts with a letter or digit (not a quote
// or a stop, after which a capital is expected).
func isWordLike(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ','
}

// sentenceInfo computes the token infos of a sentence.
func sentenceInfo(toks []string) []tokenInfo {
	out := make([]tokenInfo, len(toks))
	wc := defaultClasses()
	for i, w := range toks {
		n := norm(w)
		out[i] = tokenInfo{word: w, norm: n, shape: shape(w), lex: lexClasses(w, n), capital: capitalizedWord(w), cls: wc.get(w)}
	}
	return out
}

// staticFeatures appends the features of token i that do not depend on
// the labels before it.
func staticFeatures(dst []uint64, s []tokenInfo, i int, d *docInfo, caps bool) []uint64 {
	t := s[i]
	get := func(k int) tokenInfo {
		switch {
		case k < 0:
			return tokenInfo{word: "<s>", norm: "<s>", shape: "<s>"}
		case k >= len(s):
			return tokenInfo{word: "</s>", norm: "</s>", shape: "</s>"}
		}
		return s[k]
	}
	p1, p2, n1, n2 := get(i-1), get(i-2), get(i+1), get(i+2)
	word, nrm := t.word, t.norm
	if t.unk {
		word, nrm = "<unk>", "<unk>"
	}
	dst = append(dst, hashKind(fBias), feat(fWord, word), feat(fNorm, nrm), feat(fShape, t.shape))
	rs := []rune(t.norm)
	for k := 1; k <= 4 && k < len(rs); k++ {
		dst = append(dst, feat(fPrefix, string(rs[:k])), feat(fSuffix, string(rs[len(rs)-k:])))
	}
	dst = append(dst,
		feat(fPrevNorm, p1.norm), feat(fPrev2Norm, p2.norm), feat(fNextNorm, n1.norm), feat(fNext2Norm, n2.norm),
		feat(fPrevShape, p1.shape), feat(fNextShape, n1.shape),
		feat2(fBigramPrev, p1.norm, nrm), feat2(fBigramNext, nrm, n1.norm),
		hashAdd(feat2(fShape3, p1.shape, t.shape), n1.shape),
		feat2(fNormShapeNext, nrm, n1.shape),
	)
	if i == 0 || !isWordLike(p1.word) {
		dst = append(dst, feat(fInitial, t.shape))
	}
	for l, c := range t.cls {
		if c != 0 {
			dst = append(dst, classFeat(fClass, l, c))
		}
	}
	if len(t.cls) > 1 && len(p1.cls) > 1 {
		dst = append(dst, hashByte(hashByte(classFeat(fClassBigram, 1, t.cls[1]), byte(p1.cls[1])), byte(p1.cls[1]>>8)))
	}
	for l, c := range p1.cls {
		if c != 0 && classContext&(1<<l) != 0 {
			dst = append(dst, classFeat(fPrevClass, l, c))
		}
	}
	for l, c := range n1.cls {
		if c != 0 && classContext&(1<<l) != 0 {
			dst = append(dst, classFeat(fNextClass, l, c))
		}
	}
	for k := 0; k < len(t.lex); k++ {
		dst = append(dst, hashByte(hashKind(fLex), t.lex[k]))
	}
	for k := 0; k < len(p1.lex); k++ {
		dst = append(dst, hashByte(hashKind(fPrevLex), p1.lex[k]))
	}
	for k := 0; k < len(n1.lex); k++ {
		dst = append(dst, hashByte(hashKind(fNextLex), n1.lex[k]))
	}
	if caps {
		dst = append(dst, feat(fHeadline, t.shape), feat2(fHeadline, t.norm, "w"))
	}
	if t.capital {
		if d.lower[t.norm] {
			dst = append(dst, feat(fDocLower, "1"))
		}
		if d.midCap[t.norm] {
			dst = append(dst, feat(fDocMidCap, "1"))
		}
	}
	return dst
}

// classContext marks the levels of word classes read of the words either side.
const classContext = 1<<1 | 1<<3

// classFeat is the feature of a word class c at level l.
func classFeat(k byte, l int, c uint16) uint64 {
	return hashByte(hashByte(hashByte(hashKind(k), byte(l)), byte(c)), byte(c>>8))
}

// history counts the types the tagger gave a word earlier in the document.
type history map[string]*[nTypes + 1]uint16

// dynamicFeatures appends the features of token i that read the labels
// before it (l1 right before, l2 before that) and the document's history.
func dynamicFeatures(dst []uint64, t tokenInfo, l1, l2 int, h history) []uint64 {
	dst = append(dst,
		hashByte(hashKind(fLabel1), byte(l1)),
		hashByte(hashByte(hashKind(fLabel12), byte(l1)), byte(l2)),
		hashByte(feat(fLabelNorm, unkOr(t)), byte(l1)),
		hashByte(feat(fLabelShape, t.shape), byte(l1)),
	)
	if c := h[t.norm]; c != nil && t.capital {
		best := 0
		for k := 1; k <= nTypes; k++ {
			if c[k] > c[best] {
				best = k
			}
		}
		dst = append(dst, hashByte(hashKind(fHistory), byte(best)), hashByte(feat(fHistoryShape, t.shape), byte(best)))
	}
	return dst
}

// remember records the type of label l for token t in the history.
func (h history) remember(t tokenInfo, l int) {
	if !t.capital {
		return
	}
	c := h[t.norm]
	if c == nil {
		c = new([nTypes + 1]uint16)
		h[t.norm] = c
	}
	k := 0
	if l != 0 {
		_, typ := labelParts(l)
		k = typ + 1
	}
	c[k]++
}

func unkOr(t tokenInfo) string {
	if t.unk {
		return "<unk>"
	}
	return t.norm
}
