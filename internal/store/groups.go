package store

import (
	"context"

	"parallax/internal/model"
)

// Grouper keeps the operator's outlet labels (model.OutletLabel) and
// reads stories' coverage along them. Outlets are matched to stories
// through their articles' sources (story_sources), exactly.
type Grouper interface {
	// ImportLabels replaces, atomically, the labels of every dimension
	// that labels name with labels; other dimensions keep theirs.
	ImportLabels(ctx context.Context, labels []model.OutletLabel) error
	// Labels returns every label, by dimension, outlet.
	Labels(ctx context.Context) ([]model.OutletLabel, error)
	// StoryCoverage returns a story's coverage along every labelled
	// dimension, by dimension (ErrNotFound if no such story).
	StoryCoverage(ctx context.Context, storyID string) ([]model.Coverage, error)
	// Blindspots returns the stories whose labelled outlets in a
	// dimension are (at least BlindspotShare of them) of one value,
	// newest activity first (then by dimension, value).
	Blindspots(ctx context.Context, q BlindspotQuery) ([]model.Blindspot, error)
}

// BlindspotQuery selects blindspots. Zero fields take the defaults.
type BlindspotQuery struct {
	// MinOutlets is the fewest labelled outlets (in the dimension) a
	// story needs; default DefaultBlindspotOutlets.
	MinOutlets int
	// SharePercent is the least share of them, in percent, that must carry
	// one value; default DefaultBlindspotShare.
	SharePercent int
	Dimension    string // only this dimension ("" all)
	Limit        int    // default 50
	Offset       int
}

// Defaults of BlindspotQuery.
const (
	DefaultBlindspotOutlets = 3
	DefaultBlindspotShare   = 90
	DefaultBlindspotLimit   = 50
)

// WithDefaults fills q's zero fields.
func (q BlindspotQuery) WithDefaults() BlindspotQuery {
	if q.MinOutlets <= 0 {
		q.MinOutlets = DefaultBlindspotOutlets
	}
	if q.SharePercent <= 0 || q.SharePercent > 100 {
		q.SharePercent = DefaultBlindspotShare
	}
	if q.Limit <= 0 {
		q.Limit = DefaultBlindspotLimit
	}
	q.Offset = max(q.Offset, 0)
	return q
}

// BlindspotSQL is the query both stores run, with ? placeholders in the
// order: dimension twice (for the "" test), min outlets, share percent,
// limit, offset. It reads story_sources only for labelled outlets
// (through the index on story_sources (source)) and aggregates in SQL.
const BlindspotSQL = `WITH labelled AS (
	SELECT ss.story_id, g.dimension, g.value
	FROM outlet_groups g JOIN story_sources ss ON ss.source = g.outlet
	WHERE (? = '' OR g.dimension = ?)
), per AS (
	SELECT story_id, dimension, value, COUNT(*) AS side FROM labelled GROUP BY story_id, dimension, value
), tot AS (
	SELECT story_id, dimension, CAST(SUM(side) AS BIGINT) AS labelled FROM per GROUP BY story_id, dimension
)
SELECT s.id, s.title, s.articles, s.outlets, s.first_time, s.last_time, p.dimension, p.value, p.side, t.labelled
FROM per p JOIN tot t ON t.story_id = p.story_id AND t.dimension = p.dimension
JOIN stories s ON s.id = p.story_id
WHERE t.labelled >= ? AND p.side * 100 >= t.labelled * ?
ORDER BY s.activity_seq DESC, p.dimension, p.value
LIMIT ? OFFSET ?`

// CoverageOf builds a story's coverage from its outlet count and its
// labelled outlets' counts by dimension and value, for every dimension
// in dims (in that order; values most outlets first).
func CoverageOf(outlets int, dims []string, counts map[string][]model.CoverageValue) []model.Coverage {
	out := make([]model.Coverage, 0, len(dims))
	for _, d := range dims {
		c := model.Coverage{Dimension: d, Outlets: outlets, Values: counts[d], Unlabelled: outlets}
		if c.Values == nil {
			c.Values = []model.CoverageValue{}
		}
		for _, v := range c.Values {
			c.Unlabelled -= v.Outlets
		}
		out = append(out, c)
	}
	return out
}

// CoverageSQL counts one story's outlets by dimension and value (one ?
// placeholder: the story id), most outlets first.
const CoverageSQL = `SELECT g.dimension, g.value, COUNT(*) AS n
FROM story_sources ss JOIN outlet_groups g ON g.outlet = ss.source
WHERE ss.story_id = ? AND ss.source <> ''
GROUP BY g.dimension, g.value
ORDER BY g.dimension, n DESC, g.value`
