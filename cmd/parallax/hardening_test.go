package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/web"
)

func statsJSON(t *testing.T, db string) model.Stats {
	t.Helper()
	code, out, errOut := runCmd(t, "", "stats", "--db", db, "--json")
	var s model.Stats
	if err := json.Unmarshal([]byte(out), &s); code != 0 || err != nil {
		t.Fatalf("stats: %d %v %s", code, err, errOut)
	}
	return s
}

func countPrefix(s, prefix string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

// TestIngestJunkLines (#19.1): a file of junk lines prints the first few
// rejections and one summary line for the file, keeps the first 20 in the
// store and counts all of them.
func TestIngestJunkLines(t *testing.T) {
	dir := t.TempDir()
	const n = 1000
	junk := filepath.Join(dir, "junk.jsonl")
	text, _ := json.Marshal(goodText)
	writeFile(t, junk, strings.Repeat("{bad:json\n", n)+`{"id":"ok1","text":`+string(text)+`}`+"\n")
	other := filepath.Join(dir, "other.jsonl")
	writeFile(t, other, "{bad\n{bad\n")
	db := filepath.Join(dir, "p.db")
	code, _, errOut := runCmd(t, "", "ingest", "--db", db, junk, other)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	if got := countPrefix(errOut, "rejected: "+junk+":"); got != rejectLinesPerInput+1 {
		t.Errorf("%d lines for junk.jsonl, want %d and the summary:\n%s", got, rejectLinesPerInput, errOut)
	}
	if !strings.Contains(errOut, fmt.Sprintf("rejected: %s: %d in all (%d more not shown", junk, n, n-rejectLinesPerInput)) {
		t.Errorf("no summary line for junk.jsonl:\n%s", errOut)
	}
	if got := countPrefix(errOut, "rejected: "+other); got != 2 {
		t.Errorf("other.jsonl: %d lines, want its 2 rejections and no summary:\n%s", got, errOut)
	}
	if lines := strings.Count(errOut, "\n"); lines > 30 {
		t.Errorf("stderr has %d lines for %d rejections:\n%s", lines, n+2, errOut)
	}
	s := statsJSON(t, db)
	if s.Rejected != n+2 || s.Articles != 1 {
		t.Errorf("stats = %+v, want %d rejected and 1 article", s, n+2)
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sums, err := st.(store.RejectionLister).Rejections(context.Background(), 10, 100)
	if err != nil || len(sums) != 2 || sums[0].Input != junk || sums[0].Total != n || len(sums[0].Examples) != store.RejectedPerInput {
		t.Fatalf("rejections kept = %+v, %v", sums, err)
	}
	_, out, _ := runCmd(t, "", "stats", "--db", db)
	if !strings.Contains(out, junk+": 1000") || !strings.Contains(out, "malformed JSON line") {
		t.Errorf("stats does not summarise the rejections per input:\n%s", out)
	}
}

// TestIngestLineLimit (#19.2): a line over the default limit is rejected
// unread, naming the line and the limit; PARALLAX_MAX_BYTES lowers it.
func TestIngestLineLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.jsonl")
	line := `{"id":"big","text":"` + strings.Repeat("word ", (5<<20)/5) + `"}`
	text, _ := json.Marshal(goodText)
	writeFile(t, big, line+"\n"+`{"id":"small","text":`+string(text)+`}`+"\n")
	code, _, errOut := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "p.db"), big)
	if code != 1 || !strings.Contains(errOut, big+":1: files: input too large: line longer than 4194304 bytes") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if s := statsJSON(t, filepath.Join(dir, "p.db")); s.Articles != 1 {
		t.Errorf("the small line was not stored: %+v", s)
	}
	t.Setenv("PARALLAX_MAX_BYTES", "1000")
	code, _, errOut = runCmd(t, "", "ingest", "--db", filepath.Join(dir, "q.db"), big)
	if code != 1 || !strings.Contains(errOut, big+":1: files: input too large: line longer than 1000 bytes") {
		t.Errorf("PARALLAX_MAX_BYTES=1000: exit %d: %s", code, errOut)
	}
}

