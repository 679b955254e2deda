package postgres

import (
	"fmt"
	"time"
)

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so that
// text order equals time order in SQL (as in store/sqlite).
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// formatTime renders t for storage.
func formatTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

// nullTime renders t for a nullable column: nil (NULL) when t is zero or
// outside the years 1-9999 that the fixed-width text form can order
// correctly (such a date is treated as unknown).
func nullTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return nil
	}
	s := formatTime(t)
	return &s
}

// parseTime reads a stored time; NULL gives the zero time.
func parseTime(s *string) (time.Time, error) {
	if s == nil || *s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return time.Time{}, fmt.Errorf("postgres: bad stored time %q: %w", *s, err)
	}
	return t, nil
}

// nullString maps "" to nil (NULL), for optional unique keys.
func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// str reads a nullable text column: "" for NULL.
func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
