package web

import (
	"net/http"
	"strconv"

	"parallax/internal/model"
)

// pathID returns the {id} path value, or a bad-request error when it
// cannot be an id (model.CheckID: the rule the CLI and the store apply,
// so that every stored article can be viewed).
func pathID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if model.CheckID(id) != nil {
		return "", badRequest{"invalid id"}
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
