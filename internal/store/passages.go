package store

import (
	"encoding/json"
	"fmt"

	"parallax/internal/model"
)

// EncodePassages is how stores keep an article's passages in one text
// column: a JSON list of [start, end] pairs, "" (stored as NULL) for none.
func EncodePassages(ps []model.Passage) string {
	if len(ps) == 0 {
		return ""
	}
	pairs := make([][2]int, len(ps))
	for i, p := range ps {
		pairs[i] = [2]int{p.Start, p.End}
	}
	b, _ := json.Marshal(pairs) // a list of int pairs always encodes
	return string(b)
}

// DecodePassages reads what EncodePassages wrote; "" is no passages.
func DecodePassages(s string) ([]model.Passage, error) {
	if s == "" {
		return nil, nil
	}
	var pairs [][2]int
	if err := json.Unmarshal([]byte(s), &pairs); err != nil {
		return nil, fmt.Errorf("store: passages %q: %w", s, err)
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	ps := make([]model.Passage, len(pairs))
	for i, p := range pairs {
		ps[i] = model.Passage{Start: p[0], End: p[1]}
	}
	return ps, nil
}
