package sqlite

import (
	"database/sql"
	"fmt"
	"time"
)

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so that
// text order equals time order in SQL.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// formatTime renders t for storage.
func formatTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

// nullTime renders t for a nullable column: NULL when t is zero or outside
// the years 1-9999 that the fixed-width text form can order correctly
// (such a date is treated as unknown).
func nullTime(t time.Time) sql.NullString {
	if t.IsZero() {
		return sql.NullString{}
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return sql.NullString{}
	}
	return sql.NullString{String: formatTime(t), Valid: true}
}

// parseTime reads a stored time; NULL gives the zero time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("sqlite: bad stored time %q: %w", s.String, err)
	}
	return t, nil
}

// nullString maps "" to NULL, for optional unique keys.
func nullString(s string) sql.NullString {
	return sql.NullString{String: s, Valid: s != ""}
}
