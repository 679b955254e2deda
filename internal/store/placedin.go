package store

import "strings"

// PlacedIn returns SQL for a derived table "placed" of the articles in
// one story (the parameter arg, e.g. "?" or "$1", bound once per use of
// arg): those whose own story it is, then those placed there as an extra
// story, each with the story, event and passages of its placement there.
// It selects only cols (column names of table articles): SQLite reads
// every column a UNION ALL branch lists, and a story's bodies are most of
// its bytes, so aggregates and lists must not name body.
func PlacedIn(arg string, cols ...string) string {
	own := make([]string, len(cols))
	extra := make([]string, len(cols))
	for i, c := range cols {
		own[i] = c
		switch c {
		case "story_id", "event_id", "passages":
			extra[i] = "p." + c
		default:
			extra[i] = "a." + c
		}
	}
	return `(SELECT ` + strings.Join(own, ", ") + ` FROM articles WHERE story_id = ` + arg + `
	UNION ALL
	SELECT ` + strings.Join(extra, ", ") + ` FROM placements p JOIN articles a ON a.id = p.article_id
	WHERE p.story_id = ` + arg + `) placed`
}
