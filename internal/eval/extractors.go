package eval

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"parallax/internal/extract"
)

// Extractor turns one page into text.
type Extractor struct {
	Name string
	Run  func(input []byte, p Page) (string, error)
}

// Parallax is Parallax's extractor in the given mode (HTML: with fallback).
func Parallax(mode extract.Mode) Extractor {
	name := "parallax"
	if mode == extract.Text {
		name = "parallax-text"
	}
	return Extractor{Name: name, Run: func(in []byte, p Page) (string, error) {
		res, err := extract.Extract(in, extract.Options{URL: p.URL, Mode: mode, Fallback: true})
		if err != nil {
			return "", err
		}
		return res.Text, nil
	}}
}

// Trafilatura is go-trafilatura, with or without its fallback extractors.
func Trafilatura(fallback bool) Extractor {
	name := "go-trafilatura"
	if fallback {
		name += "+fallback"
	}
	return Extractor{Name: name, Run: func(in []byte, p Page) (string, error) {
		u, _ := url.Parse(p.URL)
		res, err := trafilatura.Extract(bytes.NewReader(in), trafilatura.Options{
			OriginalURL:     u,
			EnableFallback:  fallback,
			ExcludeComments: true,
		})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}}
}

// Readability is go-shiori/go-readability.
func Readability() Extractor {
	return Extractor{Name: "go-readability", Run: func(in []byte, p Page) (string, error) {
		u, _ := url.Parse(p.URL)
		art, err := readability.FromReader(bytes.NewReader(in), u)
		if err != nil {
			return "", fmt.Errorf("readability: %w", err)
		}
		return art.TextContent, nil
	}}
}

// KeepAll keeps every line of the input: the scraped-text baseline.
func KeepAll() Extractor {
	return Extractor{Name: "keep-every-line", Run: func(in []byte, _ Page) (string, error) {
		return strings.TrimSpace(string(in)), nil
	}}
}
