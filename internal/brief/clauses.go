package brief

import (
	"strings"

	"parallax/internal/nlp/token"
)

// clauseCuts are the connectives at which a sentence splits into clauses,
// so that a fact can be matched and shown without the rest of its
// sentence: coordinated main clauses, contrast, and non-restrictive
// relative clauses. The connective belongs to neither clause.
var clauseCuts = []string{
	"; ", ", but ", " but ", ", and ", ", while ", ", whereas ", ", where ", ", which ", ", who ",
	" and have ", " and has ", " and had ", " and was ", " and were ",
}

// minClauseWords is the least words each side of a cut must hold.
const minClauseWords = 3

// clauses returns the clauses of a sentence as verbatim substrings, in
// order; a sentence without a cut is one clause.
func clauses(s string) []string {
	if i := appositiveClause(s); i > 0 {
		a, b := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:])
		if len(token.Words(a)) >= minClauseWords && len(token.Words(b)) >= minClauseWords {
			return append(clauses(a), clauses(b)...)
		}
	}
	for _, cut := range clauseCuts {
		i := strings.Index(s, cut)
		for i >= 0 {
			a, b := s[:i], s[i+len(cut):]
			if cut[0] == ' ' && strings.HasPrefix(cut, " and ") {
				b = s[i+len(" and "):] // the auxiliary starts the clause
			}
			if len(token.Words(a)) >= minClauseWords && len(token.Words(b)) >= minClauseWords {
				return append(clauses(strings.TrimSpace(a)), clauses(strings.TrimSpace(b))...)
			}
			j := strings.Index(s[i+1:], cut)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return []string{s}
}

// appositiveClause returns the offset of the comma opening an appositive
// that comments on the clause before it (", a move that places ...", ", a
// step which ..."), else -1.
func appositiveClause(s string) int {
	for i := strings.Index(s, ", a "); i >= 0; {
		ws := strings.Fields(s[i+4:])
		for k := 0; k < min(3, len(ws)); k++ {
			if ws[k] == "that" || ws[k] == "which" {
				return i
			}
		}
		j := strings.Index(s[i+1:], ", a ")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return -1
}
