package brief

import (
	"parallax/internal/model"
	"parallax/internal/nlp/quote"
)

// quotes finds the quotations of every article; a speaker that is an alias
// of an entity is named by the entity.
func (c *corpus) quotes(ents []model.Entity) []model.Quote {
	canon := map[string]string{}
	for _, e := range ents {
		for _, a := range e.Aliases {
			if _, ok := canon[a]; !ok {
				canon[a] = e.Name
			}
		}
	}
	out := []model.Quote{}
	for _, d := range c.docs {
		for _, q := range quote.Find(d.Text) {
			who := q.Speaker
			if n, ok := canon[who]; ok {
				who = n
			}
			out = append(out, model.Quote{Speaker: who, Role: q.Role, Text: Detokenize(q.Text), Source: d.ID})
		}
	}
	return out
}
