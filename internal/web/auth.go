package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"parallax/internal/store"
)

// errNoPassword refuses writes when no operator password is configured.
var errNoPassword = forbidden{"set PARALLAX_PASSWORD to enable changes"}

// auth decides who may write (and, on a public address, read): the
// operator logged in with the password (a session cookie, CSRF-checked),
// or a client with an API key (Authorization: Bearer).
type auth struct {
	st     store.Auth
	hash   []byte // bcrypt of the operator's password (HashPassword); nil: none set
	public bool   // served beyond loopback: reads need a login too (when a password is set)
	ttl    time.Duration
	now    func() time.Time
	log    *slog.Logger
	logins *attemptLimiter
}

func newAuth(st store.Auth, opts Options) *auth {
	return &auth{st: st, hash: opts.PasswordHash, public: opts.Public, ttl: opts.SessionTTL,
		now: time.Now, log: opts.Log, logins: newAttemptLimiter(opts.LoginAttempts, time.Minute)}
}

// requireWrite lets a write through only with an API key
// (Authorization: Bearer KEY, no CSRF token needed) or a logged-in
// session whose CSRF token the request carries (form field "csrf" or
// header X-CSRF-Token). Otherwise: 401 on /api/, a redirect to /login for
// pages, and 403 "set PARALLAX_PASSWORD to enable changes" when no
// password is configured (an API key still works then). Every
// POST/PUT/PATCH/DELETE route goes through it (routes.go).
func (h *handler) requireWrite(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxWriteBody)
		if err := h.auth.allowWrite(r); err != nil {
			h.deny(w, r, err)
			return
		}
		next(w, r)
	})
}

// maxWriteBody bounds the body of a write (an OPML upload is the largest).
const maxWriteBody = 2 << 20

func (a *auth) allowWrite(r *http.Request) error {
	if hdr := r.Header.Get("Authorization"); hdr != "" {
		return a.checkKey(r.Context(), hdr)
	}
	if a.hash == nil {
		return errNoPassword
	}
	s := sessionOf(r)
	if s == nil {
		return ErrUnauthorized
	}
	return checkCSRF(r, s.CSRF)
}

// checkKey accepts "Bearer KEY" for a stored, unrevoked key.
func (a *auth) checkKey(ctx context.Context, hdr string) error {
	scheme, key, ok := strings.Cut(hdr, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(key) == "" {
		return ErrUnauthorized
	}
	_, err := a.st.APIKeyByHash(ctx, hashToken(strings.TrimSpace(key)))
	if errors.Is(err, store.ErrNotFound) {
		return ErrUnauthorized
	}
	if err != nil {
		return fmt.Errorf("check api key: %w", err)
	}
	return nil
}

// deny answers a refused request: JSON on /api/ (with WWW-Authenticate
// on 401), a redirect to the login page for a page without a session,
// else an error page.
func (h *handler) deny(w http.ResponseWriter, r *http.Request, err error) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if errors.Is(err, ErrUnauthorized) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
		}
		h.failJSON(w, r, err)
		return
	}
	if errors.Is(err, ErrUnauthorized) {
		http.Redirect(w, r, "/login?"+url.Values{"next": {returnPath(r)}}.Encode(), http.StatusSeeOther)
		return
	}
	h.fail(w, r, err)
}

// returnPath is where to go after logging in: the page itself for a GET,
// the page the form was on (same host) for a write, else the home page.
func returnPath(r *http.Request) string {
	if r.Method == http.MethodGet {
		return r.URL.RequestURI()
	}
	if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host && safeNext(ref.Path) {
		return ref.Path
	}
	return "/"
}

// safeNext reports whether p is a path on this site (not "//host").
func safeNext(p string) bool {
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "/\\")
}

// requireRead, on a public address with a password set, lets through
// only logged-in sessions and API keys, except for the login page, the
// stylesheet, /healthz and /metrics (which has its own allow list).
func (h *handler) requireRead(next http.Handler) http.Handler {
	if !h.auth.public || h.auth.hash == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		open := p == "/login" || p == "/logout" || p == "/healthz" || p == "/metrics" || strings.HasPrefix(p, "/static/")
		if open || sessionOf(r) != nil {
			next.ServeHTTP(w, r)
			return
		}
		err := error(ErrUnauthorized)
		if hdr := r.Header.Get("Authorization"); hdr != "" {
			err = h.auth.checkKey(r.Context(), hdr)
		}
		if err != nil {
			h.deny(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}
