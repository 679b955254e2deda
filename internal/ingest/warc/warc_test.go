package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/ingest/files"
)

var day = time.Date(2017, 3, 4, 5, 6, 7, 0, time.UTC)

func pageHTML(n int) []byte {
	return fmt.Appendf(nil, "<html><head><title>Story %d</title></head><body><article><h1>Story %d</h1><p>Body of story number %d.</p></article></body></html>", n, n, n)
}

// archive writes a WARC with a warcinfo record, then per page a request
// and a response, plus a 404, an image and a DNS record that are skipped.
// bad (1-based page) gets a response record without Content-Length.
func archive(t *testing.T, compressed bool, pages, bad int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, compressed)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.WriteRecord([][2]string{{"WARC-Type", "warcinfo"}, {"Content-Type", "application/warc-fields"}}, []byte("software: test\r\n")))
	for i := 1; i <= pages; i++ {
		uri := fmt.Sprintf("https://news.example/story/%d", i)
		must(w.WriteRecord([][2]string{{"WARC-Type", "request"}, {"WARC-Target-URI", uri}, {"Content-Type", "application/http; msgtype=request"}},
			[]byte("GET /story HTTP/1.1\r\nHost: news.example\r\n\r\n")))
		if i == bad {
			writeRaw(t, &buf, compressed, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: "+uri+"\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n")
			continue
		}
		must(w.WriteResponse(uri, day, pageHTML(i)))
	}
	must(w.WriteRecord([][2]string{{"WARC-Type", "response"}, {"WARC-Target-URI", "https://news.example/gone"}, {"Content-Type", "application/http; msgtype=response"}},
		[]byte("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>")))
	must(w.WriteRecord([][2]string{{"WARC-Type", "response"}, {"WARC-Target-URI", "https://news.example/a.png"}, {"Content-Type", "application/http; msgtype=response"}},
		[]byte("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG")))
	must(w.WriteRecord([][2]string{{"WARC-Type", "response"}, {"WARC-Target-URI", "dns:news.example"}, {"Content-Type", "text/dns"}},
		[]byte("20170304 news.example. 300 IN A 192.0.2.1")))
	return buf.Bytes()
}

func writeRaw(t testing.TB, buf *bytes.Buffer, compressed bool, s string) {
	t.Helper()
	if !compressed {
		buf.WriteString(s)
		return
	}
	z := gzip.NewWriter(buf)
	z.Write([]byte(s))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}

