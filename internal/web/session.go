package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"parallax/internal/store"
)

const (
	sessionCookie = "parallax_session"
	// DefaultSessionTTL is how long a login lasts.
	DefaultSessionTTL = 7 * 24 * time.Hour
)

type sessionKey struct{}

// sessionOf returns the request's session (nil when not logged in), as
// loadSession found it.
func sessionOf(r *http.Request) *store.Session {
	s, _ := r.Context().Value(sessionKey{}).(*store.Session)
	return s
}

// loadSession puts the session named by the request's cookie, when it is
// stored and not expired, into the request's context.
func (a *auth) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		s, err := a.st.Session(r.Context(), hashToken(c.Value), a.now())
		switch {
		case err == nil:
			r = r.WithContext(context.WithValue(r.Context(), sessionKey{}, &s))
		case !errors.Is(err, store.ErrNotFound):
			a.log.Error("web: read session", "err", err)
		}
		next.ServeHTTP(w, r)
	})
}

// startSession stores a new session and sets its cookie.
func (a *auth) startSession(w http.ResponseWriter, r *http.Request) error {
	tok := newToken()
	now := a.now()
	s := store.Session{ID: hashToken(tok), CSRF: newToken(), Created: now, Expires: now.Add(a.ttl)}
	if _, err := a.st.DeleteExpiredSessions(r.Context(), now); err != nil {
		a.log.Warn("web: sweep expired sessions", "err", err)
	}
	if err := a.st.SaveSession(r.Context(), s); err != nil {
		return fmt.Errorf("start session: %w", err)
	}
	http.SetCookie(w, sessionCookieOf(r, tok, s.Expires))
	return nil
}

// endSession forgets the request's session and clears its cookie.
func (a *auth) endSession(w http.ResponseWriter, r *http.Request) error {
	if s := sessionOf(r); s != nil {
		if err := a.st.DeleteSession(r.Context(), s.ID); err != nil {
			return fmt.Errorf("end session: %w", err)
		}
	}
	c := sessionCookieOf(r, "", time.Unix(0, 0))
	c.MaxAge = -1
	http.SetCookie(w, c)
	return nil
}

// sessionCookieOf is the session cookie: HttpOnly, SameSite=Lax, Secure
// over TLS.
func sessionCookieOf(r *http.Request, tok string, expires time.Time) *http.Cookie {
	return &http.Cookie{Name: sessionCookie, Value: tok, Path: "/", Expires: expires,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil}
}
