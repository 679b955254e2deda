package brief

import "strings"

// ptb undoes the Penn Treebank tokenisation some archives ship their text
// in ("do n't", "the U.S. ,", "“ quoted ”", "-LRB-"), so that a reader
// sees the sentence as it was written.
var ptb = strings.NewReplacer(
	" n't", "n't", " 's ", "'s ", " 're ", "'re ", " 've ", "'ve ", " 'll ", "'ll ", " 'd ", "'d ", " 'm ", "'m ",
	"`` ", "“", " ''", "”", "``", "“", "''", "”",
	"-LRB- ", "(", " -RRB-", ")", "-LRB-", "(", "-RRB-", ")",
	"-LSB- ", "[", " -RSB-", "]", "-LCB- ", "{", " -RCB-", "}",
	" ,", ",", " .", ".", " ;", ";", " :", ":", " ?", "?", " !", "!", " %", "%", "$ ", "$",
)

// Detokenize returns s with Penn Treebank tokenisation undone; other text
// is returned as it is, but for spaces before punctuation.
func Detokenize(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	out := ptb.Replace(s)
	if strings.HasSuffix(s, " 's") { // the replacer needs a space after
		out = strings.TrimSuffix(out, " 's") + "'s"
	}
	return strings.Join(strings.Fields(out), " ")
}
