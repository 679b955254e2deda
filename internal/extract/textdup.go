package extract

import "strings"

// dupMaxLines bounds the quadratic duplicate search.
const dupMaxLines = 3000

// duplicates marks lines that repeat the title or whose words are mostly
// contained in another, longer line (standfirsts repeating the lead, pull
// quotes, repeated headlines).
func duplicates(lines []Line, title int) []bool {
	dup := make([]bool, len(lines))
	var titleKey string
	if title >= 0 && title < len(lines) {
		titleKey = normKey(lines[title].Text)
	}
	sets := make([]map[string]bool, len(lines))
	nonBlank := 0
	for i, l := range lines {
		if i != title && titleKey != "" && repeatsTitle(normKey(l.Text), titleKey) {
			dup[i] = true
		}
		if strings.TrimSpace(l.Text) != "" {
			nonBlank++
		}
	}
	if nonBlank > dupMaxLines {
		return dup
	}
	for i, l := range lines {
		sets[i] = wordSet(l.Text, 300)
	}
	for i := range lines {
		if len(sets[i]) < 8 || i == title || !sentenceEndRe.MatchString(strings.TrimSpace(lines[i].Text)) {
			continue
		}
		for j := range lines {
			if j == i || len(sets[j]) <= len(sets[i]) {
				continue
			}
			if containment(sets[i], sets[j]) >= 0.8 {
				dup[i] = true
				break
			}
		}
	}
	return dup
}

// repeatsTitle reports whether a line is the page title or the title's
// head before a " - Site" or " | Site" suffix.
func repeatsTitle(line, title string) bool {
	if line == title {
		return true
	}
	if len(strings.Fields(line)) < 3 || !strings.HasPrefix(title, line) {
		return false
	}
	rest := strings.TrimSpace(title[len(line):])
	return rest != "" && strings.ContainsAny(rest[:1], "-|–—:·•")
}

func normKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// wordSet returns the lower-cased content-word set of s, at most limit words.
func wordSet(s string, limit int) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ".,;:!?\"'“”‘’()[]")
		if w == "" || stopWords[w] {
			continue
		}
		set[w] = true
		if len(set) >= limit {
			break
		}
	}
	return set
}

// containment is the share of a's words found in b.
func containment(a, b map[string]bool) float64 {
	in := 0
	for w := range a {
		if b[w] {
			in++
		}
	}
	return float64(in) / float64(len(a))
}
