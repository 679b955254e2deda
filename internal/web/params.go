package web

import (
	"net/http"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// maxIDLen bounds the ids accepted in paths.
const maxIDLen = 256

// pathID returns the {id} path value, or a bad-request error when it
// cannot be an id: empty, too long, not UTF-8 or holding control or space
// characters.
func pathID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > maxIDLen || !utf8.ValidString(id) {
		return "", badRequest{"invalid id"}
	}
	for _, c := range id {
		if unicode.IsControl(c) || unicode.IsSpace(c) {
			return "", badRequest{"invalid id"}
		}
	}
	return id, nil
}

// intParam parses an optional non-negative integer query parameter,
// returning def when absent and an error when malformed or above max.
func intParam(r *http.Request, name string, def, min, max int) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, badRequest{name + " must be an integer from " + strconv.Itoa(min) + " to " + strconv.Itoa(max)}
	}
	return n, nil
}
