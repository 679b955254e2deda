package sqlstore

import (
	"database/sql"
	"fmt"
	"time"
)

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so that
// text order equals time order in SQL. Both databases store times as this
// text, so they round-trip exactly.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// FormatTime renders t for storage.
func FormatTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

// NullTime renders t for a nullable column: NULL when t is zero or outside
// the years 1-9999 that the fixed-width text form can order correctly
// (such a date is treated as unknown).
func NullTime(t time.Time) sql.NullString {
	if t.IsZero() {
		return sql.NullString{}
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return sql.NullString{}
	}
	return sql.NullString{String: FormatTime(t), Valid: true}
}

// ParseTime reads a stored time; NULL gives the zero time.
func ParseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad stored time %q: %w", s.String, err)
	}
	return t, nil
}

// NullString maps "" to NULL, for optional unique keys.
func NullString(s string) sql.NullString {
	return sql.NullString{String: s, Valid: s != ""}
}
