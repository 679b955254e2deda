// Package groups reads and writes the operator's outlet labels: a CSV
// of outlet,dimension,value rows (with that header) putting each outlet
// on one side of a dimension of the operator's choosing.
package groups

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"parallax/internal/model"
)

// Errors of Parse, each reported with the line it is on.
var (
	ErrHeader    = errors.New("groups: the first line must be the header outlet,dimension,value")
	ErrColumns   = errors.New("groups: a row needs 3 columns: outlet,dimension,value")
	ErrEmpty     = errors.New("groups: empty outlet, dimension or value")
	ErrTooLong   = errors.New("groups: field over 200 bytes")
	ErrNotUTF8   = errors.New("groups: not UTF-8 or a control character")
	ErrConflict  = errors.New("groups: outlet given two values in one dimension")
	ErrTooMany   = errors.New("groups: more than 100,000 rows")
	ErrNoRows    = errors.New("groups: no rows after the header")
	errMalformed = errors.New("groups: malformed CSV")
)

// Limits on one file.
const (
	MaxField = 200
	MaxRows  = 100_000
)

var header = []string{"outlet", "dimension", "value"}

// Parse reads a labels CSV. Outlet names go through model.OutletName;
// a row repeated exactly is kept once. An error names the line.
func Parse(r io.Reader) ([]model.OutletLabel, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var (
		out  []model.OutletLabel
		seen = map[[2]string]string{} // outlet, dimension -> value
	)
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("line %d: %w: %v", pe.StartLine, errMalformed, pe.Err)
			}
			return nil, fmt.Errorf("groups: read: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if first {
			if !isHeader(rec) {
				return nil, fmt.Errorf("line %d: %w", line, ErrHeader)
			}
			continue
		}
		l, err := row(rec)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		key := [2]string{l.Outlet, l.Dimension}
		if v, dup := seen[key]; dup {
			if v != l.Value {
				return nil, fmt.Errorf("line %d: %w (%s, %s: %q and %q)", line, ErrConflict, l.Outlet, l.Dimension, v, l.Value)
			}
			continue
		}
		if len(out) == MaxRows {
			return nil, fmt.Errorf("line %d: %w", line, ErrTooMany)
		}
		seen[key] = l.Value
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, ErrNoRows
	}
	return out, nil
}

func isHeader(rec []string) bool {
	if len(rec) != len(header) {
		return false
	}
	for i, h := range header {
		f := strings.TrimPrefix(rec[i], "\ufeff") // a BOM from spreadsheets
		if !strings.EqualFold(strings.TrimSpace(f), h) {
			return false
		}
	}
	return true
}

// row checks one data row.
func row(rec []string) (model.OutletLabel, error) {
	if len(rec) != 3 {
		return model.OutletLabel{}, fmt.Errorf("%w (got %d)", ErrColumns, len(rec))
	}
	for _, f := range rec {
		if err := checkField(f); err != nil {
			return model.OutletLabel{}, err
		}
	}
	l := model.OutletLabel{
		Outlet:    model.OutletName(rec[0]),
		Dimension: strings.TrimSpace(rec[1]),
		Value:     strings.TrimSpace(rec[2]),
	}
	if l.Outlet == "" || l.Dimension == "" || l.Value == "" {
		return l, ErrEmpty
	}
	return l, nil
}

func checkField(f string) error {
	if len(f) > MaxField {
		return ErrTooLong
	}
	if !utf8.ValidString(f) {
		return ErrNotUTF8
	}
	for _, c := range f {
		if c < 0x20 || c == 0x7f {
			return ErrNotUTF8
		}
	}
	return nil
}

// Write writes labels as a CSV Parse reads back.
func Write(w io.Writer, labels []model.OutletLabel) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("groups: write: %w", err)
	}
	for _, l := range labels {
		if err := cw.Write([]string{l.Outlet, l.Dimension, l.Value}); err != nil {
			return fmt.Errorf("groups: write: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("groups: write: %w", err)
	}
	return nil
}

// Dimensions returns the dimensions labels cover, in first-seen order.
func Dimensions(labels []model.OutletLabel) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range labels {
		if !seen[l.Dimension] {
			seen[l.Dimension] = true
			out = append(out, l.Dimension)
		}
	}
	return out
}