// TestIngestValidation (#19.3): ids and fields the web could not show are
// rejected naming the line; what is stored can be viewed.
func TestIngestValidation(t *testing.T) {
	dir := t.TempDir()
	b, _ := json.Marshal(goodText)
	body := strings.Trim(string(b), `"`)
	in := filepath.Join(dir, "v.jsonl")
	writeFile(t, in, strings.Join([]string{
		`{"id":"nul\u0000id","text":"` + body + `"}`,
		`{"id":"` + strings.Repeat("x", 5000) + `","text":"` + body + ` 2"}`,
		`{"id":"t1","title":"NUL \u0000 title","text":"` + body + ` 3"}`,
		`{"id":"u1","url":"https://e.example/\u0000","text":"` + body + ` 4"}`,
		`{"id":"wire/2024/a b","text":"` + body + ` 5"}`,
		`{"id":"wire/2024/ok","title":"Bridge","text":"` + body + ` 6"}`,
	}, "\n")+"\n")
	db := filepath.Join(dir, "p.db")
	code, _, errOut := runCmd(t, "", "ingest", "--db", db, in)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sums, err := st.(store.RejectionLister).Rejections(context.Background(), 1, 10)
	if err != nil || len(sums) != 1 || len(sums[0].Examples) != 5 {
		t.Fatalf("rejections: %+v %v\n%s", sums, err, errOut)
	}
	for i, field := range []string{"id", "id", "title", "url", "id"} {
		x := sums[0].Examples[i]
		if x.Origin != fmt.Sprintf("%s:%d", in, i+1) || !strings.Contains(x.Reason, "model: invalid field: "+field) {
			t.Errorf("line %d: rejection %+v, want one naming the line and %s", i+1, x, field)
		}
	}
	h := web.NewHandler(st, newLogger(&bytes.Buffer{}))
	for _, target := range []string{"/articles/" + url.PathEscape("wire/2024/ok"), "/api/v1/articles/" + url.PathEscape("wire/2024/ok")} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s = %d", target, rec.Code)
		}
	}
}

// TestExitCodes (#19.4): 0 when all is stored, 1 when an input is rejected
// (even all of them: a missing file, a gzip bomb, a NUL-only file), 2 for
// usage.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	writeFile(t, good, goodText)
	nul := filepath.Join(dir, "nul.txt")
	writeFile(t, nul, strings.Repeat("\x00", 4096))
	bomb := filepath.Join(dir, "bomb.warc.gz")
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 64 { // 64 MB of zeros in about 64 KB
		zw.Write(zeros)
	}
	zw.Close()
	if err := os.WriteFile(bomb, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "p.db")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"AllStored", []string{"ingest", "--db", db, good}, 0},
		{"AgainDuplicates", []string{"ingest", "--db", db, good}, 0},
		{"Missing", []string{"ingest", "--db", db, "/nonexistent/file.jsonl"}, 1},
		{"NULOnly", []string{"ingest", "--db", db, nul}, 1},
		{"GzipBomb", []string{"ingest", "--db", db, bomb}, 1},
		{"SomeRejected", []string{"ingest", "--db", db, good, nul}, 1},
		{"NoPath", []string{"ingest", "--db", db}, 2},
		{"BadFlag", []string{"ingest", "--frobnicate", good}, 2},
		{"BadEnv", []string{"ingest", "--db", db, good}, 2}, // PARALLAX_WORKERS=many, below
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "BadEnv" {
				t.Setenv("PARALLAX_WORKERS", "many")
			}
			code, _, errOut := runCmd(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d: %s", code, tt.want, errOut)
			}
			if tt.name == "BadEnv" && !strings.Contains(errOut, "PARALLAX_WORKERS") {
				t.Errorf("error does not name the variable: %s", errOut)
			}
		})
	}
}

