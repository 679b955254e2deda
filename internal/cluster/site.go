package cluster

import "strings"

// siteSuffixes are the endings of the host names outlets put in their
// titles ("WFMJ.com", "Nola.com", "BBC.co.uk").
var siteSuffixes = []string{".com", ".net", ".org", ".gov", ".edu", ".info", ".biz", ".tv", ".us", ".uk", ".ca", ".au", ".ie", ".news", ".io"}

// namesSite reports whether a title segment holds a host name: a word with
// a dot inside, letters or digits on both sides, ending in a common
// top-level domain.
func namesSite(seg string) bool {
	for w := range strings.FieldsSeq(seg) {
		w = strings.ToLower(strings.TrimRight(w, ".,:;!?)'\""))
		i := strings.IndexByte(w, '.')
		if i <= 0 || i == len(w)-1 {
			continue
		}
		for _, suf := range siteSuffixes {
			if strings.HasSuffix(w, suf) && len(w) > len(suf) && w[len(w)-len(suf)-1] != '.' {
				return true
			}
		}
	}
	return false
}
