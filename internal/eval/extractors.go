package eval

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"parallax/internal/extract"
)

// Output is what an extractor found on one page.
type Output struct {
	Text      string
	Title     string
	Published time.Time
}

// Extractor turns one page into text and metadata.
type Extractor struct {
	Name string
	Run  func(input []byte, p Page) (Output, error)
}

// Parallax is Parallax's extractor in the given mode (HTML: with fallback).
func Parallax(mode extract.Mode) Extractor {
	name := "parallax"
	if mode == extract.Text {
		name = "parallax-text"
	}
	return Extractor{Name: name, Run: func(in []byte, p Page) (Output, error) {
		res, err := extract.Extract(in, extract.Options{URL: p.URL, Mode: mode, Fallback: true})
		if err != nil {
			return Output{}, err
		}
		return Output{res.Text, res.Title, res.Published}, nil
	}}
}

// Trafilatura is go-trafilatura, with or without its fallback extractors.
func Trafilatura(fallback bool) Extractor {
	name := "go-trafilatura"
	if fallback {
		name += "+fallback"
	}
	return Extractor{Name: name, Run: func(in []byte, p Page) (Output, error) {
		u, _ := url.Parse(p.URL)
		res, err := trafilatura.Extract(bytes.NewReader(in), trafilatura.Options{
			OriginalURL:     u,
			EnableFallback:  fallback,
			ExcludeComments: true,
		})
		if err != nil {
			return Output{}, err
		}
		return Output{res.ContentText, res.Metadata.Title, res.Metadata.Date}, nil
	}}
}

// Readability is go-shiori/go-readability.
func Readability() Extractor {
	return Extractor{Name: "go-readability", Run: func(in []byte, p Page) (Output, error) {
		u, _ := url.Parse(p.URL)
		art, err := readability.FromReader(bytes.NewReader(in), u)
		if err != nil {
			return Output{}, fmt.Errorf("readability: %w", err)
		}
		out := Output{Text: art.TextContent, Title: art.Title}
		if art.PublishedTime != nil {
			out.Published = *art.PublishedTime
		}
		return out, nil
	}}
}

// KeepAll keeps every line of the input: the scraped-text baseline.
func KeepAll() Extractor {
	return Extractor{Name: "keep-every-line", Run: func(in []byte, _ Page) (Output, error) {
		return Output{Text: strings.TrimSpace(string(in))}, nil
	}}
}
