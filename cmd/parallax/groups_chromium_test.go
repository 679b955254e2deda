package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/clitest"
	"parallax/internal/shared"
	"parallax/internal/web/webtest"
)

// devStories writes to a JSONL file the first six gold stories of
// dev.jsonl with 3 to 8 articles, each from another outlet, one of them
// recorded with a port ("host:80"), and returns it with each article's
// outlet as recorded, by id.
func devStories(t *testing.T) (string, map[string]string) {
	t.Helper()
	f, err := os.Open(shared.TestData(t, "cluster", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type rec struct{ ID, Story, Source string }
	byStory := map[string][]string{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if _, ok := byStory[r.Story]; !ok {
			order = append(order, r.Story)
		}
		byStory[r.Story] = append(byStory[r.Story], sc.Text())
	}
	var out []string
	source := map[string]string{}
	for _, s := range order {
		lines := byStory[s]
		outlets := map[string]string{}
		ported := false
		for _, l := range lines {
			var r rec
			_ = json.Unmarshal([]byte(l), &r)
			outlets[r.Source] = r.ID
			ported = ported || strings.HasSuffix(r.Source, ":80")
		}
		if len(lines) < 3 || len(lines) > 8 || len(outlets) != len(lines) || !ported {
			continue
		}
		for o, id := range outlets {
			source[id] = o
		}
		if out = append(out, lines...); len(out) >= 6*3 {
			break
		}
	}
	p := filepath.Join(t.TempDir(), "stories.jsonl")
	writeFile(t, p, strings.Join(out, "\n")+"\n")
	return p, source
}

// TestGroupsChromium builds a store from a few dev articles, imports a
// CSV of outlet labels with `parallax groups import` (outlets as the
// archive records them, ports and all), and checks in headless Chromium
// that the story page draws the coverage bars and that /blindspots lists
// the story, and that no outlet name shows a port.
func TestGroupsChromium(t *testing.T) {
	in, source := devStories(t)
	bin := clitest.Binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	base := startServe(t, bin, db)
	var list struct {
		Stories []struct {
			ID      string `json:"id"`
			Outlets int    `json:"outlets"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(getBody(t, base+"/api/v1/stories")), &list); err != nil {
		t.Fatal(err)
	}
	best := list.Stories[0]
	for _, s := range list.Stories {
		if s.Outlets > best.Outlets {
			best = s
		}
	}
	if best.Outlets < 3 {
		t.Fatalf("no story of 3 outlets: %+v", list.Stories)
	}
	var story struct {
		Articles []struct {
			ID     string `json:"id"`
			Source string `json:"source"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(getBody(t, base+"/api/v1/stories/"+best.ID)), &story); err != nil {
		t.Fatal(err)
	}
	// Label the story's outlets as the archive records them: leaning all
	// "left" (a blindspot), country only the first one's (the rest
	// unlabelled). The import runs beside serve, as an operator would.
	var csv strings.Builder
	csv.WriteString("outlet,dimension,value\n")
	for i, a := range story.Articles {
		raw := source[a.ID]
		if strings.Contains(a.Source, ":") || !strings.HasPrefix(raw, a.Source) {
			t.Errorf("article %s: source %q (recorded %q): a port kept or a name changed", a.ID, a.Source, raw)
		}
		fmt.Fprintf(&csv, "%s,leaning,left\n", raw)
		if i == 0 {
			fmt.Fprintf(&csv, "%s,country,US\n", raw)
		}
	}
	labels := filepath.Join(dir, "labels.csv")
	writeFile(t, labels, csv.String())
	if out, err := exec.Command(bin, "groups", "import", "--db", db, labels).CombinedOutput(); err != nil {
		t.Fatalf("groups import: %v\n%s", err, out)
	}

	dom := webtest.Chromium(t, base+"/stories/"+best.ID)
	if !strings.Contains(dom, `id="groups"`) {
		t.Fatalf("story page has no coverage section")
	}
	leaning := fmt.Sprintf(`aria-label="leaning: left %d (of %d outlets)"`, best.Outlets, best.Outlets)
	if !strings.Contains(dom, leaning) {
		t.Errorf("story page lacks the leaning bar %s", leaning)
	}
	country := fmt.Sprintf(`aria-label="country: US 1, unlabelled %d (of %d outlets)"`, best.Outlets-1, best.Outlets)
	if !strings.Contains(dom, country) {
		t.Errorf("story page lacks the country bar %s", country)
	}
	if n := len(regexp.MustCompile(`<rect class="seg-`).FindAllString(dom, -1)); n != 3 {
		t.Errorf("story page draws %d bar segments, want 3 (left; US, unlabelled)", n)
	}
	// An outlet name with a port (a URL's "host:80/path" aside).
	if m := regexp.MustCompile(`[a-z]\.(com|net|org):80[^/0-9]`).FindString(dom); m != "" {
		t.Errorf("story page shows an outlet name with a port: %q", m)
	}

	dom = webtest.Chromium(t, base+"/blindspots")
	if !strings.Contains(dom, `href="/stories/`+best.ID+`#groups"`) {
		t.Errorf("/blindspots does not list story %s", best.ID)
	}
	if !strings.Contains(unescape(dom), fmt.Sprintf("%d of %d labelled outlets", best.Outlets, best.Outlets)) {
		t.Errorf("/blindspots lacks the story's side count")
	}
}
