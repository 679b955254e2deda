package model

// OutletLabel puts one outlet on one side of a dimension the operator
// chose (country, ownership, leaning, ...): outlet "bbc.co.uk",
// dimension "country", value "UK". Parallax ships no labels of its own.
// Outlet is matched against Article.Source exactly (after OutletName).
type OutletLabel struct {
	Outlet    string `json:"outlet"`
	Dimension string `json:"dimension"`
	Value     string `json:"value"`
}

// Coverage is how a story's outlets fall along one dimension: how many
// carry each value, and how many carry none (Unlabelled). Outlets is
// the story's outlet count, so the values and Unlabelled sum to it.
type Coverage struct {
	Dimension  string          `json:"dimension"`
	Outlets    int             `json:"outlets"`
	Values     []CoverageValue `json:"values"` // most outlets first, then by value
	Unlabelled int             `json:"unlabelled"`
}

// CoverageValue is the number of a story's outlets with one value.
type CoverageValue struct {
	Value   string `json:"value"`
	Outlets int    `json:"outlets"`
}

// Blindspot is a story covered (almost) only by outlets of one side of a
// dimension: Side of its Labelled outlets (those with a value in
// Dimension) carry Value.
type Blindspot struct {
	Story     Story  `json:"story"`
	Dimension string `json:"dimension"`
	Value     string `json:"value"`
	Side      int    `json:"side"`     // labelled outlets with Value
	Labelled  int    `json:"labelled"` // outlets with any value in Dimension
}