func readAll(t *testing.T, data []byte) (items []files.Item) {
	t.Helper()
	err := Read(context.Background(), bytes.NewReader(data), "a.warc", files.Options{}, func(it files.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return items
}

func TestRead(t *testing.T) {
	for _, compressed := range []bool{true, false} {
		t.Run(map[bool]string{true: "Gzip", false: "Plain"}[compressed], func(t *testing.T) {
			items := readAll(t, archive(t, compressed, 3, 0))
			if len(items) != 3 {
				t.Fatalf("got %d items, want 3 pages: %+v", len(items), items)
			}
			for i, it := range items {
				n := i + 1
				if it.Err != nil || it.Rec == nil {
					t.Fatalf("item %d: %+v", i, it)
				}
				// records: 1 warcinfo, then request/response pairs.
				if want := fmt.Sprintf("a.warc#record%d", 2+2*n-1); it.Origin != want {
					t.Errorf("origin %q, want %q", it.Origin, want)
				}
				if it.Rec.URL != fmt.Sprintf("https://news.example/story/%d", n) || it.Rec.HTML != string(pageHTML(n)) {
					t.Errorf("item %d = %q %q", i, it.Rec.URL, it.Rec.HTML)
				}
				if !it.Rec.Fetched.Equal(day) || !it.Rec.Published.IsZero() {
					t.Errorf("fetched %v published %v: WARC-Date is the capture time, not publication", it.Rec.Fetched, it.Rec.Published)
				}
			}
		})
	}
}

func TestBadHeaderGoesOn(t *testing.T) {
	for _, compressed := range []bool{true, false} {
		t.Run(map[bool]string{true: "Gzip", false: "Plain"}[compressed], func(t *testing.T) {
			items := readAll(t, archive(t, compressed, 3, 2))
			var got []string
			for _, it := range items {
				if it.Err != nil {
					if !errors.Is(it.Err, ErrHeader) || !strings.Contains(it.Err.Error(), "a.warc") || !strings.Contains(it.Err.Error(), "record 5 at offset") {
						t.Errorf("error %v should name file, record and offset", it.Err)
					}
					got = append(got, "error:"+it.Origin)
					continue
				}
				got = append(got, it.Rec.URL)
			}
			want := "https://news.example/story/1 error:a.warc#record5 https://news.example/story/3"
			if strings.Join(got, " ") != want {
				t.Errorf("got %v\nwant %s", got, want)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	for _, compressed := range []bool{true, false} {
		t.Run(map[bool]string{true: "Gzip", false: "Plain"}[compressed], func(t *testing.T) {
			full := archive(t, compressed, 3, 0)
			var tail bytes.Buffer
			NewWriter(&tail, compressed).WriteResponse("https://news.example/story/4", day, pageHTML(4))
			data := append(append([]byte{}, full...), tail.Bytes()[:tail.Len()/2]...)
			items := readAll(t, data)
			if len(items) != 4 {
				t.Fatalf("got %d items, want 3 pages and an error", len(items))
			}
			last := items[3]
			if !errors.Is(last.Err, ErrTruncated) || !strings.Contains(last.Err.Error(), "after 10 good records") {
				t.Errorf("last item %v, want a truncation error after the good records", last.Err)
			}
			for _, it := range items[:3] {
				if it.Err != nil {
					t.Errorf("good record lost: %v", it.Err)
				}
			}
		})
	}
}

// fixedResponse is a response record for page n with a fixed record ID,
// so that its gzip member has the same bytes on every run.
func fixedResponse(n int) string {
	html := pageHTML(n)
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(html), html)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/%d\r\nWARC-Date: 2017-03-04T05:06:07Z\r\n"+
		"Content-Type: application/http; msgtype=response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		n, n, len(http), http)
}

// threeMembers returns a WARC.gz of three fixed response records, one a
// member, and where the second member starts and ends.
func threeMembers(t testing.TB) (data []byte, start, end int) {
	t.Helper()
	var buf bytes.Buffer
	writeRaw(t, &buf, true, fixedResponse(1))
	start = buf.Len()
	writeRaw(t, &buf, true, fixedResponse(2))
	end = buf.Len()
	writeRaw(t, &buf, true, fixedResponse(3))
	return buf.Bytes(), start, end
}

// checkCorrupt asserts that pages 1 and 3 come out whole, with the
// corrupt record 2 between them as one gzip error naming its member.
func checkCorrupt(t *testing.T, items []files.Item, start int) {
	t.Helper()
	if len(items) != 3 {
		t.Fatalf("got %d items, want page, gzip error, page: %+v", len(items), items)
	}
	for i, n := range []int{1, 3} {
		it := items[2*i]
		if it.Err != nil || it.Rec == nil || it.Origin != fmt.Sprintf("a.warc#record%d", n) || it.Rec.HTML != string(pageHTML(n)) {
			t.Errorf("item %d = %s %v, want page %d whole", 2*i, it.Origin, it.Err, n)
		}
	}
	bad := items[1]
	if bad.Rec != nil || !errors.Is(bad.Err, ErrGzip) || bad.Origin != "a.warc#record2" ||
		!strings.Contains(bad.Err.Error(), fmt.Sprintf("a.warc: record 2 at offset %d:", start)) {
		t.Errorf("item 1 = %s %v, want a gzip error for record 2 at offset %d", bad.Origin, bad.Err, start)
	}
}

func TestCorruptGzipMember(t *testing.T) {
	orig, start, end := threeMembers(t)
	size := end - start
	cases := []struct {
		name    string
		at, len int // bytes flipped, from the start of the second member
	}{
		{"HeaderMagic", 0, 2},
		{"HeaderFlags", 3, 1}, // FEXTRA and FNAME set: the header parser reads on into member 3
		{"DataMiddle", size / 2, 8},
		{"DataEnd", size - 9, 1}, // the decompressor reads on past the member's end
		{"TrailerCRC", size - 8, 4},
		{"TrailerSize", size - 4, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := append([]byte{}, orig...)
			for i := start + c.at; i < start+c.at+c.len; i++ {
				data[i] ^= 0xff
			}
			checkCorrupt(t, readAll(t, data), start)
		})
	}
	t.Run("EveryByte", func(t *testing.T) {
		for at := range size {
			data := append([]byte{}, orig...)
			data[start+at] ^= 0xff
			items := readAll(t, data)
			if at >= 4 && at < 10 { // MTIME, XFL, OS: not covered by any check
				if len(items) != 3 || items[1].Err != nil {
					t.Errorf("byte %d: %+v, want three pages", at, items)
				}
				continue
			}
			checkCorrupt(t, items, start)
		}
	})
}

// TestCorruptLargeMember covers members larger than MaxRecordBytes, which
// are streamed rather than checked whole first: the record must still wait
// for its member's trailer, and a record too large gives one error.
func TestCorruptLargeMember(t *testing.T) {
	orig, start, end := threeMembers(t)
	body := len(fixedResponse(1)) - strings.Index(fixedResponse(1), "HTTP/1.1") - 4
	for _, c := range []struct {
		name string
		max  int64
		want error // for records 1 and 3
	}{
		{"Streamed", int64(body), nil},
		{"TooLarge", int64(body - 1), ErrTooLarge},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := append([]byte{}, orig...)
			for i := end - 8; i < end; i++ {
				data[i] ^= 0xff
			}
			r := NewReader(bytes.NewReader(data), Options{MaxRecordBytes: c.max})
			var got []string
			for {
				rec, err := r.Next()
				if err == io.EOF {
					break
				}
				var re *RecordError
				switch {
				case err == nil:
					got = append(got, fmt.Sprintf("ok%d", rec.Number))
				case errors.As(err, &re) && errors.Is(err, ErrGzip) && re.Offset == int64(start):
					got = append(got, fmt.Sprintf("gzip%d", re.Number))
				case errors.As(err, &re) && errors.Is(err, c.want):
					got = append(got, fmt.Sprintf("large%d", re.Number))
				default:
					t.Fatalf("error %v", err)
				}
			}
			want := "ok1 gzip2 ok3"
			if c.want != nil {
				want = "large1 gzip2 large3"
			}
			if strings.Join(got, " ") != want {
				t.Errorf("got %v, want %s", got, want)
			}
		})
	}
}

func TestNotWARC(t *testing.T) {
	binary := make([]byte, 200<<10)
	for i := range binary {
		binary[i] = byte(i*7+i/251) | 0x80
	}
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		writeRaw(t, &buf, true, string(b))
		return buf.Bytes()
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"GzipText", gz([]byte("name,count\nparallax,1\n"))},
		{"GzipBinary", gz(binary)},
		{"GzipTwoMembers", append(gz([]byte("hello\n")), gz([]byte("world\n"))...)},
		{"PlainText", []byte("<html><p>not an archive</p></html>\n")},
		{"PlainBinary", binary},
	} {
		t.Run(c.name, func(t *testing.T) {
			items := readAll(t, c.data)
			if len(items) != 1 || !errors.Is(items[0].Err, ErrNotWARC) || items[0].Origin != "a.warc" {
				t.Fatalf("items %+v, want one not-WARC error for the file", items)
			}
			if msg := items[0].Err.Error(); strings.Contains(msg, "record") || errors.Is(items[0].Err, ErrGzip) {
				t.Errorf("error %q should not blame a record or the gzip data", msg)
			}
		})
	}
}

