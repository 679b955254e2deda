package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// feat holds the features of one line used by the classifier.
type feat struct {
	words    int     // tokens holding a letter or digit
	stop     float64 // share of words that are common function words
	sentence bool    // ends like a sentence
	boiler   bool    // matches a boilerplate phrase
	credit   bool    // looks like a photo caption credit
	author   bool    // looks like a comment author line ("NAME said...")
	url      bool    // holds a bare URL
	titled   float64 // share of words starting upper-case
	tags     bool    // a comma-separated list of one- or two-word items
}

// wordWeight counts a whitespace-separated token as one word, or, for
// scripts written without spaces (Han, Kana, Thai), as one word per two
// characters.
func wordWeight(w string) int {
	n := 0
	for _, r := range w {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
			n++
		}
	}
	return max(1, (n+1)/2)
}

// isTagList reports lines like "russia, US, politics".
func isTagList(s string, f feat) bool {
	parts := strings.Split(s, ",")
	if len(parts) < 3 || f.sentence || f.words > 15 {
		return false
	}
	return f.words <= 2*len(parts)
}

// maxFeatLen bounds how much of a line feature extraction reads.
const maxFeatLen = 4096

func lineFeat(s string) feat {
	s = strings.TrimSpace(s)
	if len(s) > maxFeatLen {
		s = s[:maxFeatLen]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	var f feat
	upper, stop := 0, 0
	for _, w := range strings.Fields(s) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		f.words += wordWeight(w)
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'“‘(["))
		if unicode.IsUpper(r) {
			upper++
		}
		if stopWords[strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()[]"))] {
			stop++
		}
	}
	if f.words > 0 {
		f.stop = float64(stop) / float64(f.words)
		f.titled = float64(upper) / float64(f.words)
	}
	f.sentence = sentenceEndRe.MatchString(s) && !countEndRe.MatchString(s)
	f.url = urlRe.MatchString(s)
	f.author = authorRe.MatchString(s) &&
		(f.words <= 6 || f.words <= 14 && strings.ContainsAny(s, "0123456789"))
	low := lower(s)
	f.credit = f.words <= 25 && creditG.MatchString(s, low)
	f.tags = isTagList(s, f)
	hits := boilerWordG.count(s, low, 8)
	f.boiler = f.tags || startsBy(s) && bylineRe.MatchString(s) || boilerAnyG.MatchString(s, low) || hits >= 3 ||
		f.words <= 25 && (hits >= 1 || boilerStartRe.MatchString(s))
	return f
}

var (
	sentenceEndRe = regexp.MustCompile(`[.!?…"”’)\]。！？」』]\s*$`)
	countEndRe    = regexp.MustCompile(`\(\d[\d,.]*\)\s*$`)
	urlRe         = regexp.MustCompile(`(?i)https?://\S+|www\.\S+\.\S+`)
	authorRe      = regexp.MustCompile(`(?i)^\S.{0,60}\s(said|says|wrote|writes)\s*(\.\.\.|…|:)\s*$`)
	creditRe      = regexp.MustCompile(`(?i)(©|\(c\)\s|\bphoto(graph)?s?\s*(:|by|credit)|\bimage\s*(:|by|credit)|getty images|/\s*(reuters|ap|afp|getty|shutterstock)\b|\b(reuters|afp|ap photo)\s*$|\bfile photo\b)`)
	boilerStartRe = regexp.MustCompile(`(?i)^(related( articles?| posts?| stories| content| coverage)?:?|popular( posts)?|most (read|popular|viewed|commented|shared|emailed)|recommended|read (more|next|also)|see also|more from|you (may|might) (also )?like|tags?:|filed under|posted (in|by|on)|categories|share|tweet|email|print|comments?|reply|leave a (reply|comment)|log ?in|sign (in|up)|subscribe|follow us|advertisement|sponsored|skip to|menu|search|home|next|previous|back to top|loading|notify of|view all comments|inline feedbacks|what do you think\??|article rating|\d+\s+(comments?|shares?|votes?)|\d+\s+\d+\s+votes?)\b`)
	boilerWordRe  = regexp.MustCompile(`(?i)\b(cookies?|newsletters?|all rights reserved|copyright|terms of (use|service)|privacy policy|donat(e|ion|ions)|patreon|paypal|support (us|our)|your support|tax[- ]deductible|sign up|subscribe|unsubscribe|share (this|on)|click here|click to|opens in new window|most (read|popular|viewed|commented|shared|emailed)|read more|min read|follow (us|@)|related articles?|popular posts|advertisement)\b`)
	boilerAnyRe   = regexp.MustCompile(`(?i)(views (and|&) opinions expressed|do not necessarily (reflect|represent)|all rights reserved|this (site|website) uses cookies|by (using|continuing to use) this (site|website)|^related articles?:|^related:|^read more:|^popular posts from)`)
)

// stopWords are common English function words.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into about
	over after before than that this these those is are was were be been being has have had do does did
	it its he she they we you i his her their our your them him us not no so will would can could should
	may might must which who whom whose what when where why how there here also just more most very all
	some any each other such only own same said says while during against between through because until`) {
		stopWords[w] = true
	}
}
