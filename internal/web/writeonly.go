package web

import (
	"net/http"
)

// writeOnly guards the routes that change what Parallax knows (for now
// POST /groups). It is the one place write routes pass through: when the
// login middleware lands (issue #18: operator password, session cookie,
// API keys), writeOnly delegates to it. Until then it lets through only
// requests from loopback addresses (forwarding headers are not trusted)
// and answers 403 to any other; cross-origin browser requests are refused
// too (http.CrossOriginProtection: Sec-Fetch-Site and Origin), so that a
// page elsewhere cannot make the operator's browser post to a loopback
// Parallax.
func (h *handler) writeOnly(next http.Handler) http.Handler {
	csrf := http.NewCrossOriginProtection()
	guarded := csrf.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed(r.RemoteAddr, DefaultMetricsAllow) {
			h.log.Warn("web: write refused", "method", r.Method, "path", r.URL.Path, "remote", r.RemoteAddr)
			http.Error(w, "writes are accepted from loopback only", http.StatusForbidden)
			return
		}
		guarded.ServeHTTP(w, r)
	})
}
