package feed

import (
	_ "embed"
	"strings"
)

//go:embed defaults.txt
var defaultsTxt string

// DefaultFeeds returns the world-news feeds of well-known public outlets
// that Parallax follows when its feed list is empty.
func DefaultFeeds() []string {
	var out []string
	for _, line := range strings.Split(defaultsTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}
