package brief

import "strings"

// synonyms rewrites a few news-domain variants to one form before terms
// are taken, so that outlets wording the same fact differently still match.
var synonyms = strings.NewReplacer(
	"cease-fire", "ceasefire", "Cease-fire", "ceasefire", "cease fire", "ceasefire",
	"truce", "ceasefire", "Truce", "ceasefire",
	"cessation of hostilities", "ceasefire", "Cessation of Hostilities", "ceasefire",
	"U.S.", "US", "United States", "US", "U.N.", "UN", "United Nations", "UN",
	"State Dept.", "State Department",
	"assaults", "attacks", "assault", "attack", "Assault", "Attack",
	"fell apart", "collapsed", "broke down", "collapsed",
)

// normalize applies synonyms.
func normalize(s string) string { return synonyms.Replace(s) }
