package sqlstore

import "testing"

func TestDollars(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"None", `SELECT 1`, `SELECT 1`},
		{"InOrder", `SELECT a FROM t WHERE b = ? AND c = ?`, `SELECT a FROM t WHERE b = $1 AND c = $2`},
		{"Numbered", `UPDATE t SET a = ?1 WHERE b = ?2 AND (?1 IS NULL)`, `UPDATE t SET a = $1 WHERE b = $2 AND ($1 IS NULL)`},
		{"Quoted", `SELECT '?' || ? FROM t`, `SELECT '?' || $1 FROM t`},
		{"Last", `LIMIT ?`, `LIMIT $1`},
		{"Tens", `VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Dollars(tc.in); got != tc.want {
				t.Errorf("Dollars(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzDollars(f *testing.F) {
	f.Add(`SELECT ? FROM t WHERE a = '?' AND b = ?2`)
	f.Fuzz(func(t *testing.T, q string) {
		out := Dollars(q)
		for i := 0; i < len(out); i++ {
			if out[i] == '?' && !inQuotes(out, i) {
				t.Fatalf("Dollars(%q) = %q keeps a placeholder", q, out)
			}
		}
	})
}

// inQuotes reports whether byte i of s is inside single quotes.
func inQuotes(s string, i int) bool {
	quoted := false
	for j := 0; j < i; j++ {
		if s[j] == '\'' {
			quoted = !quoted
		}
	}
	return quoted
}
