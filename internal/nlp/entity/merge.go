package entity

import (
	"sort"
	"strings"
)

// Doc is the mentions Find returned for one document.
type Doc struct {
	ID       string
	Mentions []Mention
}

// Entity is one person, organisation or place across documents.
type Entity struct {
	Name     string
	Type     Type
	Aliases  []string       // distinct surface forms, most frequent first
	Mentions map[string]int // per document id
}

// Total returns the number of mentions over all documents.
func (e *Entity) Total() int {
	n := 0
	for _, c := range e.Mentions {
		n += c
	}
	return n
}

// group collects the mentions merged into one entity.
type group struct {
	name    string // canonical name when known
	fixed   Type   // the gazetteer's type, when known
	types   map[Type]int
	aliases map[string]int
	docs    map[string]int
}

func newGroup(name string) *group {
	return &group{name: name, types: map[Type]int{}, aliases: map[string]int{}, docs: map[string]int{}}
}

func (g *group) add(m Mention, doc string) {
	g.types[m.Type]++
	g.aliases[clean(m.Text)]++
	g.docs[doc]++
}

// Merge groups the mentions of docs into entities, most mentioned first.
// Mentions of Unknown type join a person by surname or a known name, and
// are dropped otherwise.
func Merge(docs []Doc) []Entity {
	groups := map[string]*group{}
	get := func(key, name string) *group {
		g := groups[key]
		if g == nil {
			g = newGroup(name)
			groups[key] = g
		}
		return g
	}
	var persons, unknown []docMention
	var orgs, others []docMention
	things, corps, surnames := thingNames(docs), companies(docs), storySurnames(docs)
	sense := oneSense(docs)
	for _, d := range docs {
		for _, m := range promote(d.Mentions) {
			if t, ok := sense[normKey(m.Text)]; ok && m.Type != Unknown {
				m.Type = t // "Sirte" a place in the story, not an organisation in one sentence
			}
			if m.Type == Person && things[normKey(m.Text)] {
				m.Type = Org // "Deepwater Horizon", written "the Deepwater Horizon" elsewhere
			}
			if m.Type != Org && corps[normKey(m.Text)] {
				m.Type = Org // "Halliburton", when the story also writes "Halliburton Co."
			} else if asSurname(m, surnames) {
				m.Type = Person // "Streep" typed ORG, when the story writes "Meryl Streep"
			}
			if key, name, ok := knownKey(m); ok {
				g := get(key, name)
				g.fixed = aliasGroups[exactKnownOrKey(name)].typ
				g.add(m, d.ID)
				others = append(others, docMention{d.ID, m})
				continue
			}
			switch m.Type {
			case Person:
				persons = append(persons, docMention{d.ID, m})
			case Unknown:
				unknown = append(unknown, docMention{d.ID, m})
			case Org:
				orgs = append(orgs, docMention{d.ID, m})
				others = append(others, docMention{d.ID, m})
			case Place:
				get("p:"+placeKey(m.Text), "").add(m, d.ID)
				others = append(others, docMention{d.ID, m})
			}
		}
	}
	mergeOrgs(orgs, get)
	mergePersons(persons, unknown, others, get)
	return finish(groups)
}

// oneSense returns, for each name (normKey) that the story's mentions
// type in more than one way, the type most of them give when they agree
// clearly (two thirds of at least three typed mentions): one name, one
// sense in one story, as in Gale et al. 1992. A name typed alike
// throughout is not listed.
func oneSense(docs []Doc) map[string]Type {
	counts := map[string]map[Type]int{}
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.Type == Unknown {
				continue
			}
			k := normKey(m.Text)
			if counts[k] == nil {
				counts[k] = map[Type]int{}
			}
			counts[k][m.Type]++
		}
	}
	out := map[string]Type{}
	for k, c := range counts {
		if len(c) < 2 {
			continue
		}
		total, best, bestN := 0, Unknown, 0
		for t, n := range c {
			total += n
			if n > bestN || n == bestN && t < best {
				best, bestN = t, n
			}
		}
		if total >= 3 && 3*bestN >= 2*total {
			out[k] = best
		}
	}
	return out
}

type docMention struct {
	doc string
	m   Mention
}

// knownKey returns the alias-group key of a gazetteer name.
func knownKey(m Mention) (string, string, bool) {
	s := clean(m.Text)
	if m.Type == Place {
		s = stripDirection(s)
	}
	if m.Type == Org {
		s = stripCountry(s)
	}
	g, ok := exactKnown[s]
	if !ok {
		k := normKey(s)
		if len(k) > 3 || strings.Contains(k, " ") {
			g, ok = known[k]
		}
	}
	if !ok {
		return "", "", false
	}
	return "g:" + aliasGroups[g].names[0], aliasGroups[g].names[0], true
}