// TestFeedsImportSkipped (#19.5): every outline not followed is named
// with its reason.
func TestFeedsImportSkipped(t *testing.T) {
	dir := t.TempDir()
	opml := filepath.Join(dir, "subs.opml")
	writeFile(t, opml, `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Good" xmlUrl="https://good.example/rss"/>
<outline text="Words" xmlUrl="not a url"/>
<outline text="FTP" xmlUrl="ftp://files.example/feed"/>
<outline text="Local" xmlUrl="file:///etc/passwd"/>
<outline text="Again" xmlUrl="https://good.example/rss"/>
<outline text="Folder"><outline text="Inner" xmlUrl="https://inner.example/atom"/></outline>
</body></opml>`)
	code, _, errOut := runCmd(t, "", "feeds", "import", opml, "--db", filepath.Join(dir, "p.db"))
	if code != 0 || !strings.Contains(errOut, "imported 2 feed(s)") || !strings.Contains(errOut, "4 outline(s) skipped") {
		t.Fatalf("import: %d %s", code, errOut)
	}
	for _, want := range []string{`"not a url" (Words): not an absolute http(s) URL`, `"ftp://files.example/feed" (FTP): not an absolute`,
		`"file:///etc/passwd" (Local): not an absolute`, `"https://good.example/rss" (Again): listed before`} {
		if !strings.Contains(errOut, "skipped outline "+want) {
			t.Errorf("no line %q in:\n%s", want, errOut)
		}
	}
}

// TestPollOnceBackoff (#19.9): poll --once polls a feed in backoff after
// a failure.
func TestPollOnceBackoff(t *testing.T) {
	site := newsSite(t)
	var fail atomic.Bool
	fail.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() && r.URL.Path == "/feed.xml" {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		resp, err := http.Get(site.URL + r.URL.Path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		// Links in the feed point at the site; serve them from here too.
		w.Write(bytes.ReplaceAll(b.Bytes(), []byte(site.URL), []byte("http://"+r.Host)))
	}))
	t.Cleanup(srv.Close)
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errOut := runCmd(t, "", "feeds", "add", srv.URL+"/feed.xml", "--db", db); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	code, _, errOut := runCmd(t, "", "poll", "--once", "--allow-private", "--db", db)
	if code != 0 || !strings.Contains(errOut, "polled 1 feed(s)") || !strings.Contains(errOut, "1 failed") {
		t.Fatalf("first poll: %d %s", code, errOut)
	}
	_, list, _ := runCmd(t, "", "feeds", "list", "--db", db)
	if !strings.Contains(list, "500") {
		t.Errorf("feed not marked as failing:\n%s", list)
	}
	fail.Store(false)
	code, _, errOut = runCmd(t, "", "poll", "--once", "--allow-private", "--db", db)
	if code != 0 || !strings.Contains(errOut, "polled 1 feed(s)") || !strings.Contains(errOut, "2 new item(s)") {
		t.Fatalf("poll --once of a feed in backoff: %d %s", code, errOut)
	}
}

