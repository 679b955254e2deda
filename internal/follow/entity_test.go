package follow_test

import (
	"testing"

	"parallax/internal/follow"
	"parallax/internal/search"
)

// FuzzEntityQuery: whatever a reader types as an entity's type and name,
// EntityQuery refuses it or gives a query that parses to that one entity.
func FuzzEntityQuery(f *testing.F) {
	for _, s := range [][2]string{{"person", "Thad Allen"}, {"ORG", `B"P`}, {"place", "  "}, {"animal", "x"}, {"person", "-x"}, {"org", "a:b after:2010-01-01"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, typ, name string) {
		q, err := follow.EntityQuery(typ, name)
		if err != nil {
			return
		}
		parsed, err := search.Parse(q)
		if err != nil {
			t.Fatalf("EntityQuery(%q, %q) = %q, which does not parse: %v", typ, name, q, err)
		}
		if len(parsed.Entities) != 1 || len(parsed.Terms) != 0 || len(parsed.Exclude) != 0 || !parsed.After.IsZero() {
			t.Fatalf("EntityQuery(%q, %q) = %q parses to %+v", typ, name, q, parsed)
		}
	})
}
