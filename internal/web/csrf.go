package web

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

const (
	csrfField  = "csrf"         // the hidden field of every form
	csrfHeader = "X-CSRF-Token" // or this header, for scripts with a session
	// loginCookie carries the login form's token before there is a
	// session (double submit).
	loginCookie = "parallax_login"
)

var errBadCSRF = forbidden{"the form has expired or did not come from this site: reload the page and try again"}

// checkCSRF checks the request's token (header, else form field) against
// want.
func checkCSRF(r *http.Request, want string) error {
	got := r.Header.Get(csrfHeader)
	if got == "" {
		got = formToken(r)
	}
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return errBadCSRF
	}
	return nil
}

// formToken reads the csrf field of a URL-encoded or multipart form.
func formToken(r *http.Request) string {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(maxWriteBody); err != nil {
			return ""
		}
	}
	return r.PostFormValue(csrfField)
}

// checkLoginCSRF checks the login form's token against its cookie.
func checkLoginCSRF(r *http.Request) error {
	c, err := r.Cookie(loginCookie)
	if err != nil {
		return errBadCSRF
	}
	return checkCSRF(r, c.Value)
}

// setLoginCSRF gives the login form a token (kept in a cookie) and
// returns it.
func setLoginCSRF(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(loginCookie); err == nil && len(c.Value) >= 40 {
		return c.Value
	}
	tok := newToken()
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: tok, Path: "/login", MaxAge: 3600,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return tok
}