// TestEvalOutsideRepo (#19.10): eval run from another folder finds the
// data through --data or PARALLAX_SHARED, and otherwise says where it
// looked.
func TestEvalOutsideRepo(t *testing.T) {
	elsewhere := t.TempDir()
	t.Chdir(elsewhere)
	t.Setenv("PARALLAX_SHARED", "")
	if root := sharedAround(t, elsewhere); root != "" {
		// A clone in /tmp/x with its data in /tmp/shared: the temp folder
		// has that shared folder beside an ancestor, and is meant to find it.
		if got, err := locateShared(""); err != nil || got != root {
			t.Errorf("from %s: located %q, %v; want %s", elsewhere, got, err, root)
		}
	} else {
		code, _, errOut := runCmd(t, "", "eval", "cluster")
		if code != 1 || !strings.Contains(errOut, "gold data not found") || !strings.Contains(errOut, elsewhere) ||
			!strings.Contains(errOut, "--data") || strings.Contains(errOut, "open :") {
			t.Errorf("eval cluster without data: %d %s", code, errOut)
		}
	}
	var code int
	var errOut string
	fake := filepath.Join(t.TempDir(), "shared")
	if err := os.MkdirAll(filepath.Join(fake, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(fake, "data", "summary", "dev")
	for _, args := range [][]string{{"eval", "--data", fake, "summary"}, {"eval", "summary", "--data", fake},
		{"eval", "summary", "--data", filepath.Join(fake, "data")}} {
		code, _, errOut = runCmd(t, "", args...)
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("%v: %d %s (want an error naming %s)", args, code, errOut, want)
		}
	}
	t.Setenv("PARALLAX_SHARED", fake)
	if code, _, errOut = runCmd(t, "", "eval", "timeline"); code != 1 || !strings.Contains(errOut, filepath.Join(fake, "data", "summary", "timeline", "dev")) {
		t.Errorf("PARALLAX_SHARED: %d %s", code, errOut)
	}
	if code, _, errOut = runCmd(t, "", "eval", "--data", filepath.Join(elsewhere, "nope"), "timeline"); code != 1 || !strings.Contains(errOut, "nope") {
		t.Errorf("--data missing: %d %s", code, errOut)
	}
}

// sharedAround returns the shared folder that locateShared finds by
// searching from dir and from the test binary's folder, or "".
func sharedAround(t *testing.T, dir string) string {
	if root := besideAncestors(dir); root != "" {
		return root
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if exe, err = filepath.EvalSymlinks(exe); err != nil {
		t.Fatal(err)
	}
	return besideAncestors(filepath.Dir(exe))
}

// TestFlagsAnywhere (#19.11): flags after the subcommand's arguments.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	good := filepath.Join(dir, "good.txt")
	writeFile(t, good, goodText)
	if code, _, errOut := runCmd(t, "", "ingest", good, "--db", db, "--workers", "1"); code != 0 {
		t.Fatalf("ingest PATH --db: %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "feeds", "add", "https://a.example/rss", "--db", db, "--title", "A"); code != 0 {
		t.Fatalf("feeds add URL --db --title: %d %s", code, errOut)
	}
	code, out, errOut := runCmd(t, "", "feeds", "list", "--db", db)
	if code != 0 || !strings.Contains(out, "https://a.example/rss") || !strings.Contains(out, "A") {
		t.Fatalf("feeds list --db: %d %q %s", code, out, errOut)
	}
	if s := statsJSON(t, db); s.Articles != 1 {
		t.Errorf("stats: %+v", s)
	}
	if code, out, _ := runCmd(t, "", "stats", "--json", "--db", db); code != 0 || !strings.Contains(out, `"articles":1`) {
		t.Errorf("stats --json --db: %d %s", code, out)
	}
	// "--" ends the flags: a file named like a flag.
	if code, _, errOut := runCmd(t, "", "ingest", "--db", db, "--", "--weird.txt"); code != 1 || !strings.Contains(errOut, "--weird.txt") {
		t.Errorf("ingest -- --weird.txt: %d %s", code, errOut)
	}
}

// TestEnvAndConfig: every configuration flag reads its variable, and
// config prints the effective values with passwords redacted.
func TestEnvAndConfig(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PARALLAX_DB", filepath.Join(dir, "env.db"))
	good := filepath.Join(dir, "good.txt")
	writeFile(t, good, goodText)
	if code, _, errOut := runCmd(t, "", "ingest", good); code != 0 {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "env.db")); err != nil {
		t.Errorf("PARALLAX_DB not used: %v", err)
	}
	t.Setenv("PARALLAX_DB", "postgres://parallax:hunter2@db.internal:5432/p")
	t.Setenv("PARALLAX_WORKERS", "3")
	t.Setenv("PARALLAX_ALLOW_PRIVATE", "true")
	t.Setenv("PGPASSWORD", "s3cret")
	code, out, errOut := runCmd(t, "", "config")
	if code != 0 {
		t.Fatalf("config: %d %s", code, errOut)
	}
	if strings.Contains(out, "hunter2") || strings.Contains(out, "s3cret") {
		t.Errorf("config shows a secret:\n%s", out)
	}
	for _, want := range []string{"postgres://parallax:xxxxx@db.internal:5432/p", "PARALLAX_ALLOW_PRIVATE", "PARALLAX_MAX_BYTES",
		"PARALLAX_POLL_WORKERS", "PGPASSWORD"} {
		if !strings.Contains(out, want) {
			t.Errorf("config lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) >= 4 && f[0] == "PARALLAX_WORKERS" && (f[2] != "3" || f[3] != "environment") {
			t.Errorf("PARALLAX_WORKERS line: %q", l)
		}
	}
	// Each command's help names the variables of its flags.
	_, _, help := runCmd(t, "", "ingest", "--help")
	for _, v := range []string{"PARALLAX_ALLOW_PRIVATE", "PARALLAX_WORKERS", "PARALLAX_MAX_BYTES", "PARALLAX_DB", "PARALLAX_QUEUE"} {
		if !strings.Contains(help, v) {
			t.Errorf("ingest --help does not name %s:\n%s", v, help)
		}
	}
}
