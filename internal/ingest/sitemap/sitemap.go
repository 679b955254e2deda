// Package sitemap reads XML sitemaps (https://www.sitemaps.org), Google
// News sitemaps and sitemap indexes, plain or gzip-compressed, fetches
// them through fetch.Client (so the SSRF guard, robots.txt and the per-host
// rate limit apply) and hands each listed article page to the pipeline.
package sitemap

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"parallax/internal/ingest/files"
)

// Sentinel errors.
var (
	ErrFormat   = errors.New("sitemap: not a sitemap (want <urlset> or <sitemapindex>)")
	ErrTooLarge = errors.New("sitemap: too large")
	ErrNotHTML  = errors.New("sitemap: listed page is not HTML")
)

// Entry is one page listed by a sitemap.
type Entry struct {
	URL       string
	LastMod   time.Time
	Published time.Time // news:publication_date
	Title     string    // news:title
	Lang      string    // news:publication/news:language
}

type xmlDoc struct {
	XMLName  xml.Name
	URLs     []xmlURL `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

type xmlURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	News    struct {
		PublicationDate string `xml:"publication_date"`
		Title           string `xml:"title"`
		Publication     struct {
			Language string `xml:"language"`
		} `xml:"publication"`
	} `xml:"news"`
}

// Parse reads one sitemap (gunzipping it first if it is compressed, up to
// max bytes decompressed) and returns its page entries, or for an index
// the sitemaps it lists. Relative locations resolve against base.
func Parse(data []byte, base string, max int64) (entries []Entry, children []string, err error) {
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		if data, err = gunzip(data, max); err != nil {
			return nil, nil, err
		}
	}
	var doc xmlDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	b, _ := url.Parse(base)
	switch doc.XMLName.Local {
	case "urlset":
		for _, u := range doc.URLs {
			loc := resolve(b, u.Loc)
			if loc == "" {
				continue
			}
			entries = append(entries, Entry{URL: loc, LastMod: parseDate(u.LastMod),
				Published: parseDate(u.News.PublicationDate), Title: strings.TrimSpace(u.News.Title),
				Lang: strings.TrimSpace(u.News.Publication.Language)})
		}
	case "sitemapindex":
		for _, s := range doc.Sitemaps {
			if loc := resolve(b, s.Loc); loc != "" {
				children = append(children, loc)
			}
		}
	default:
		return nil, nil, fmt.Errorf("%w: root <%s>", ErrFormat, doc.XMLName.Local)
	}
	return entries, children, nil
}

func gunzip(data []byte, max int64) ([]byte, error) {
	z, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
	}
	out, err := io.ReadAll(io.LimitReader(z, max+1))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: over %d bytes decompressed", ErrTooLarge, max)
	}
	return out, nil
}

// resolve makes loc absolute against base; "" unless it is http(s).
func resolve(base *url.URL, loc string) string {
	u, err := url.Parse(strings.TrimSpace(loc))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// parseDate reads a W3C datetime; zero if absent or unreadable.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if t, err := files.ParseTime(s); err == nil {
		return t
	}
	for _, layout := range []string{"2006-01-02T15:04Z07:00", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
