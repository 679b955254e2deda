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

func writeRaw(t *testing.T, buf *bytes.Buffer, compressed bool, s string) {
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

func TestCorruptGzipMember(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, true)
	w.WriteResponse("https://news.example/1", day, pageHTML(1))
	start := buf.Len()
	w.WriteResponse("https://news.example/2", day, pageHTML(2))
	mid := start + (buf.Len()-start)/2
	w.WriteResponse("https://news.example/3", day, pageHTML(3))
	data := buf.Bytes()
	for i := mid; i < mid+8; i++ {
		data[i] ^= 0xff
	}
	items := readAll(t, data)
	if len(items) != 3 || items[0].Err != nil || items[2].Err != nil || !errors.Is(items[1].Err, ErrGzip) {
		t.Fatalf("items %+v: want page, gzip error, page", items)
	}
	if !strings.Contains(items[1].Err.Error(), fmt.Sprintf("offset %d", start)) {
		t.Errorf("error %v should name the member offset %d", items[1].Err, start)
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
				if !errors.As(err, &re) {
					t.Fatalf("error %v is not a RecordError", err)
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
