package model

// Brief is what Parallax writes for one story. Every item names the
// articles (by id) that support it. Its JSON form is a stable contract
// (`parallax brief`, `/api/v1/stories/{id}`).
type Brief struct {
	Title        string          `json:"title"`
	TitleFrom    string          `json:"title_from,omitempty"` // the article the title comes from
	Summary      []SummaryItem   `json:"summary"`
	Timeline     []TimelineItem  `json:"timeline"`
	Background   []TimelineItem  `json:"background,omitempty"` // dated facts from well before the story's first article
	Entities     []Entity        `json:"entities"`
	Quotes       []Quote         `json:"quotes"`
	Consensus    []Fact          `json:"consensus"`
	SingleSource []Claim         `json:"single_source"`
	Framing      []OutletFraming `json:"framing,omitempty"`
	// Unplaced says what the timeline could not place for want of a
	// publication date; nil when every article has one.
	Unplaced *Unplaced `json:"unplaced,omitempty"`
}

// Unplaced is what a timeline could not date: its story's articles
// without a publication date, and how many of their date expressions
// need one (weekdays, "yesterday", a month and day without a year), with
// a few of them as written.
type Unplaced struct {
	Articles int      `json:"articles"`
	Dates    int      `json:"dates"`
	Examples []string `json:"examples,omitempty"`
}

// SummaryItem is one summary sentence and every article that reports it.
type SummaryItem struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// TimelineItem is one dated fact. Date is "YYYY-MM-DD"; Precision says
// how much of it the text gave ("day", "month" or "year").
type TimelineItem struct {
	Date      string   `json:"date"`
	Precision string   `json:"precision,omitempty"`
	Text      string   `json:"text"`
	Sources   []string `json:"sources"`
}

// Entity is a person, organisation or place with its merged name variants.
type Entity struct {
	Name     string         `json:"name"`
	Type     string         `json:"type"` // PERSON, ORG or PLACE
	Aliases  []string       `json:"aliases"`
	Sources  []string       `json:"sources"`
	Mentions map[string]int `json:"mentions,omitempty"` // per article id
}

// Quote is a direct quotation and who said it.
type Quote struct {
	Speaker string `json:"speaker"`
	Role    string `json:"role,omitempty"` // what the article says the speaker is ("BP chief operating officer")
	Text    string `json:"text"`
	Source  string `json:"source"`
}

// Fact is a statement reported by several independent sources.
type Fact struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Claim is a statement only one source makes.
type Claim struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

// OutletFraming describes how one outlet tells the story.
type OutletFraming struct {
	Source       string   `json:"source"`
	Articles     []string `json:"articles"`
	Loaded       []string `json:"loaded,omitempty"`   // sensational or loaded words used
	Attributed   int      `json:"attributed"`         // sentences that name who says so
	Unattributed int      `json:"unattributed"`       // assertive sentences that do not
	Speakers     []string `json:"speakers,omitempty"` // whose quotes it carries
}
