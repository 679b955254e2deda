package web

import (
	"net"
	"net/http"
	"net/netip"
)

// writeOnly guards every route that changes what the store holds (the
// saved follows' POST routes). It is the one place that will delegate to
// the login middleware (session, API key, CSRF) once there is one; until
// then it lets through only requests from a loopback address (the
// operator on the machine itself) and answers 403 to any other.
func (h *handler) writeOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !fromLoopback(r) {
			http.Error(w, "forbidden: changes are allowed from this machine only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// fromLoopback reports whether the request's peer is a loopback address.
func fromLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}
