package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parallax/internal/web/webtest"
)

const (
	bridgeTitle = "Elm Street bridge closed after cracks found"
	schoolTitle = "School board vote delayed"
)

// TestChromiumListFilters fills the story list's form in Chromium: each
// sort and filter changes the list and its total, and the next page keeps
// them.
func TestChromiumListFilters(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	ctx := webtest.Browser(t)
	webtest.Do(t, ctx, "open /", chromedp.Navigate(base+"/"))
	checkList(t, ctx, []string{schoolTitle, bridgeTitle}, "2 stories")

	webtest.Do(t, ctx, "sort by articles", chromedp.SetValue(chromedp.CSS(`select[name=sort]`), "articles"),
		chromedp.Click(chromedp.CSS(`.filters button[type=submit]`)))
	webtest.WaitLocation(t, ctx, "/?sort=articles")
	checkList(t, ctx, []string{bridgeTitle, schoolTitle}, "2 stories")

	webtest.Do(t, ctx, "filter by outlet", chromedp.SendKeys(chromedp.CSS(`input[name=outlet]`), "Valley Post"),
		chromedp.Click(chromedp.CSS(`.filters button[type=submit]`)))
	webtest.WaitLocation(t, ctx, "/?sort=articles&outlet=Valley+Post")
	checkList(t, ctx, []string{bridgeTitle}, "1 story match")

	webtest.Do(t, ctx, "filter by date", chromedp.Navigate(base+"/?after=2024-03-06"))
	checkList(t, ctx, []string{schoolTitle}, "1 story match")
	if v := webtest.Eval[string](t, ctx, `document.querySelector("input[name=after]").value`); v != "2024-03-06" {
		t.Errorf("the form shows after=%q", v)
	}
	webtest.Do(t, ctx, "filter by person", chromedp.Navigate(base+"/?entity=Ruiz&type=person&min=2"))
	checkList(t, ctx, []string{bridgeTitle}, "1 story match")
}

// checkList compares the story list on the page with want and its total.
func checkList(t *testing.T, ctx context.Context, want []string, total string) {
	t.Helper()
	if got := webtest.Texts(t, ctx, ".stories .story-link"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stories = %q, want %q", got, want)
	}
	if got := webtest.Texts(t, ctx, "#total"); len(got) != 1 || got[0] != total {
		t.Errorf("total = %q, want %q", got, total)
	}
}

// TestChromiumEntityPage follows an actor's link from a story page in
// Chromium to the entity's page, which lists the person's stories and
// other names, and follows an alias.
func TestChromiumEntityPage(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	ctx := webtest.Browser(t)
	webtest.Do(t, ctx, "open the story", chromedp.Navigate(base+"/stories/s-bridge"),
		chromedp.Click(chromedp.CSS(`#actors a[href="/entities/person/Ana%20Ruiz"]`)))
	webtest.WaitLocation(t, ctx, "/entities/person/Ana%20Ruiz")
	if got := webtest.Texts(t, ctx, "h1"); len(got) != 1 || got[0] != "Ana Ruiz" {
		t.Errorf("heading = %q", got)
	}
	if got := webtest.Texts(t, ctx, "#aliases a"); strings.Join(got, "|") != "Ruiz" {
		t.Errorf("aliases = %q, want Ruiz", got)
	}
	checkList(t, ctx, []string{bridgeTitle}, "1 story")
	if got := webtest.Texts(t, ctx, ".stories time"); len(got) != 1 || got[0] != "3 Mar 2024 – 5 Mar 2024" {
		t.Errorf("story dates = %q", got)
	}
	webtest.Do(t, ctx, "follow the alias", chromedp.Click(chromedp.CSS(`#aliases a`)))
	webtest.WaitLocation(t, ctx, "/entities/person/Ruiz")
	checkList(t, ctx, []string{bridgeTitle}, "1 story")
}

// TestChromiumOutletPage follows an outlet's link from a story's framing
// table in Chromium to the outlet's page and reads its figures.
func TestChromiumOutletPage(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	ctx := webtest.Browser(t)
	webtest.Do(t, ctx, "open the story", chromedp.Navigate(base+"/stories/s-bridge"),
		chromedp.Click(chromedp.CSS(`#framing a[href="/outlets/City%20Wire"]`)))
	webtest.WaitLocation(t, ctx, "/outlets/City%20Wire")
	for sel, want := range map[string]string{
		"h1":          "City Wire",
		"#briefed":    "1",
		"#claims":     "1 of 1 single-source claims (100%)",
		"#attributed": "0 attributed, 1 not (0% attributed)",
		"#loaded":     "snarls (1)",
	} {
		if got := webtest.Texts(t, ctx, sel); len(got) != 1 || got[0] != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	checkList(t, ctx, []string{bridgeTitle}, "1 story")
	webtest.Do(t, ctx, "open Harbor Times", chromedp.Navigate(base+"/outlets/Harbor%20Times"))
	checkList(t, ctx, []string{schoolTitle, bridgeTitle}, "2 stories")
}

// TestChromiumKeyboard drives the pages with keys in Chromium: j and k
// move the selection, o opens it, / focuses the search box, ? shows the
// help, g h goes home.
func TestChromiumKeyboard(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	ctx := webtest.Browser(t)
	webtest.Do(t, ctx, "open /", chromedp.Navigate(base+"/"))
	selected := func() string {
		return webtest.Eval[string](t, ctx, `(document.querySelector(".kb-current .story-link") || {textContent: ""}).textContent`)
	}
	steps := []struct{ keys, want string }{
		{"j", schoolTitle}, {"j", bridgeTitle}, {"j", bridgeTitle}, {"k", schoolTitle}, {"j", bridgeTitle},
	}
	for _, s := range steps {
		webtest.Do(t, ctx, "press "+s.keys, webtest.Press(s.keys))
		if got := selected(); got != s.want {
			t.Fatalf("after %q: selected %q, want %q", s.keys, got, s.want)
		}
	}
	webtest.Do(t, ctx, "press o", webtest.Press("o"))
	webtest.WaitLocation(t, ctx, "/stories/s-bridge")

	webtest.Do(t, ctx, "press g h", webtest.Press("g"), webtest.Press("h"))
	webtest.WaitLocation(t, ctx, "/")

	webtest.Do(t, ctx, "press ?", webtest.Press("?"))
	if !webtest.Eval[bool](t, ctx, `!!document.querySelector(".kb-help") && !document.querySelector(".kb-help").hidden`) {
		t.Error("? does not show the help")
	}
	if got := webtest.Texts(t, ctx, ".kb-help dt"); len(got) < 5 || got[0] != "j / k" {
		t.Errorf("help lists %q", got)
	}
	webtest.Do(t, ctx, "press Escape", webtest.Press("\u001b"))
	if !webtest.Eval[bool](t, ctx, `document.querySelector(".kb-help").hidden`) {
		t.Error("Escape does not hide the help")
	}
	webtest.Do(t, ctx, "press /", webtest.Press("/"))
	if got := webtest.Eval[string](t, ctx, `document.activeElement.name`); got != "q" {
		t.Errorf("/ focuses %q, want the search box", got)
	}
	// Keys typed in a field are text, not commands.
	webtest.Do(t, ctx, "type j", webtest.Press("jo"))
	if got := webtest.Eval[string](t, ctx, `document.activeElement.value`); got != "jo" {
		t.Errorf("search box holds %q, want jo", got)
	}
	if got := selected(); got != "" {
		t.Errorf("typing selected %q", got)
	}
}
