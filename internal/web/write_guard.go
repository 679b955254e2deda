package web

import "net/http"

// writeOnly guards every route that changes the saved follows. It is
// the one place where they meet the login middleware: it delegates to
// requireWrite (auth.go), which lets through an API key or the
// operator's session with its CSRF token.
func (h *handler) writeOnly(next http.Handler) http.Handler {
	return h.requireWrite(next.ServeHTTP)
}