// clean collapses white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// orgKey normalises an organisation's name. A country before it stays:
// "Kenya Red Cross" is not the Red Cross (the gazetteer knows the names
// where it may go, "US State Department").
func orgKey(s string) string {
	k := normKey(s)
	k = strings.ReplaceAll(k, "dept", "department")
	k = strings.TrimPrefix(k, "the ")
	for _, suf := range []string{" inc", " corp", " corporation", " co", " ltd", " plc", " llc", " group"} {
		if t := strings.TrimSuffix(k, suf); t != k && strings.TrimSpace(t) != "" {
			return t
		}
	}
	return k
}

// exactKnownOrKey returns the alias group of a canonical name.
func exactKnownOrKey(name string) int {
	if g, ok := exactKnown[name]; ok {
		return g
	}
	return known[normKey(name)]
}

func placeKey(s string) string { return normKey(stripDirection(s)) }

// stripDirection drops a leading direction word ("eastern Aleppo").
//
// A capitalised one names a place of its own ("East Baltimore", "North
// Memphis", "West Africa") and stays.
func stripDirection(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 && directions[s[:i]] && !capitalized(s[:i]) {
		return s[i+1:]
	}
	return s
}

// stripCountry drops a leading country from an organisation name when two
// or more words remain ("US State Department" -> "State Department").
func stripCountry(s string) string {
	ws := strings.Fields(s)
	if len(ws) >= 3 {
		if t, ok := gazType(ws[0]); ok && t == Place {
			return strings.Join(ws[1:], " ")
		}
	}
	return s
}

// finish turns groups into entities: type by majority (Unknown never wins),
// name the canonical one or the most frequent multi-word alias.
func finish(groups map[string]*group) []Entity {
	var out []Entity
	for _, g := range groups {
		if len(g.aliases) == 0 {
			continue
		}
		e := Entity{Name: g.name, Type: majority(g.types), Mentions: g.docs}
		if g.fixed != Unknown {
			e.Type = g.fixed
		}
		if e.Type == Unknown {
			continue
		}
		for a := range g.aliases {
			e.Aliases = append(e.Aliases, a)
		}
		sort.Slice(e.Aliases, func(i, j int) bool {
			a, b := e.Aliases[i], e.Aliases[j]
			if g.aliases[a] != g.aliases[b] {
				return g.aliases[a] > g.aliases[b]
			}
			return a < b
		})
		if e.Name == "" {
			e.Name = bestName(e.Aliases, g.aliases)
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if ti, tj := out[i].Total(), out[j].Total(); ti != tj {
			return ti > tj
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return strings.Join(out[i].Aliases, "\x00") < strings.Join(out[j].Aliases, "\x00")
	})
	return out
}

func majority(types map[Type]int) Type {
	best, n := Unknown, 0
	for _, t := range []Type{Person, Org, Place} {
		if types[t] > n {
			best, n = t, types[t]
		}
	}
	return best
}

// bestName prefers the most frequent alias of two or more words (without a
// direction word or a leading country), then the shorter, then any alias.
func bestName(aliases []string, freq map[string]int) string {
	best := ""
	for _, a := range aliases {
		if !strings.Contains(a, " ") || stripDirection(a) != a || stripCountry(a) != a {
			continue
		}
		if best == "" || freq[a] > freq[best] || (freq[a] == freq[best] && len(a) < len(best)) {
			best = a
		}
	}
	if best == "" {
		best = aliases[0]
	}
	return best
}

// thingNames returns the names of two words or more that the story writes
// after "the" somewhere: things or groups, never persons.
func thingNames(docs []Doc) map[string]bool {
	out := map[string]bool{}
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.AfterThe && strings.Contains(strings.TrimSpace(m.Text), " ") {
				out[normKey(m.Text)] = true
			}
		}
	}
	return out
}

// companies returns the names the story also writes with a corporate
// suffix ("Halliburton Co.", "Acme Inc."): alone, they name the company.
func companies(docs []Doc) map[string]bool {
	out := map[string]bool{}
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.Type != Org {
				continue
			}
			k := normKey(m.Text)
			for _, suf := range []string{" inc", " corp", " corporation", " co", " ltd", " plc", " llc", " company"} {
				if b := strings.TrimSuffix(k, suf); b != k && b != "" {
					out[b] = true
				}
			}
		}
	}
	return out
}
