package sqlstore

import "testing"

func TestFirstChars(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"Ünïcode words", 3, "Ünï"},
		{"short", 10, "short"},
		{"abc", 0, ""},
		{"", 5, ""},
	}
	for _, tc := range tests {
		if got := firstChars(tc.s, tc.n); got != tc.want {
			t.Errorf("firstChars(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
