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
)

// statusOf maps an error to its HTTP status and the message shown to the
// client. It is the one place where error kinds become status codes;
// internal errors are never shown in detail.
func statusOf(err error) (int, string) {
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest, publicMessage(err)
	case errors.Is(err, ErrMethod):
		return http.StatusMethodNotAllowed, "method not allowed"
	default:
		return http.StatusInternalServerError, "internal error"
	}
}

// badRequest is a client error whose message is safe to show.
type badRequest struct{ msg string }

func (e badRequest) Error() string   { return "web: bad request: " + e.msg }
func (e badRequest) Is(t error) bool { return t == ErrBadRequest }

func publicMessage(err error) string {
	var br badRequest
	if errors.As(err, &br) {
		return br.msg
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
