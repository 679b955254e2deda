package web

import (
	"math"
	"net/http"
	"strconv"
)

// loginView is the login page.
type loginView struct {
	CSRF     string
	Next     string
	Message  string
	Disabled bool // no password configured: nothing to log in with
	LoggedIn bool
}

// loginForm shows the login form (GET /login).
func (h *handler) loginForm(w http.ResponseWriter, r *http.Request) {
	v := loginView{Next: nextParam(r.URL.Query().Get("next")), Disabled: h.auth.hash == nil, LoggedIn: sessionOf(r) != nil}
	if !v.Disabled {
		v.CSRF = setLoginCSRF(w, r)
	}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "login", "Log in", v)
}

// login checks the password (POST /login): at most LoginAttempts a minute
// per client address (429 after), a CSRF token, then a new session and a
// redirect to next. The password is never logged.
func (h *handler) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	w.Header().Set("Cache-Control", "no-store")
	if ok, wait := h.auth.logins.allow(clientAddr(r)); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		h.log.Warn("web: login rate-limited", "client", clientAddr(r))
		h.fail(w, r, ErrTooMany)
		return
	}
	if h.auth.hash == nil {
		h.fail(w, r, errNoPassword)
		return
	}
	if err := checkLoginCSRF(r); err != nil {
		h.fail(w, r, err)
		return
	}
	next := nextParam(r.PostFormValue("next"))
	if !checkPassword(h.auth.hash, r.PostFormValue("password")) {
		h.log.Warn("web: login failed", "client", clientAddr(r))
		v := loginView{CSRF: setLoginCSRF(w, r), Next: next, Message: "Wrong password."}
		h.render(w, r, http.StatusUnauthorized, "login", "Log in", v)
		return
	}
	if err := h.auth.startSession(w, r); err != nil {
		h.fail(w, r, err)
		return
	}
	h.log.Info("web: logged in", "client", clientAddr(r))
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// logout ends the session (POST /logout, with the session's CSRF token).
func (h *handler) logout(w http.ResponseWriter, r *http.Request) {
	if s := sessionOf(r); s != nil {
		if err := checkCSRF(r, s.CSRF); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if err := h.auth.endSession(w, r); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// nextParam keeps a return path on this site; anything else is "/".
func nextParam(p string) string {
	if safeNext(p) {
		return p
	}
	return "/"
}
