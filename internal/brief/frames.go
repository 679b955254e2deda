package brief

import (
	"strings"
	"unicode"

	"parallax/internal/nlp/stem"
	"parallax/internal/nlp/token"
)

// An event frame is a predicate of a known class with the terms before it
// (its actors) and after it (targets): outlets that word one event
// differently ("Russia and the Syrian regime intensified attacks",
// "an assault by Syrian and Russian jets on Aleppo") share the class and
// the named actors even when they share few words.
type frame struct {
	class   string
	head    string          // last content term before the predicate
	actors  map[string]bool // content terms before the predicate (or after "by")
	ents    map[string]bool // named actors
	targets map[string]bool // named entities after the predicate
	// modal marks an event threatened, planned or expected rather than
	// reported ("threatened to suspend", "will suspend"): it never tells
	// the same fact as the event itself.
	modal bool
}

// modals mark the predicate after them as not (yet) having happened.
var modals = map[string]bool{"to": true, "would": true, "will": true, "could": true, "might": true, "may": true,
	"should": true, "shall": true, "can": true}

// predClass maps predicate stems to their class. Only classes whose
// members name the same kind of event in news text are listed.
var predClass = map[string]string{
	"attack": "attack", "strike": "attack", "airstrik": "attack", "bomb": "attack", "bombard": "attack",
	"shell": "attack", "raid": "attack", "offens": "attack",
	"collaps": "collapse",
	"suspend": "suspend", "halt": "suspend", "freez": "suspend", "sever": "suspend",
}

// surfaceClass maps word forms whose stem is too broad to a class.
var surfaceClass = map[string]string{"ended": "collapse"}

// subjectPronouns stand for the previous clause's subject.
var subjectPronouns = map[string]bool{"it": true, "they": true, "that": true, "this": true}

// frameWindow is how many words each side of a predicate hold its
// arguments.
const frameWindow = 8

// auxiliaries open a clause whose subject is the previous clause's.
var auxiliaries = map[string]bool{"have": true, "has": true, "had": true, "was": true, "were": true}

// notEntity are capitalised words that name no actor.
var notEntity = map[string]bool{}

func init() {
	for _, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday january february march " +
		"april may june july august september october november december") {
		notEntity[w] = true
	}
}

// word is one token of a clause.
type word struct {
	low, term string // lower case; Porter stem, "" for stop words
	capital   bool
}

// clauseWords tokenises a normalized clause; demonym maps stems such as
// "syrian" to the place they derive from.
func clauseWords(s string, demonym map[string]string) []word {
	var out []word
	for _, sp := range token.Spans(s) {
		w := s[sp.Start:sp.End]
		low := strings.ToLower(w)
		t := ""
		if !token.IsStop(low) && hasLetter(low) {
			t = stem.Porter(low)
			if d, ok := demonym[t]; ok {
				t = d
			}
		}
		out = append(out, word{low: low, term: t, capital: unicode.IsUpper([]rune(w)[0])})
	}
	return out
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// frames returns the event frames of a clause. prev holds the content
// terms of the previous clause, the actors of a predicate whose subject is
// a pronoun or missing.
func frames(ws []word, prev map[string]bool) []frame {
	var out []frame
	for p, w := range ws {
		class := surfaceClass[w.low]
		if class == "" {
			class = predClass[w.term]
		}
		if class == "" {
			continue
		}
		f := frame{class: class, actors: map[string]bool{}, ents: map[string]bool{}, targets: map[string]bool{}}
		pronoun := p == 0 || auxiliaries[ws[0].low]
		for k := p - 1; k >= max(0, p-3); k-- {
			if modals[ws[k].low] {
				f.modal = true
			}
			if ws[k].term != "" {
				break // "will suspend", "to quickly suspend"; not "to Aleppo, suspend"
			}
		}
		for k := max(0, p-frameWindow); k < p; k++ {
			if subjectPronouns[ws[k].low] && k >= p-3 {
				pronoun = true
			}
			f.add(ws[k], true)
		}
		for k := p - 1; k >= max(0, p-2); k-- {
			if ws[k].term != "" {
				f.head = ws[k].term
				break
			}
		}
		if pronoun {
			f.head = ""
			for t := range prev {
				f.actors[t] = true
			}
		}
		by := false
		for k := p + 1; k < min(len(ws), p+1+frameWindow); k++ {
			switch {
			case k <= p+3 && ws[k].low == "by":
				by = true
				continue
			case ws[k].low == "on" || ws[k].low == "against" || ws[k].low == "in" || ws[k].low == "at":
				by = false
			}
			f.add(ws[k], by)
		}
		out = append(out, f)
	}
	return out
}

// add records a word as an actor or a target of f.
func (f *frame) add(w word, actor bool) {
	if w.term == "" {
		return
	}
	named := w.capital && !notEntity[w.low]
	switch {
	case actor:
		f.actors[w.term] = true
		if named {
			f.ents[w.term] = true
		}
	case named:
		f.targets[w.term] = true
	}
}

// sameEvent reports whether two frames tell the same event: one class,
// and two named actors in common, or a named actor and a target, or the
// subject of one among the actors of the other.
func sameEvent(f, g frame) bool {
	if f.class != g.class || f.modal != g.modal {
		return false
	}
	a, t := overlapCount(f.ents, g.ents), overlapCount(f.targets, g.targets)
	return a >= 2 || a >= 1 && t >= 1 || f.head != "" && g.actors[f.head] || g.head != "" && f.actors[g.head]
}

func overlapCount(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}
