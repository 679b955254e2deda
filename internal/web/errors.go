package web

import (
	"errors"
	"net/http"

	"parallax/internal/store"
)

// Sentinel errors of the web layer, mapped to HTTP status by statusOf.
var (
	ErrBadRequest = errors.New("web: bad request")
	ErrNotFound   = errors.New("web: not found")
	ErrMethod     = errors.New("web: method not allowed")
	// ErrUnauthorized: a write without a session or API key.
	ErrUnauthorized = errors.New("web: log in or send an API key")
	// ErrForbidden: a bad CSRF token, or writes disabled (no password).
	ErrForbidden = errors.New("web: forbidden")
	// ErrTooMany: too many login attempts from one address.
	ErrTooMany = errors.New("web: too many login attempts")
)

// statusOf maps an error to its HTTP status and the message shown to the
// client. It is the one place where error kinds become status codes;
// internal errors are never shown in detail.
func statusOf(err error) (int, string) {
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, ErrNotFound):
		var u userError
		if errors.As(err, &u) {
			return http.StatusNotFound, u.msg
		}
		return http.StatusNotFound, "not found"
	case errors.Is(err, store.ErrExists):
		return http.StatusConflict, publicMessage(err)
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest, publicMessage(err)
	case errors.Is(err, ErrMethod):
		return http.StatusMethodNotAllowed, "method not allowed"
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized, "log in, or send an API key (Authorization: Bearer KEY)"
	case errors.Is(err, ErrForbidden):
		return http.StatusForbidden, publicMessage(err)
	case errors.Is(err, ErrTooMany):
		return http.StatusTooManyRequests, "too many login attempts: wait a minute"
	default:
		return http.StatusInternalServerError, "internal error"
	}
}

// badRequest is a client error whose message is safe to show.
type badRequest struct{ msg string }

func (e badRequest) Error() string   { return "web: bad request: " + e.msg }
func (e badRequest) Is(t error) bool { return t == ErrBadRequest }

// userError is an error of kind (ErrNotFound, store.ErrExists, ...)
// whose message is safe to show.
type userError struct {
	kind error
	msg  string
}

func (e userError) Error() string   { return e.kind.Error() + ": " + e.msg }
func (e userError) Is(t error) bool { return t == e.kind }

// forbidden is a refusal whose message is safe to show.
type forbidden struct{ msg string }

func (e forbidden) Error() string   { return "web: forbidden: " + e.msg }
func (e forbidden) Is(t error) bool { return t == ErrForbidden }

func publicMessage(err error) string {
	var br badRequest
	if errors.As(err, &br) {
		return br.msg
	}
	var fb forbidden
	if errors.As(err, &fb) {
		return fb.msg
	}
	var u userError
	if errors.As(err, &u) {
		return u.msg
	}
	if errors.Is(err, store.ErrExists) {
		return "already there"
	}
	if errors.Is(err, ErrForbidden) {
		return "forbidden"
	}
	return "bad request"
}

// logIfInternal logs errors that are the server's fault.
func (h *handler) logIfInternal(r *http.Request, status int, err error) {
	if status >= 500 {
		h.log.Error("web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
}

// notFound answers unknown HTML routes and wrong methods.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		h.fail(w, r, ErrMethod)
		return
	}
	h.fail(w, r, ErrNotFound)
}

// apiNotFound answers unknown API routes and wrong methods.
func (h *handler) apiNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		h.failJSON(w, r, ErrMethod)
		return
	}
	h.failJSON(w, r, ErrNotFound)
}
