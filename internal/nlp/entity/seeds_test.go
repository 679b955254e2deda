package entity

import (
	"encoding/json"
	"strings"
	"testing"

	"parallax/internal/shared"
)

// seedGold is the part of seeds/GOLD.json these tests use.
type seedGold struct {
	Documents []struct {
		File      string   `json:"file"`
		BodyLines [][2]int `json:"body_lines"`
	} `json:"documents"`
	Entities map[string][][]string `json:"entities"`
}

// seedBodies returns the body text of each seed document by id ("000"...).
func seedBodies(t *testing.T) (map[string]string, seedGold) {
	docs, raw := shared.Seeds(t)
	var g seedGold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range docs {
		out[d.ID] = d.Body
	}
	return out, g
}

func TestSeedEntities(t *testing.T) {
	bodies, g := seedBodies(t)
	var docs []Doc
	all := ""
	for id, text := range bodies {
		docs = append(docs, Doc{ID: id, Mentions: Find(text)})
		all += "\n" + text
	}
	ents := Merge(docs)
	owner := map[string]int{} // alias -> entity index
	for i, e := range ents {
		for _, a := range e.Aliases {
			owner[a] = i
		}
	}
	present, found := 0, 0
	for typ, groups := range g.Entities {
		for _, names := range groups {
			var inText []string
			for _, n := range names {
				if strings.Contains(all, n) {
					inText = append(inText, n)
				}
			}
			if len(inText) == 0 {
				continue // not in the body text at all
			}
			present++
			hit := map[int]bool{}
			for _, n := range inText {
				if i, ok := owner[n]; ok {
					hit[i] = true
				}
			}
			if len(hit) == 0 {
				t.Logf("missed %s %v", typ, inText)
				continue
			}
			found++
			if len(hit) > 1 {
				t.Errorf("%s %v split over %d entities", typ, inText, len(hit))
			}
			for i := range hit {
				if string(ents[i].Type) != typ {
					t.Errorf("%v typed %s, want %s", inText, ents[i].Type, typ)
				}
			}
		}
	}
	// No two gold entities in one of ours.
	gold := map[int]string{}
	for _, groups := range g.Entities {
		for _, names := range groups {
			for _, n := range names {
				if i, ok := owner[n]; ok {
					if o, dup := gold[i]; dup && o != names[0] {
						t.Errorf("gold entities %q and %q merged", o, names[0])
					}
					gold[i] = names[0]
				}
			}
		}
	}
	t.Logf("gold entities found: %d/%d", found, present)
	if found*10 < present*9 {
		t.Errorf("found %d of %d gold entities, want >= 90%%", found, present)
	}
	for _, e := range ents {
		t.Logf("%-7s %-28s %v %v", e.Type, e.Name, e.Aliases, e.Mentions)
	}
}
