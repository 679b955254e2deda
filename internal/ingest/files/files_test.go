package files

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
)

func collect(t *testing.T, paths ...string) (items []Item, skipped []string) {
	t.Helper()
	err := Walk(context.Background(), paths, Options{}, func(it Item) error {
		items = append(items, it)
		return nil
	}, func(p string) { skipped = append(skipped, p) })
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return items, skipped
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.html")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: 200 MB without writing them
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name string
		path string
		want error
	}{
		{"Empty", write(t, dir, "empty.txt", nil), ErrEmpty},
		{"Blank", write(t, dir, "blank.html", []byte(" \n\t\n")), ErrEmpty},
		{"Binary", write(t, dir, "binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00garbage")), ErrBinary},
		{"InvalidUTF8", write(t, dir, "latin.txt", []byte("Caf\xe9 society\n\nA line.")), ErrEncoding},
		{"Huge", huge, ErrTooLarge},
		{"UnknownExtension", write(t, dir, "notes.docx", []byte("hello")), ErrUnknownKind},
		{"Missing", filepath.Join(dir, "nope.txt"), ErrMissing},
		{"EmptyJSONL", write(t, dir, "empty.jsonl", []byte("\n\n")), ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, _ := collect(t, tt.path)
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			err := items[0].Err
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.path) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q should be one line naming %s", err, tt.path)
			}
		})
	}
}

func TestJSONLLines(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "batch.jsonl", []byte(strings.Join([]string{
		`{"id":"a1","title":"One","text":"First article text.","published":"2016-10-03"}`,
		`{"id":"a2", "text": broken`,
		``,
		`{"id":3,"html":"<p>Second</p>","published":"2016-10-03T10:00:00+02:00","source":"Example"}`,
		`{"id":"a4","title":"No body"}`,
		"{\"id\":\"a5\",\"text\":\"bad \xff byte\"}",
		`{"id":"a6","text":"Kept despite its date.","published":"last tuesday"}`,
		`["not", "an", "object"]`,
	}, "\n")))
	items, _ := collect(t, p)
	type want struct {
		origin string
		err    error
		id     string
	}
	wants := []want{
		{p + ":1", nil, "a1"},
		{p + ":2", ErrJSON, ""},
		{p + ":4", nil, "3"},
		{p + ":5", ErrNoBody, ""},
		{p + ":6", ErrEncoding, ""},
		{p + ":7", nil, "a6"},
		{p + ":8", ErrJSON, ""},
	}
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(wants), items)
	}
	for i, w := range wants {
		it := items[i]
		if it.Origin != w.origin {
			t.Errorf("item %d origin %q, want %q", i, it.Origin, w.origin)
		}
		if w.err != nil {
			if !errors.Is(it.Err, w.err) || !strings.Contains(it.Err.Error(), w.origin) {
				t.Errorf("item %d err %v, want %v naming %s", i, it.Err, w.err, w.origin)
			}
			continue
		}
		if it.Err != nil || it.Rec == nil || it.Rec.ID != w.id {
			t.Errorf("item %d = %+v, want record %s", i, it, w.id)
		}
	}
	if got := items[2].Rec.Published.Format("2006-01-02T15:04"); got != "2016-10-03T08:00" {
		t.Errorf("published in UTC = %s", got)
	}
	if len(items[5].Warn) != 1 || !items[5].Rec.Published.IsZero() {
		t.Errorf("bad date should warn and keep the article without a date: %+v", items[5])
	}
}

func TestLongJSONLLine(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"big","text":"` + strings.Repeat("x", 2000) + `"}`
	p := write(t, dir, "long.jsonl", []byte(long+"\n"+`{"id":"small","text":"ok"}`+"\n"))
	var items []Item
	err := Walk(context.Background(), []string{p}, Options{MaxBytes: 1000}, func(it Item) error {
		items = append(items, it)
		return nil
	}, nil)
	if err != nil || len(items) != 2 {
		t.Fatalf("Walk = %v, %d items", err, len(items))
	}
	if !errors.Is(items[0].Err, ErrTooLarge) || items[1].Err != nil || items[1].Rec.ID != "small" {
		t.Errorf("items = %+v", items)
	}
}

func TestFolder(t *testing.T) {
	items, skipped := collect(t, "testdata")
	var kinds []string
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("unexpected error %v", it.Err)
		}
		kinds = append(kinds, filepath.Base(it.Origin)+"="+it.Kind.String())
	}
	if got := strings.Join(kinds, ","); got != "ok.html=html,ok.txt=text" {
		t.Errorf("items %s", got)
	}
	for _, s := range skipped {
		if !strings.Contains(s, "fuzz") {
			t.Errorf("skipped %s", s)
		}
	}
}

func TestParseTime(t *testing.T) {
	for _, s := range []string{"2016-10-03", "2016-10-03T00:00:00Z", "2016-10-03T02:00:00+02:00", "2016-10-03 00:00:00"} {
		tm, err := ParseTime(s)
		if err != nil || tm.Format("2006-01-02") != "2016-10-03" {
			t.Errorf("ParseTime(%q) = %v, %v", s, tm, err)
		}
	}
	if _, err := ParseTime("03/10/2016"); err == nil {
		t.Error("ambiguous date accepted")
	}
}

func FuzzParseRecord(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x","published":"2016-10-03"}`))
	f.Add([]byte(`{"id":1.5e3,"html":"<p>"}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, line []byte) {
		it := parseRecord("f:1", line)
		if it.Err == nil && it.Rec == nil {
			t.Fatal("no record and no error")
		}
		if it.Err != nil && !strings.HasPrefix(it.Err.Error(), "f:1: ") {
			t.Fatalf("error does not name the input: %v", it.Err)
		}
	})
}

// TestRecordValidation: a record whose id could not be viewed, or with a
// NUL in any field, is rejected naming the line and the field, as a NUL in
// the text always was (#19.3).
func TestRecordValidation(t *testing.T) {
	tests := []struct {
		name, line, field string
	}{
		{"NULInID", `{"id":"a\u0000b","text":"ok"}`, "id"},
		{"LongID", `{"id":"` + strings.Repeat("x", 5000) + `","text":"ok"}`, "id"},
		{"NewlineID", `{"id":"a\nb","text":"ok"}`, "id"},
		{"NULInTitle", `{"id":"a","title":"t\u0000","text":"ok"}`, "title"},
		{"NULInURL", `{"id":"a","url":"https://e.com/\u0000","text":"ok"}`, "url"},
		{"NULInText", `{"id":"a","text":"o\u0000k"}`, "text"},
		{"NULInHTML", `{"id":"a","html":"<p>o\u0000k"}`, "html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := parseRecord("f.jsonl:7", []byte(tt.line))
			if it.Err == nil {
				t.Fatalf("record accepted: %+v", it.Rec)
			}
			if !errors.Is(it.Err, model.ErrInvalid) || !strings.HasPrefix(it.Err.Error(), "f.jsonl:7: ") ||
				!strings.Contains(it.Err.Error(), tt.field) {
				t.Errorf("err = %v, want an invalid %s naming f.jsonl:7", it.Err, tt.field)
			}
		})
	}
	if it := parseRecord("f.jsonl:8", []byte(`{"id":"ok-1","title":"Fine","text":"ok"}`)); it.Err != nil {
		t.Errorf("valid record rejected: %v", it.Err)
	}
}
