package model

import "strings"

// OutletName is the name an outlet is stored and labelled under: s
// trimmed, and a host name with a port ("wfaa.com:80", as some archives
// record the source) without the port. Other names ("BBC News",
// "Le Monde: Afrique") are kept as given.
func OutletName(s string) string {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ':')
	if i <= 0 || i == len(s)-1 || !isHostName(s[:i]) {
		return s
	}
	for _, c := range s[i+1:] {
		if c < '0' || c > '9' {
			return s
		}
	}
	return s[:i]
}

// isHostName reports whether s is letters, digits, dots and hyphens only,
// with a dot (a DNS name, not a word).
func isHostName(s string) bool {
	if !strings.Contains(s, ".") {
		return false
	}
	for _, c := range s {
		ok := c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !ok {
			return false
		}
	}
	return true
}
