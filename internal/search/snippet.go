package search

import (
	"strings"
	"unicode"
)

// SnippetWords is how many words a snippet holds.
const SnippetWords = 36

// Snippet returns about SnippetWords words of text around the first place
// where one of q's text clauses occurs (Matches), with "…" where it cuts;
// the start of the text when none does.
func Snippet(text string, q Query) string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return ""
	}
	at, match := 0, q.matcher()
	for i, w := range words {
		if match(w) {
			at = i
			break
		}
	}
	start := max(0, at-SnippetWords/3)
	end := min(len(words), start+SnippetWords)
	start = max(0, end-SnippetWords)
	s := strings.Join(words[start:end], " ")
	if start > 0 {
		s = "… " + s
	}
	if end < len(words) {
		s += " …"
	}
	return s
}

// Fragment is a piece of a snippet; Match marks a word the query found.
type Fragment struct {
	Text  string
	Match bool
}

// Highlight splits a snippet into fragments, marking the words that match
// q's text clauses, for a page to show them in bold without writing HTML.
func Highlight(snippet string, q Query) []Fragment {
	var out []Fragment
	match := q.matcher()
	for len(snippet) > 0 {
		i := strings.IndexFunc(snippet, unicode.IsSpace)
		if i < 0 {
			i = len(snippet)
		}
		w := snippet[:i]
		j := i + len(snippet[i:]) - len(strings.TrimLeftFunc(snippet[i:], unicode.IsSpace))
		if match(w) {
			out = append(out, Fragment{Text: w, Match: true}, Fragment{Text: snippet[i:j]})
		} else if n := len(out); n > 0 && !out[n-1].Match {
			out[n-1].Text += snippet[:j]
		} else {
			out = append(out, Fragment{Text: snippet[:j]})
		}
		snippet = snippet[j:]
	}
	return out
}

// Matches reports whether a word of text holds a token of q's text
// clauses: equal to it, or (for tokens of four letters or more) starting
// with it or it with the word, a rough stand-in for the indexes' stemming.
func (q Query) Matches(word string) bool { return q.matcher()(word) }

// matcher returns Matches with q's tokens gathered once.
func (q Query) matcher() func(string) bool {
	var toks []string
	for _, c := range q.TextClauses() {
		toks = append(toks, c...)
	}
	return func(word string) bool {
		for _, t := range Tokens(word) {
			for _, tok := range toks {
				if t == tok || len(tok) >= 4 && len(t) >= 4 && (strings.HasPrefix(t, tok) || strings.HasPrefix(tok, t)) {
					return true
				}
			}
		}
		return false
	}
}
