package search

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateLayout is the form of after: and before: values.
const dateLayout = "2006-01-02"

// clause is one lexed piece of a query: an optional negation, an optional
// key (before a colon) and a value (a phrase when it was quoted).
type clause struct {
	neg    bool
	key    string
	value  string
	quoted bool
}

// Parse reads a query typed by a reader. Words, "phrases" and -exclusions
// match text; person:, org:, place: match the brief's entities; outlet:,
// after: and before: filter. A key it does not know is read as text. It
// fails on a query too long or with too many clauses, a bad date, and a
// query with nothing positive to match (see Query.Positive).
func Parse(s string) (Query, error) {
	var q Query
	if len(s) > MaxQueryBytes {
		return q, fmt.Errorf("%w (%d bytes, at most %d)", ErrTooLong, len(s), MaxQueryBytes)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	for _, c := range lex(s) {
		if err := q.add(c); err != nil {
			return Query{}, err
		}
	}
	if n := len(q.Terms) + len(q.Exclude) + len(q.Entities) + len(q.Outlets); n > MaxClauses {
		return Query{}, fmt.Errorf("%w (%d, at most %d)", ErrTooMany, n, MaxClauses)
	}
	if !q.After.IsZero() && !q.Before.IsZero() && !q.After.Before(q.Before) {
		return Query{}, ErrBadRange
	}
	if !q.Positive() {
		return Query{}, ErrEmpty
	}
	return q, nil
}

// add puts one clause into q.
func (q *Query) add(c clause) error {
	switch c.key {
	case "person", "org", "place":
		if toks := Tokens(c.value); len(toks) > 0 {
			if c.neg {
				q.Exclude = appendNew(q.Exclude, toks)
				return nil
			}
			e := Entity{Type: strings.ToUpper(c.key), Tokens: toks}
			if !slices.ContainsFunc(q.Entities, func(x Entity) bool { return x.Type == e.Type && slices.Equal(x.Tokens, e.Tokens) }) {
				q.Entities = append(q.Entities, e)
			}
		}
	case "outlet":
		if h := host(c.value); h != "" && !c.neg && !slices.Contains(q.Outlets, h) {
			q.Outlets = append(q.Outlets, h)
		}
	case "sort":
		switch strings.ToLower(c.value) {
		case "newest", "new", "date":
			q.Order = Newest
		case "relevance", "best":
			q.Order = ByRelevance
		default:
			return fmt.Errorf("%w: sort:%s (newest or relevance)", ErrBadSort, c.value)
		}
	case "after", "before":
		d, err := time.Parse(dateLayout, c.value)
		if err != nil {
			return fmt.Errorf("%w: %s:%s", ErrBadDate, c.key, c.value)
		}
		if c.key == "after" {
			q.After = d
		} else {
			q.Before = d
		}
	default:
		text := c.value
		if c.key != "" {
			text = c.key + ":" + c.value
		}
		if toks := Tokens(text); len(toks) > 0 {
			if c.neg {
				q.Exclude = appendNew(q.Exclude, toks)
			} else {
				q.Terms = appendNew(q.Terms, toks)
			}
		}
	}
	return nil
}

// appendNew appends toks unless list already holds it.
func appendNew(list [][]string, toks []string) [][]string {
	if slices.ContainsFunc(list, func(x []string) bool { return slices.Equal(x, toks) }) {
		return list
	}
	return append(list, toks)
}

// lex splits s into clauses: whitespace separates them, double quotes
// group (an unclosed quote runs to the end), a leading '-' negates, and a
// known key before a colon names the clause.
func lex(s string) []clause {
	var out []clause
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			return out
		}
		var c clause
		if len(s) > 1 && s[0] == '-' {
			c.neg, s = true, s[1:]
		}
		if k, rest, ok := key(s); ok {
			c.key, s = k, rest
		}
		c.value, c.quoted, s = value(s)
		out = append(out, c)
	}
}

// keys are the operators Parse knows.
var keys = []string{"person", "org", "place", "outlet", "after", "before", "sort"}

// key reads a known operator and its colon at the start of s.
func key(s string) (string, string, bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return "", s, false
	}
	k := strings.ToLower(s[:i])
	if !slices.Contains(keys, k) {
		return "", s, false
	}
	return k, s[i+1:], true
}

// value reads a quoted phrase or a word at the start of s.
func value(s string) (string, bool, string) {
	if strings.HasPrefix(s, `"`) {
		s = s[1:]
		if i := strings.IndexByte(s, '"'); i >= 0 {
			return s[:i], true, s[i+1:]
		}
		return s, true, ""
	}
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, false, ""
	}
	return s[:i], false, s[i:]
}

// Tokens splits text as the indexes do: runs of letters and digits, lower
// case. Each token is cut to 64 bytes.
func Tokens(text string) []string {
	f := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, t := range f {
		t = strings.ToLower(t)
		if len(t) > 64 {
			t = strings.ToValidUTF8(t[:64], "")
		}
		f[i] = t
	}
	return f
}

// host normalises an outlet: lower case, without scheme, path, a
// leading "www.", double quotes or repeated spaces. Outlets are usually
// hosts (bbc.co.uk) but may be names ("city wire").
func host(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.Index(v, "://"); i >= 0 {
		v = v[i+3:]
	}
	if i := strings.IndexAny(v, "/?#"); i >= 0 {
		v = v[:i]
	}
	v = strings.Join(strings.Fields(strings.ReplaceAll(v, `"`, " ")), " ")
	return strings.Trim(strings.TrimPrefix(v, "www."), ". ")
}
