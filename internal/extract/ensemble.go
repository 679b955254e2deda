package extract

import (
	nurl "net/url"

	"golang.org/x/net/html"
)

// agreeSkip is the token-bag F1 between trafilatura's and readability's
// texts above which the third extractor is not run: two extractors that
// agree this closely leave the vote little to decide: readability's
// paragraphs (it has the cleaner paragraph edges) that trafilatura also
// holds are kept. On the dev set this skips the distiller on 86 of 97
// pages (68 at .97); F1 is flat for thresholds from .90 to .97.
const agreeSkip = 0.90

// ensemble merges trafilatura's text with the other extractors' readings:
// readability first, the distiller and the paragraph vote only when the
// two disagree. Captions and the like are pruned before either reads the
// tree.
func ensemble(doc *html.Node, pageURL *nurl.URL, traf string) string {
	pruneFurniture(doc)
	tv := newVoter(candidate{"trafilatura", traf})
	rv := newVoter(runReadability(doc, pageURL))
	if !tv.empty() && !rv.empty() && bagF1(tv.bag, rv.bag) >= agreeSkip {
		// What readability alone adds around an agreed article is its
		// container's furniture: author boxes, newsletter prompts,
		// related links.
		return intersect(rv, tv)
	}
	return vote([]*voter{tv, rv, newVoter(runDistiller(doc, pageURL))})
}
