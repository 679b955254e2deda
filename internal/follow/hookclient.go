package follow

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"

	"parallax/internal/ingest/fetch"
)

// checkWebhookURL accepts absolute http(s) URLs with a host.
func checkWebhookURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: webhook %q: want an http:// or https:// URL", ErrBadFollow, raw)
	}
	return nil
}

// hookClient is the HTTP client webhooks are sent with: the fetcher's
// refusal of loopback, private, link-local and metadata addresses on
// every connection (unless allowPrivate), no redirects, a timeout.
func hookClient(allowPrivate bool, timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: timeout, Control: func(_, address string, _ syscall.RawConn) error {
		if allowPrivate {
			return nil
		}
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: unparsable address %q", fetch.ErrForbidden, address)
		}
		return fetch.CheckAddr(ap.Addr())
	}}
	tr := &http.Transport{DialContext: d.DialContext, Proxy: nil, TLSHandshakeTimeout: timeout,
		ResponseHeaderTimeout: timeout, MaxIdleConnsPerHost: 2, IdleConnTimeout: time.Minute}
	return &http.Client{Transport: tr, Timeout: timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return errNoRedirects }}
}

var errNoRedirects = errors.New("follow: webhooks do not follow redirects")
