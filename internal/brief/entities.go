package brief

import (
	"sort"

	"parallax/internal/model"
	"parallax/internal/nlp/entity"
)

// entities finds and merges the names of every article.
func (c *corpus) entities() []model.Entity { return entitiesOf(c.docs) }

// entitiesOf finds the names of each article with the entity model and
// merges them across the articles (aliases joined only when safe: see
// entity.Merge).
func entitiesOf(docs []*model.Article) []model.Entity {
	ds := make([]entity.Doc, 0, len(docs))
	for _, d := range docs {
		ds = append(ds, entity.Doc{ID: d.ID, Mentions: entity.Find(d.Text)})
	}
	ents := entity.Merge(ds)
	out := make([]model.Entity, 0, len(ents))
	for _, e := range ents {
		src := make([]string, 0, len(e.Mentions))
		for id := range e.Mentions {
			src = append(src, id)
		}
		sort.Strings(src)
		out = append(out, model.Entity{Name: e.Name, Type: string(e.Type), Aliases: e.Aliases, Sources: src, Mentions: e.Mentions})
	}
	return out
}
