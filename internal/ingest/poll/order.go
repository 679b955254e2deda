package poll

import (
	"net/url"
	"strings"
)

// interleaveHosts orders feeds round-robin across their hosts (first feed
// of each host, then the second of each, ...), keeping the stored order
// within a host. Requests to one host are spaced by the fetch client's
// per-host limit, so a round in stored order would leave the workers
// queued behind one host while the others sit idle.
func interleaveHosts(feeds []Feed) []Feed {
	var (
		hosts  []string
		byHost = map[string][]Feed{}
	)
	for _, f := range feeds {
		h := feedHost(f.URL)
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], f)
	}
	out := make([]Feed, 0, len(feeds))
	for i := 0; len(out) < len(feeds); i++ {
		for _, h := range hosts {
			if fs := byHost[h]; i < len(fs) {
				out = append(out, fs[i])
			}
		}
	}
	return out
}

// feedHost is the host (with port) a feed URL is fetched from.
func feedHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.ToLower(u.Host)
}
