package main

import (
	"bufio"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parallax/internal/clitest"
	"parallax/internal/shared"
	"parallax/internal/web"
	"parallax/internal/web/webtest"
)

// devStoreLines is how many articles of the cluster dev set
// TestServeBrowseChromium ingests (about 30 stories).
const devStoreLines = 60

// devStore ingests the first n articles (with text) of the cluster dev set into a
// new store with the real binary and returns the store's path.
func devStore(t *testing.T, bin string, n int) string {
	t.Helper()
	f, err := os.Open(shared.TestData(t, "cluster", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for i := 0; i < n && sc.Scan(); {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(r.Text) == "" {
			continue // ingest rejects a record without text
		}
		b.Write(sc.Bytes())
		b.WriteByte('\n')
		i++
	}
	dir := t.TempDir()
	in, db := filepath.Join(dir, "dev.jsonl"), filepath.Join(dir, "p.db")
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	return db
}

// apiList is the part of a story list the test reads.
type apiList struct {
	Stories []struct {
		ID, Title string
		Articles  int
	}
	Total int
}

// TestServeBrowseChromium runs `parallax serve` on a store made from the
// dev set and drives it in Chromium: the list's sort and outlet filter
// change it as the API says, an actor's link leads to a page listing the
// person's stories, an outlet's page shows the figures the API gives,
// and j then o opens the first story.
func TestServeBrowseChromium(t *testing.T) {
	bin := clitest.Binary(t)
	base := startServe(t, bin, devStore(t, bin, devStoreLines))
	ctx := webtest.Browser(t)

	t.Run("SortAndFilter", func(t *testing.T) {
		var byArticles apiList
		apiGet(t, base+"/api/v1/stories?sort=articles&limit=500", &byArticles)
		if byArticles.Total < 10 || byArticles.Stories[0].Articles < 2 {
			t.Fatalf("dev store too small: %d stories, largest %d articles", byArticles.Total, byArticles.Stories[0].Articles)
		}
		webtest.Do(t, ctx, "sort", chromedp.Navigate(base+"/"),
			chromedp.SetValue(chromedp.CSS(`select[name=sort]`), "articles"),
			chromedp.Click(chromedp.CSS(`.filters button[type=submit]`)))
		webtest.WaitLocation(t, ctx, "/?sort=articles")
		shown := webtest.Texts(t, ctx, ".stories .story-link")
		if len(shown) == 0 || shown[0] != storyTitleOf(byArticles.Stories[0].Title) {
			t.Errorf("first by articles = %q, want %q", first(shown), byArticles.Stories[0].Title)
		}
		var story struct{ Articles []struct{ Source string } }
		apiGet(t, base+"/api/v1/stories/"+url.PathEscape(byArticles.Stories[0].ID), &story)
		outlet := story.Articles[0].Source
		var byOutlet apiList
		apiGet(t, base+"/api/v1/stories?outlet="+url.QueryEscape(outlet), &byOutlet)
		webtest.Do(t, ctx, "filter", chromedp.SendKeys(chromedp.CSS(`input[name=outlet]`), outlet),
			chromedp.Click(chromedp.CSS(`.filters button[type=submit]`)))
		webtest.WaitLocation(t, ctx, "/?sort=articles&outlet="+url.QueryEscape(outlet))
		shown = webtest.Texts(t, ctx, ".stories .story-link")
		if len(shown) != byOutlet.Total || len(shown) >= byArticles.Total || !slices.Contains(shown, storyTitleOf(byArticles.Stories[0].Title)) {
			t.Errorf("outlet %s: %d shown, API %d of %d", outlet, len(shown), byOutlet.Total, byArticles.Total)
		}
	})

	t.Run("EntityPage", func(t *testing.T) {
		id, person := storyWithPerson(t, base)
		href := "/entities/person/" + url.PathEscape(person)
		webtest.Do(t, ctx, "open story", chromedp.Navigate(base+"/stories/"+url.PathEscape(id)),
			chromedp.Click(chromedp.CSS(`#actors a[href="`+href+`"]`)))
		webtest.WaitLocation(t, ctx, href)
		if h := webtest.Texts(t, ctx, "h1"); len(h) != 1 || h[0] != person {
			t.Errorf("heading %q, want %q", h, person)
		}
		links := webtest.Eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".stories .story-link"), a => a.getAttribute("href"))`)
		if !slices.Contains(links, "/stories/"+url.PathEscape(id)) {
			t.Errorf("entity page lists %q, not the story %s", links, id)
		}
	})

	t.Run("OutletPage", func(t *testing.T) {
		var list apiList
		apiGet(t, base+"/api/v1/stories?sort=outlets&limit=1", &list)
		var story struct{ Framing []struct{ Source string } }
		apiGet(t, base+"/api/v1/stories/"+url.PathEscape(list.Stories[0].ID), &story)
		if len(story.Framing) == 0 {
			t.Fatal("the widest story's brief has no framing")
		}
		source := story.Framing[0].Source
		var api struct {
			Outlet struct {
				Stories, Briefed, Claims int
				AllClaims                int `json:"all_claims"`
			}
		}
		apiGet(t, base+"/api/v1/outlets/"+url.PathEscape(source), &api)
		webtest.Do(t, ctx, "open story", chromedp.Navigate(base+"/stories/"+url.PathEscape(list.Stories[0].ID)),
			chromedp.Click(chromedp.CSS(`#framing a[href="/outlets/`+url.PathEscape(source)+`"]`)))
		webtest.WaitLocation(t, ctx, "/outlets/"+url.PathEscape(source))
		claims := webtest.Texts(t, ctx, "#claims")
		if len(claims) != 1 || !strings.HasPrefix(claims[0], strconv.Itoa(api.Outlet.Claims)+" of "+strconv.Itoa(api.Outlet.AllClaims)+" single-source claims") {
			t.Errorf("claims shown %q, API %+v", claims, api.Outlet)
		}
		if got := webtest.Texts(t, ctx, "#briefed"); len(got) != 1 || got[0] != strconv.Itoa(api.Outlet.Briefed) || api.Outlet.Briefed < 1 {
			t.Errorf("briefed shown %q, API %d", got, api.Outlet.Briefed)
		}
		if got := len(webtest.Texts(t, ctx, ".stories .story-link")); got != min(api.Outlet.Stories, web.DefaultPageSize) {
			t.Errorf("%d stories shown, API %d", got, api.Outlet.Stories)
		}
	})

	t.Run("Keyboard", func(t *testing.T) {
		var list apiList
		apiGet(t, base+"/api/v1/stories?limit=1", &list)
		webtest.Do(t, ctx, "j o", chromedp.Navigate(base+"/"), webtest.Press("jo"))
		webtest.WaitLocation(t, ctx, "/stories/"+url.PathEscape(list.Stories[0].ID))
	})
}

// storyWithPerson returns a story whose brief names a person, and the
// person's name.
func storyWithPerson(t *testing.T, base string) (string, string) {
	t.Helper()
	var list apiList
	apiGet(t, base+"/api/v1/stories?sort=articles&limit=500", &list)
	for _, s := range list.Stories {
		var story struct{ Entities []struct{ Name, Type string } }
		apiGet(t, base+"/api/v1/stories/"+url.PathEscape(s.ID), &story)
		for _, e := range story.Entities {
			if e.Type == "PERSON" {
				return s.ID, e.Name
			}
		}
	}
	t.Fatal("no brief of the dev store names a person")
	return "", ""
}

func apiGet(t *testing.T, url string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(getBody(t, url)), v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// storyTitleOf is a title as the list shows it.
func storyTitleOf(title string) string {
	if strings.TrimSpace(title) == "" {
		return "Untitled story"
	}
	return strings.Join(strings.Fields(title), " ")
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
