package token

import "strings"

// stopList is NLTK's English stop-word list (which already holds the
// pieces `\w+` makes of contractions: "don", "t", "ll", ...) plus modal
// verbs and news reporting words that carry no topic.
const stopList = `
i me my myself we our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their
theirs themselves what which who whom this that these those am is are was
were be been being have has had having do does did doing a an the and but
if or because as until while of at by for with about against between into
through during before after above below to from up down in out on off over
under again further then once here there when where why how all any both
each few more most other some such no nor not only own same so than too
very s t can will just don should now d ll m o re ve y ain aren couldn
didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn
weren won wouldn
also would could might must shall may cannot said says mr mrs ms
`

var stopWords = func() map[string]struct{} {
	m := make(map[string]struct{}, 200)
	for _, w := range strings.Fields(stopList) {
		m[w] = struct{}{}
	}
	return m
}()

// IsStop reports whether the lower-case word w is an English stop word.
func IsStop(w string) bool {
	_, ok := stopWords[w]
	return ok
}
