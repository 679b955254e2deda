package quote

import (
	"strings"
	"unicode"

	"parallax/internal/nlp/entity"
)

// maxAppositive bounds the words of a role written after a name.
const maxAppositive = 10

// roleOf returns the role the text gives the person named name (a full
// name, as name returns it): the title words before a mention of it ("BP
// Chief Operating Officer Doug Suttles" -> "BP chief operating officer")
// or an appositive after one ("Doug Suttles, BP's chief operating officer").
// Roles are looked up once per name.
func (f *finder) roleOf(name string) string {
	if name == "" || !strings.Contains(name, " ") {
		return ""
	}
	if r, ok := f.roleCache[name]; ok {
		return r
	}
	if f.roleCache == nil {
		f.roleCache = map[string]string{}
	}
	r := ""
	ws := strings.Fields(name)
	for _, i := range f.byWord[ws[len(ws)-1]] {
		m := f.mentions[i]
		if cleanName(m.Text) != name {
			continue
		}
		if r = f.titleBefore(m); r == "" {
			r = f.appositive(m)
		}
		if r != "" {
			break
		}
	}
	f.roleCache[name] = r
	return r
}

// titleBefore returns the role words right before person m, its own
// leading role words included, with an organisation's name before them
// ("BP", "BP 's"): title-case role words in lower case.
func (f *finder) titleBefore(m entity.Mention) string {
	var parts []string
	if lead := strings.TrimSuffix(m.Text, cleanName(m.Text)); lead != "" {
		parts = strings.Fields(lead)
	}
	head := strings.Fields(f.text[max(0, m.Start-80):m.Start])
	if m.Start-80 > 0 && len(head) > 0 {
		head = head[1:] // perhaps a cut word
	}
	i := len(head)
	for i > 0 && len(parts)+len(head)-i < 6 {
		w := head[i-1]
		if !roleWords[w] && !roles[strings.ToLower(w)] && !(len(parts) > 0 || i < len(head)) {
			break
		}
		if !roleWords[w] && !roles[strings.ToLower(w)] && !modifiers[strings.ToLower(w)] {
			break
		}
		i--
	}
	parts = append(head[i:len(head):len(head)], parts...)
	if len(parts) == 0 || !hasRoleWord(parts) {
		return ""
	}
	// the organisation the role is of: "BP", "Petrofac 's"
	if j := i - 1; j >= 0 {
		if head[j] == "'s" || head[j] == "’s" {
			if j > 0 {
				parts = append([]string{head[j-1] + "'s"}, parts...)
			}
		} else if k := f.before(m.Start); k > 0 {
			if o := f.mentions[k-1]; o.Type == entity.Org && strings.HasSuffix(strings.Join(head[:i], " "), o.Text) {
				parts = append([]string{o.Text}, parts...)
			}
		}
	}
	for k, w := range parts {
		if roleWords[w] || roles[strings.ToLower(w)] {
			parts[k] = strings.ToLower(w)
		}
	}
	return strings.Join(parts, " ")
}

// appositive returns the role in ", <role>," right after person m, when
// it holds a role word: "Keath Ladner, a Mississippi seafood processing
// company owner who employs about 70 boats" -> "Mississippi seafood
// processing company owner".
func (f *finder) appositive(m entity.Mention) string {
	rest := strings.TrimLeft(f.text[m.End:min(len(f.text), m.End+160)], " ")
	if !strings.HasPrefix(rest, ",") {
		return ""
	}
	rest = rest[1:]
	if i := strings.IndexAny(rest, ",;:.()\n\"“”`"); i >= 0 {
		rest = rest[:i]
	}
	ws := strings.Fields(rest)
	for k, w := range ws {
		if stop[w] && k > 0 { // "... owner who employs": the role ends at "who"
			ws = ws[:k]
			break
		}
	}
	if len(ws) == 0 || len(ws) > maxAppositive || !hasRoleWord(ws) {
		return ""
	}
	if determiners[strings.ToLower(ws[0])] && ws[0] != "his" && ws[0] != "her" {
		ws = ws[1:]
	}
	if len(ws) == 0 || !unicode.IsLetter([]rune(ws[0])[0]) {
		return ""
	}
	return strings.Join(ws, " ")
}

func hasRoleWord(ws []string) bool {
	for _, w := range ws {
		if lw := strings.ToLower(strings.TrimRight(w, ".,")); roles[lw] && !things[lw] {
			return true
		}
	}
	return false
}
