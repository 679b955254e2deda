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
	// dimension (at least q.MinOutlets) are, at least q.SharePercent of
	// them, of one value, newest activity first, then by dimension.
	Blindspots(ctx context.Context, q BlindspotQuery) ([]model.Blindspot, error)
}

// BlindspotQuery selects blindspots. Zero fields take the defaults.
type BlindspotQuery struct {
	// MinOutlets is the fewest labelled outlets (in the dimension) a
	// story needs; default DefaultBlindspotOutlets.
	MinOutlets int
	// SharePercent is the least share of them, in percent, that must carry
	// one value: over 50 (so that one value at most qualifies), default
	// DefaultBlindspotShare.
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
	if q.SharePercent <= 50 || q.SharePercent > 100 {
		q.SharePercent = DefaultBlindspotShare
	}
	if q.Limit <= 0 {
		q.Limit = DefaultBlindspotLimit
	}
	q.Offset = max(q.Offset, 0)
	return q
}

// BlindspotSQL is the query both stores run, with ? placeholders in the
// order: dimension twice (for the "" test), min outlets twice, share
// percent, limit, offset. It walks the stories newest first (the index
// on activity_seq) and, for each story with enough outlets and each
// dimension, counts its labelled outlets and those of its most common
// value with index lookups (story_sources by story, outlet_groups by
// outlet): a page costs the stories it walks through, not the store.
// With a share over half, one value at most qualifies per dimension.
const BlindspotSQL = `WITH dims AS MATERIALIZED (
	SELECT DISTINCT dimension FROM outlet_groups WHERE ? = '' OR dimension = ?
)
SELECT id, title, articles, outlets, first_time, last_time, dimension, value, side, labelled FROM (
	SELECT s.id, s.title, s.articles, s.outlets, s.first_time, s.last_time, s.activity_seq, d.dimension,
		(SELECT COUNT(*) FROM story_sources ss JOIN outlet_groups g ON g.outlet = ss.source AND g.dimension = d.dimension
			WHERE ss.story_id = s.id) AS labelled,
		(SELECT g.value FROM story_sources ss JOIN outlet_groups g ON g.outlet = ss.source AND g.dimension = d.dimension
			WHERE ss.story_id = s.id GROUP BY g.value ORDER BY COUNT(*) DESC, g.value LIMIT 1) AS value,
		(SELECT COUNT(*) FROM story_sources ss JOIN outlet_groups g ON g.outlet = ss.source AND g.dimension = d.dimension
			WHERE ss.story_id = s.id GROUP BY g.value ORDER BY COUNT(*) DESC LIMIT 1) AS side
	FROM stories s CROSS JOIN dims d
	WHERE s.outlets >= ?
) x
WHERE labelled >= ? AND side * 100 >= labelled * ?
ORDER BY activity_seq DESC, dimension
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
