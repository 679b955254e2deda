package entity

import "strings"

// mergeOrgs groups organisation mentions by their normalised name ("The
// Acme Corp." = "Acme"), and an acronym with the one organisation of the
// story whose initials it spells ("FSA" = "Free Syrian Army"); when two or
// more organisations fit, the acronym stays apart.
func mergeOrgs(orgs []docMention, get func(key, name string) *group) {
	byInitials := map[string]map[string]bool{} // initials -> org keys
	for _, dm := range orgs {
		k := orgKey(dm.m.Text)
		if in := initialsOf(dm.m.Text); len(in) >= 2 {
			if byInitials[in] == nil {
				byInitials[in] = map[string]bool{}
			}
			byInitials[in][k] = true
		}
	}
	for _, dm := range orgs {
		k := orgKey(dm.m.Text)
		if w := clean(dm.m.Text); isAcronym(w) {
			if keys := byInitials[strings.ReplaceAll(w, ".", "")]; len(keys) == 1 {
				for only := range keys {
					k = only
				}
			}
		}
		get("o:"+k, "").add(dm.m, dm.doc)
	}
}

// isAcronym reports whether w is one word of 2 to 6 capitals ("FSA", "U.N.").
func isAcronym(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// initialsOf returns the initials of a name of three words or more,
// skipping "of", "the", "and", "for": "Free Syrian Army" -> "FSA".
func initialsOf(s string) string {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "&":
			continue
		}
		if !capitalized(w) {
			return ""
		}
		b.WriteByte(w[0])
	}
	return b.String()
}
