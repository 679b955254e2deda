// Package pipeline runs the stages in order for each article: extract ->
// dedupe -> store, then cluster -> brief for what is pending. It is the one
// orchestrator; `ingest`, `serve`, `cluster` and `brief` all prepare
// articles through it so that every entry point sees the same text.
package pipeline

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"parallax/internal/dedupe"
	"parallax/internal/extract"
	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/nlp/lang"
)

// ErrNoText means extraction left no article text.
var ErrNoText = errors.New("pipeline: no article text")

// Prepare turns one input Item into an Article: the clean text and metadata
// from extraction, the record's own fields winning where given, a content
// hash, a canonical URL and an id. It fails with an error naming the input.
func Prepare(it files.Item, now time.Time) (*model.Article, error) {
	if it.Err != nil {
		return nil, it.Err
	}
	var (
		data []byte
		opts = extract.DefaultOptions()
		rec  = it.Rec
	)
	switch it.Kind {
	case files.HTML:
		data, opts.Mode = it.Data, extract.HTML
	case files.Text:
		data, opts.Mode = it.Data, extract.Text
	case files.Record:
		opts.URL = rec.URL
		if strings.TrimSpace(rec.HTML) != "" {
			data, opts.Mode = []byte(rec.HTML), extract.HTML
		} else {
			data, opts.Mode = []byte(rec.Text), extract.Text
		}
	}
	res, err := extract.Extract(data, opts)
	if errors.Is(err, extract.ErrNoText) && opts.Mode == extract.Text {
		// The line classifier kept nothing of a text that was given as an
		// article: keep its lines rather than lose it.
		res, err = &extract.Result{Text: extract.PlainLines(string(data))}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", it.Origin, err)
	}
	a := &model.Article{
		Title:     res.Title,
		Byline:    res.Byline,
		Published: res.Published.UTC(),
		// a date the text gives itself is an estimate, and said to be one
		PublishedInferred: res.PublishedInText,
		Language:          res.Language,
		Text:              strings.TrimSpace(res.Text),
		Origin:            it.Origin,
		// when read, in input order, whatever order extraction ran in;
		// else now
		Fetched: cmp.Or(it.Read, now).UTC(),
		URL:     res.CanonicalURL,
		Source:  res.Site,
	}
	if rec != nil {
		a.ID = rec.ID
		override(&a.URL, rec.URL)
		override(&a.Source, rec.Source)
		override(&a.Title, rec.Title)
		override(&a.Language, rec.Lang)
		if !rec.Published.IsZero() {
			a.Published, a.PublishedInferred = rec.Published, false
		}
		if !rec.Fetched.IsZero() {
			a.Fetched = rec.Fetched.UTC()
		}
	}
	if a.Text == "" {
		return nil, fmt.Errorf("%s: %w", it.Origin, ErrNoText)
	}
	a.CanonicalURL = dedupe.CanonicalURL(firstNonEmpty(res.CanonicalURL, a.URL))
	if a.Source = model.OutletName(a.Source); a.Source == "" {
		a.Source = host(a.URL)
	}
	if a.Source == "" && opts.Mode == extract.Text {
		// a scraped text with no outlet: whoever it says signs it
		a.Source = res.Byline
	}
	if a.Language == "" {
		a.Language = lang.Detect(a.Text)
	}
	a.ContentHash = dedupe.ContentHash(a.Title + "\n" + a.Text)
	if a.ContentHash == "" {
		return nil, fmt.Errorf("%s: %w", it.Origin, ErrNoText)
	}
	if a.ID == "" {
		a.ID = dedupe.ID(a.ContentHash)
	}
	if a.Published.IsZero() {
		a.Published, a.PublishedInferred = time.Time{}, false
	}
	if err := model.CheckArticle(a); err != nil {
		return nil, fmt.Errorf("%s: %w", it.Origin, err) // what the store would refuse
	}
	return a, nil
}

func override(dst *string, v string) {
	if v = strings.TrimSpace(v); v != "" {
		*dst = v
	}
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// host returns a URL's host without "www.", or "".
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
