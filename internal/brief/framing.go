package brief

import (
	"regexp"
	"sort"
	"strings"

	"parallax/internal/model"
	"parallax/internal/nlp/token"
)

// loaded are sensational or loaded words.
var loaded = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`apocalyptic bizarre blame blasted bloodbath brutal brutality catastrophe
		catastrophic chaos collapse crisis crushing deadly devastating devil disaster disastrous doom epic
		escalate escalation evil explosive ferocious fury horrific horrifying illegal illegally insane
		invasion jihadists massacre menace nightmare outrage outrageous propaganda regime rogue sabotage
		sabotaging savage scandal shocking slammed slaughter stunning terror terrorists terrifying threat
		threatens unprecedented vicious war warmongers slams destroy destroyed lies lying puppet proxy
		radical extremist hardened shameful disgrace disgraceful humiliating humiliation spiral`) {
		loaded[w] = true
	}
}

// attribution marks a sentence that says who says so.
var attribution = regexp.MustCompile(`(?i)\b(said|says|say|told|tells|according to|claimed|claims|stated|states|announced|reported|reports|added|insisted|argued|warned|accused|denied|acknowledged|explained|noted)\b|[“”"]|''|` + "``")

// framing describes each outlet: the loaded words it uses, its attributed
// and unattributed assertive sentences, and whose quotations it carries.
func (c *corpus) framing(quotes []model.Quote) []model.OutletFraming {
	by := map[string]*model.OutletFraming{}
	var order []string
	speakers := map[string]map[string]bool{}
	words := map[string]map[string]bool{}
	artOutlet := map[string]string{}
	for a, d := range c.docs {
		o := c.outlet[a]
		artOutlet[d.ID] = o
		f := by[o]
		if f == nil {
			f = &model.OutletFraming{Source: outletLabel(d)}
			by[o] = f
			order = append(order, o)
			speakers[o] = map[string]bool{}
			words[o] = map[string]bool{}
		}
		f.Articles = append(f.Articles, d.ID)
		for _, w := range token.Words(d.Text) {
			if loaded[w] {
				words[o][w] = true
			}
		}
	}
	for _, s := range c.sents {
		f := by[c.outlet[s.art]]
		switch {
		case attribution.MatchString(s.text):
			f.Attributed++
		case s.words >= minWords && !strings.HasSuffix(strings.TrimSpace(s.text), "?"):
			f.Unattributed++
		}
	}
	for _, q := range quotes {
		if q.Speaker != "" {
			speakers[artOutlet[q.Source]][q.Speaker] = true
		}
	}
	sort.Strings(order)
	out := make([]model.OutletFraming, 0, len(order))
	for _, o := range order {
		f := by[o]
		f.Loaded = sortedIDs(words[o])
		f.Speakers = sortedIDs(speakers[o])
		out = append(out, *f)
	}
	return out
}
