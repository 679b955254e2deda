package cluster

import (
	"parallax/internal/nlp/lang"
	"parallax/internal/nlp/stem"
	"parallax/internal/nlp/token"
)

func isStop(w string) bool { return token.IsStop(w) }

func stemWord(w string) string { return stem.Porter(w) }

// detectLang names an article's language when the input did not; "und"
// (undetermined) when detection is unsure.
func detectLang(s string) string {
	if l := lang.Detect(s); l != "" {
		return l
	}
	return "und"
}
