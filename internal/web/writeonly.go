package web

import (
	"net/http"
)

// writeOnly guards the routes that change the outlet labels (POST
// /groups). It was written before the login middleware landed, letting
// through loopback requests only; it now delegates to it (requireWrite,
// auth.go): an API key (Authorization: Bearer), or the operator's session
// with its CSRF token; otherwise 401 on /api/, a redirect to /login for
// pages, and 403 when no password is set.
func (h *handler) writeOnly(next http.Handler) http.Handler {
	return h.requireWrite(next.ServeHTTP)
}
