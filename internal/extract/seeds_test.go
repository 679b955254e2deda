package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"parallax/internal/shared"
)

type seedGold struct {
	Documents []struct {
		File             string  `json:"file"`
		TitleLine        int     `json:"title_line"`
		BodyLines        [][]int `json:"body_lines"`
		BoilerplateLines [][]int `json:"boilerplate_lines"`
		CommentLines     [][]int `json:"comment_lines"`
	} `json:"documents"`
}

// inRanges expands [[a,b],...] into a set of line numbers.
func inRanges(rs [][]int) map[int]bool {
	set := map[int]bool{}
	for _, r := range rs {
		for n := r[0]; n <= r[1]; n++ {
			set[n] = true
		}
	}
	return set
}

// TestSeeds checks the scraped-text classifier against the hand-made seed
// gold: every comment line dropped, at least 95% of boilerplate lines
// dropped, at least 98% of body tokens kept, every title found.
func TestSeeds(t *testing.T) {
	dir := shared.TestData(t, "seeds")
	raw, err := os.ReadFile(filepath.Join(dir, "GOLD.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	var boilTotal, boilDropped, bodyTok, bodyKept int
	for _, d := range gold.Documents {
		data, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Extract(data, Options{Mode: Text})
		if err != nil {
			t.Fatalf("%s: %v", d.File, err)
		}
		body, boil, comm := inRanges(d.BodyLines), inRanges(d.BoilerplateLines), inRanges(d.CommentLines)
		titleOK := false
		for _, l := range res.Lines {
			kept := l.Class == Body
			switch {
			case l.N == d.TitleLine:
				titleOK = l.Class == Title
			case comm[l.N] && kept:
				t.Errorf("%s:%d comment kept: %.60q", d.File, l.N, l.Text)
			case boil[l.N] && l.Text != "":
				boilTotal++
				if !kept {
					boilDropped++
				} else if testing.Verbose() {
					t.Logf("%s:%d boilerplate kept: %.60q", d.File, l.N, l.Text)
				}
			case body[l.N]:
				n := 0
				for _, c := range tokens(l.Text) {
					n += c
				}
				bodyTok += n
				if kept {
					bodyKept += n
				} else if n > 0 && testing.Verbose() {
					t.Logf("%s:%d body dropped: %.60q", d.File, l.N, l.Text)
				}
			}
		}
		if !titleOK {
			t.Errorf("%s: title line %d not found (got %q)", d.File, d.TitleLine, res.Title)
		}
	}
	boilRate := float64(boilDropped) / float64(boilTotal)
	bodyRate := float64(bodyKept) / float64(bodyTok)
	t.Logf("boilerplate dropped %d/%d (%.3f); body tokens kept %d/%d (%.3f)",
		boilDropped, boilTotal, boilRate, bodyKept, bodyTok, bodyRate)
	if boilRate < 0.95 {
		t.Errorf("boilerplate dropped %.3f < 0.95", boilRate)
	}
	if bodyRate < 0.98 {
		t.Errorf("body tokens kept %.3f < 0.98", bodyRate)
	}
}
