package model

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckID(t *testing.T) {
	tests := []struct {
		name string
		id   string
		ok   bool
	}{
		{"Hex", "f1e4efdaa53893bf261d1198cec39da7", true},
		{"Number", "12345", true},
		{"Space", "doc 12", false},
		{"Slash", "apnews/2016/x", true},
		{"Unicode", "Zürich-1", true},
		{"AtLimit", strings.Repeat("a", MaxIDLen), true},
		{"Empty", "", false},
		{"TooLong", strings.Repeat("a", 5000), false},
		{"NUL", "a\x00b", false},
		{"Newline", "a\nb", false},
		{"Tab", "a\tb", false},
		{"Escape", "a\x1b[31m", false},
		{"NBSPace", "a\u00a0b", false},
		{"NotUTF8", "a\xffb", false},
		{"Dot", ".", false},
		{"DotDot", "..", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckID(tt.id)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckID(%q) = %v, want ok=%v", tt.id, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
}

func TestCheckArticle(t *testing.T) {
	good := Article{ID: "a1", URL: "https://example.com/a", Title: "T", Source: "S", Text: "Body."}
	tests := []struct {
		name string
		edit func(a *Article)
		want string // "" for valid
	}{
		{"Valid", func(a *Article) {}, ""},
		{"NoURL", func(a *Article) { a.URL = "" }, ""},
		{"BadID", func(a *Article) { a.ID = "x\x00" }, "id"},
		{"NULTitle", func(a *Article) { a.Title = "bad\x00title" }, "title"},
		{"NULText", func(a *Article) { a.Text = "bad\x00text" }, "text"},
		{"NULSource", func(a *Article) { a.Source = "\x00" }, "source"},
		{"NULURL", func(a *Article) { a.URL = "https://e.com/\x00" }, "url"},
		{"NewlineURL", func(a *Article) { a.URL = "https://e.com/\nx" }, "url"},
		{"LongURL", func(a *Article) { a.URL = "https://e.com/" + strings.Repeat("x", MaxURLLen) }, "url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := good
			tt.edit(&a)
			err := CheckArticle(&a)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckArticle = %v, want valid", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("CheckArticle = %v, want an error naming %s", err, tt.want)
			}
		})
	}
}

func FuzzCheckID(f *testing.F) {
	f.Add("a1")
	f.Add("a\x00")
	f.Fuzz(func(t *testing.T, id string) {
		if CheckID(id) != nil {
			return
		}
		if id == "" || len(id) > MaxIDLen || strings.ContainsAny(id, "\x00\n\r\t") {
			t.Fatalf("CheckID accepted %q", id)
		}
	})
}
