package dedupe

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Tracking", "https://www.Example.com/a/b/?utm_source=x&id=3&fbclid=y#top", "https://example.com/a/b?id=3"},
		{"DefaultPort", "http://example.com:80/x", "https://example.com/x"},
		{"OtherPort", "http://example.com:8080/x", "https://example.com:8080/x"},
		{"SortedParams", "https://example.com/x?b=2&a=1", "https://example.com/x?a=1&b=2"},
		{"Root", "https://example.com/", "https://example.com"},
		{"NotHTTP", "javascript:alert(1)", ""},
		{"Relative", "/a/b", ""},
		{"Garbage", "%zz", ""},
		{"UserInfo", "https://user:pw@example.com/a", "https://example.com/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalURL(tt.in); got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestContentHash(t *testing.T) {
	a := ContentHash("Kerry  met Lavrov.\nThey talked!")
	b := ContentHash("kerry met lavrov they talked")
	c := ContentHash("Kerry met Lavrov. They argued.")
	if a != b {
		t.Errorf("whitespace/punctuation/case variants hash differently: %s vs %s", a, b)
	}
	if a == c {
		t.Errorf("different texts hash alike")
	}
	if ContentHash(" .,;\n") != "" {
		t.Errorf("wordless text should hash to empty")
	}
	if id := ID(a); len(id) != 17 || id[0] != 'a' {
		t.Errorf("ID(%s) = %q", a, id)
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://example.com/a?utm_source=x", "http://[::1]:80/", "%", "https://a.b/c/../d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CanonicalURL(s)
		if c != "" && CanonicalURL(c) != c {
			t.Errorf("not idempotent: %q -> %q -> %q", s, c, CanonicalURL(c))
		}
	})
}
