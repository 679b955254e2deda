package cluster

import (
	"parallax/internal/nlp/stem"
	"parallax/internal/nlp/token"
)

func isStop(w string) bool { return token.IsStop(w) }

func stemWord(w string) string { return stem.Porter(w) }

// detectLang is TEMPORARY until parallax/internal/nlp/lang lands.
func detectLang(string) string { return "und" }
