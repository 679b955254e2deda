package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// ErrOPML means a subscription list could not be read.
var ErrOPML = errors.New("feed: malformed OPML")

// Subscription is one feed in an OPML list.
type Subscription struct {
	URL      string // the feed's address (xmlUrl)
	Title    string
	SiteURL  string // htmlUrl
	Category string // the titles of the enclosing outlines, joined by " / "
}

// opmlOutline is an <outline>; attributes are matched case-insensitively
// because exporters disagree (xmlUrl, xmlURL, xmlurl).
type opmlOutline struct {
	Attrs    []xml.Attr    `xml:",any,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

func (o *opmlOutline) attr(name string) string {
	for _, a := range o.Attrs {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Body    []opmlOutline `xml:"body>outline"`
}

// ParseOPML reads an OPML subscription list (Miniflux, FreshRSS, Feedly,
// Inoreader, NetNewsWire exports): every outline with an xmlUrl, at any
// depth, becomes a Subscription; the first occurrence of a URL wins.
func ParseOPML(r io.Reader) ([]Subscription, error) {
	subs, _, err := ParseOPMLSkipped(r)
	return subs, err
}

// SkippedOutline is an outline of an OPML list that is not followed, and
// why.
type SkippedOutline struct {
	Title, URL, Reason string
}

// ParseOPMLSkipped is ParseOPML that also returns the outlines it passed
// over: an xmlUrl that is not an absolute http(s) URL, or one listed
// before. Folders (outlines without xmlUrl) are not skipped outlines.
func ParseOPMLSkipped(r io.Reader) ([]Subscription, []SkippedOutline, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrOPML, err)
	}
	var (
		subs    []Subscription
		skipped []SkippedOutline
	)
	seen := map[string]bool{}
	var walk func(os []opmlOutline, path []string)
	walk = func(os []opmlOutline, path []string) {
		for i := range os {
			o := &os[i]
			title := clean(firstOf(o.attr("title"), o.attr("text")))
			raw := o.attr("xmlUrl")
			switch u := resolve(nil, raw); {
			case raw == "":
			case u == "":
				skipped = append(skipped, SkippedOutline{title, raw, "not an absolute http(s) URL"})
			case seen[u]:
				skipped = append(skipped, SkippedOutline{title, raw, "listed before"})
			default:
				seen[u] = true
				subs = append(subs, Subscription{URL: u, Title: title,
					SiteURL: resolve(nil, o.attr("htmlUrl")), Category: strings.Join(path, " / ")})
			}
			if len(o.Outlines) > 0 {
				walk(o.Outlines, append(path[:len(path):len(path)], title))
			}
		}
	}
	walk(doc.Body, nil)
	return subs, skipped, nil
}

// WriteOPML writes subs as an OPML 2.0 document titled title, grouping
// them into one outline per category.
func WriteOPML(w io.Writer, title string, subs []Subscription) error {
	type outline struct {
		XMLName  xml.Name  `xml:"outline"`
		Text     string    `xml:"text,attr"`
		Title    string    `xml:"title,attr,omitempty"`
		Type     string    `xml:"type,attr,omitempty"`
		XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
		HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
		Outlines []outline `xml:"outline"`
	}
	type doc struct {
		XMLName xml.Name  `xml:"opml"`
		Version string    `xml:"version,attr"`
		Title   string    `xml:"head>title"`
		Created string    `xml:"head>dateCreated"`
		Body    []outline `xml:"body>outline"`
	}
	d := doc{Version: "2.0", Title: title, Created: time.Now().UTC().Format(time.RFC1123Z)}
	groups := map[string]int{} // category -> index in d.Body
	for _, s := range subs {
		o := outline{Text: firstOf(s.Title, s.URL), Title: s.Title, Type: "rss", XMLURL: s.URL, HTMLURL: s.SiteURL}
		if s.Category == "" {
			d.Body = append(d.Body, o)
			continue
		}
		i, ok := groups[s.Category]
		if !ok {
			i = len(d.Body)
			groups[s.Category] = i
			d.Body = append(d.Body, outline{Text: s.Category, Title: s.Category})
		}
		d.Body[i].Outlines = append(d.Body[i].Outlines, o)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("feed: write OPML: %w", err)
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
