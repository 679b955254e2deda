package model

// EntityProfile is one entity across the stories whose briefs name it.
type EntityProfile struct {
	Type    string      `json:"type"` // PERSON, ORG or PLACE
	Name    string      `json:"name"`
	Aliases []NameCount `json:"aliases"` // the other names it has in those briefs, most used first
	Stories int         `json:"stories"`
}

// NameCount is a name (or word) and in how many stories it occurs.
type NameCount struct {
	Name    string `json:"name"`
	Stories int    `json:"stories"`
}

// OutletProfile is one outlet's figures over the stories it is in.
type OutletProfile struct {
	Source   string `json:"source"`
	Stories  int    `json:"stories"`  // stories with an article from it
	Articles int    `json:"articles"` // its articles in those stories (an article in two stories counts twice)
	// Briefed counts its stories whose saved brief frames it; the
	// figures below sum over those briefs.
	Briefed int `json:"briefed"`
	// Claims are the single-source claims its articles alone make;
	// AllClaims all the single-source claims of those briefs.
	Claims    int `json:"claims"`
	AllClaims int `json:"all_claims"`
	// Attributed and Unattributed count its assertive sentences that name
	// who says so and that do not (OutletFraming).
	Attributed   int         `json:"attributed"`
	Unattributed int         `json:"unattributed"`
	Loaded       []NameCount `json:"loaded"`   // loaded words it uses, in most stories first
	Speakers     []NameCount `json:"speakers"` // whose quotes it carries, in most stories first
}

// ClaimShare is the fraction of the single-source claims of an outlet's
// stories that are its own (0 when there are none).
func (p OutletProfile) ClaimShare() float64 {
	if p.AllClaims == 0 {
		return 0
	}
	return float64(p.Claims) / float64(p.AllClaims)
}

// AttributedShare is the fraction of its assertive sentences that say
// who says so (0 when there are none).
func (p OutletProfile) AttributedShare() float64 {
	if n := p.Attributed + p.Unattributed; n > 0 {
		return float64(p.Attributed) / float64(n)
	}
	return 0
}
