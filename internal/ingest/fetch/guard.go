package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// blocked lists the address ranges a fetch may never reach unless
// Options.AllowPrivate: they lead into the host or its network, not to the
// public web.
var blocked = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this network"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local (cloud metadata)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "local-use NAT64"},
	{netip.MustParsePrefix("fc00::/7"), "unique local (private)"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// CheckAddr returns an error wrapping ErrForbidden when ip is not a public
// unicast address. IPv4-mapped and NAT64 (64:ff9b::/96) IPv6 addresses are
// judged by the IPv4 address they carry.
func CheckAddr(ip netip.Addr) error {
	if !ip.IsValid() {
		return fmt.Errorf("%w: invalid address", ErrForbidden)
	}
	ip = ip.Unmap()
	if nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	for _, b := range blocked {
		if b.prefix.Contains(ip) {
			return fmt.Errorf("%w: %s is %s", ErrForbidden, ip, b.why)
		}
	}
	return nil
}

var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// control is a net.Dialer.Control hook: it runs after name resolution, on
// the address actually being dialled, for every connection (redirects and
// robots.txt included), so DNS rebinding cannot slip past it.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparsable address %q", ErrForbidden, address)
	}
	if c.allowAddr != nil && c.allowAddr(ap) {
		return nil
	}
	if c.opts.AllowPrivate {
		return nil
	}
	return CheckAddr(ap.Addr())
}

// dialer builds the guarded dialer.
func (c *Client) dialer() *net.Dialer {
	return &net.Dialer{Timeout: c.opts.DialTimeout, KeepAlive: 30 * time.Second, Control: c.control}
}