func TestLegacyCharset(t *testing.T) {
	var buf bytes.Buffer
	body := []byte("<html><head><meta charset=\"windows-1251\"><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>")
	NewWriter(&buf, false).WriteRecord([][2]string{{"WARC-Type", "response"}, {"WARC-Target-URI", "https://ru.example/"}, {"Content-Type", "application/http;msgtype=response"}},
		append([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n"), body...))
	items := readAll(t, buf.Bytes())
	if len(items) != 1 || items[0].Rec == nil || !strings.Contains(items[0].Rec.HTML, "Привет") {
		t.Fatalf("items %+v", items)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.warc.gz"), archive(t, true, 2, 0), 0o644)
	os.WriteFile(filepath.Join(dir, "b.WARC"), archive(t, false, 1, 0), 0o644)
	var origins []string
	err := files.Walk(context.Background(), []string{dir}, files.Options{}, func(it files.Item) error {
		if it.Err != nil {
			t.Errorf("item error %v", it.Err)
		}
		origins = append(origins, filepath.Base(it.Origin))
		return nil
	}, func(p string) { t.Errorf("skipped %s", p) })
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(origins, " "); got != "a.warc.gz#record3 a.warc.gz#record5 b.WARC#record3" {
		t.Errorf("origins %s", got)
	}
}

func TestEmpty(t *testing.T) {
	items := readAll(t, nil)
	if len(items) != 1 || !errors.Is(items[0].Err, files.ErrEmpty) {
		t.Errorf("items %+v", items)
	}
}

func FuzzReader(f *testing.F) {
	var gz, plain bytes.Buffer
	NewWriter(&gz, true).WriteResponse("https://a.example/", day, pageHTML(1))
	NewWriter(&plain, false).WriteResponse("https://a.example/", day, pageHTML(1))
	f.Add(gz.Bytes())
	three, start, _ := threeMembers(f)
	three[start+3] ^= 0xff
	f.Add(three)
	f.Add(plain.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\nx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), Options{MaxRecordBytes: 1 << 16})
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatal("reader does not advance")
			}
			rec, err := r.Next()
			if err != nil {
				if err == io.EOF {
					return
				}
				var re *RecordError
				if !errors.As(err, &re) && !errors.Is(err, ErrNotWARC) {
					t.Fatalf("error %v is neither a RecordError nor ErrNotWARC", err)
				}
				continue
			}
			if int64(len(rec.Content)) > 1<<16 {
				t.Fatal("record over the limit")
			}
			item("f", rec, 1<<16)
		}
	})
}
