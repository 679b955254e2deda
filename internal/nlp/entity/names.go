package entity

// firstNames are common given names. A two-word name without a title or a
// speech verb is a person only when it starts with one of them.
var firstNames = words(`Aaron|Abdul|Abdullah|Abraham|Adam|Adrian|Ahmad|Ahmed|Al|Alan|Albert|Alberto|Alex|Alexander|Alexandra|Alexei|Alfred|Ali|Alice|Alicia|Allen|Amanda|Amy|Andre|Andrea|Andreas|Andrew|Andrei|Andy|Angela|Ann|Anna|Anne|Anthony|Antonio|Arthur|Ashley|Barbara|Barry|Ben|Benjamin|Bernard|Betty|Beverly|Bill|Billy|Bob|Bobby|Brad|Brandon|Brenda|Brian|Bruce|Bryan|Carl|Carla|Carlos|Carol|Caroline|Catherine|Charles|Charlie|Cheryl|Chris|Christian|Christina|Christine|Christopher|Cindy|Claire|Clara|Craig|Cynthia|Dale|Dan|Daniel|Danielle|Danny|Darryl|Dave|David|Dean|Deborah|Debra|Dennis|Derek|Diana|Diane|Dick|Dmitry|Don|Donald|Donna|Doris|Dorothy|Doug|Douglas|Ed|Eddie|Edward|Elaine|Eleanor|Elizabeth|Ellen|Emily|Emma|Eric|Erik|Ernest|Eugene|Evelyn|Frances|Francis|Francisco|Frank|Fred|Frederick|Gary|Gene|George|Gerald|Gloria|Gordon|Grace|Greg|Gregory|Hank|Harold|Harry|Hassan|Heather|Helen|Henry|Herbert|Howard|Hugh|Ian|Igor|Irene|Isaac|Ivan|Jack|Jacob|James|Jamie|Jan|Jane|Janet|Janice|Jason|Jean|Jeff|Jeffrey|Jennifer|Jerry|Jesse|Jessica|Jill|Jim|Jimmy|Joan|Joe|Joel|John|Johnny|Jon|Jonathan|Jorge|Jose|Joseph|Josh|Joshua|Joyce|Juan|Judith|Judy|Julia|Julie|Justin|Karen|Karl|Kate|Katherine|Kathleen|Kathryn|Kathy|Keith|Kelly|Ken|Kenneth|Kevin|Kim|Kimberly|Kurt|Larry|Laura|Lauren|Lawrence|Lee|Leo|Leon|Leonard|Linda|Lisa|Lois|Lori|Louis|Louise|Luis|Lynn|Marc|Marcia|Margaret|Maria|Marie|Marilyn|Mario|Mark|Martha|Martin|Mary|Matt|Matthew|Maurice|Max|Megan|Melissa|Michael|Michel|Michelle|Mike|Mikhail|Mohamed|Mohammad|Mohammed|Muhammad|Nancy|Natalie|Nathan|Neil|Nicholas|Nick|Nicole|Nikolai|Norman|Olga|Oliver|Omar|Oscar|Pamela|Pat|Patricia|Patrick|Paul|Paula|Pedro|Peggy|Peter|Phil|Philip|Phillip|Pierre|Rachel|Ralph|Randy|Ray|Raymond|Rebecca|Richard|Rick|Rita|Rob|Robert|Roberto|Robin|Roger|Ron|Ronald|Rose|Roy|Russell|Ruth|Ryan|Sally|Sam|Samantha|Samuel|Sandra|Sara|Sarah|Scott|Sean|Sergei|Sergey|Sharon|Shirley|Stanley|Stephanie|Stephen|Steve|Steven|Susan|Suzanne|Tamara|Ted|Teresa|Terry|Theodore|Thomas|Tim|Timothy|Tina|Todd|Tom|Tommy|Tony|Tracy|Valerie|Vera|Victor|Victoria|Vincent|Virginia|Vladimir|Walter|Wayne|Wendy|William|Willie|Yuri|Zachary|Abe|Agnes|Alec|Alfonso|Alison|Allison|Alvin|Amber|Amos|Angel|Angelo|Anita|Annie|Antoine|Archie|Arnold|Audrey|Barney|Beatrice|Becky|Bernie|Bert|Beth|Bette|Betsy|Bonnie|Boris|Brent|Brett|Bridget|Bud|Burt|Calvin|Cameron|Candice|Carmen|Carolyn|Carrie|Casey|Cathy|Cecil|Cecilia|Chad|Charlotte|Chester|Chuck|Claude|Claudia|Clay|Clifford|Clint|Clyde|Colin|Connie|Conrad|Curtis|Dana|Daphne|Darlene|Darren|Dawn|Debbie|Denise|Dolores|Dominic|Doreen|Dwight|Earl|Edgar|Edith|Edna|Edwin|Eileen|Elena|Eli|Elijah|Elliot|Elliott|Ellis|Elmer|Emil|Enrique|Erin|Esther|Ethel|Eva|Evan|Fernando|Fidel|Florence|Floyd|Franklin|Gail|Geoffrey|Gerard|Gilbert|Gina|Glen|Glenn|Gwen|Hal|Hannah|Hans|Harvey|Hazel|Heidi|Herman|Hillary|Holly|Homer|Hubert|Ira|Irving|Isabel|Jackie|Jacqueline|Jake|Janice|Jay|Jeanne|Jenny|Jeremy|Jesus|Joanne|Jocelyn|Jody|Johann|Jose|Josephine|Juanita|Jules|Julian|Julius|June|Karin|Katie|Kay|Kent|Kirk|Kristen|Kyle|Lance|Laurie|Leslie|Lester|Lillian|Lloyd|Lorraine|Lou|Lucy|Luke|Lydia|Lyndon|Lynette|Mabel|Mae|Malcolm|Manuel|Marcus|Margo|Marian|Marion|Marjorie|Marlene|Marsha|Marshall|Marvin|Maureen|Mavis|Meg|Mel|Melvin|Mildred|Milton|Miriam|Mitchell|Molly|Monica|Morris|Muriel|Myra|Nadia|Naomi|Ned|Nelson|Nora|Norma|Otto|Patsy|Patty|Pauline|Pearl|Penny|Percy|Phyllis|Priscilla|Rafael|Ramon|Randall|Raul|Reginald|Rex|Rhonda|Ricardo|Ricky|Rita|Rodney|Roland|Ronnie|Rosa|Rosemary|Ross|Rudolph|Rudy|Rupert|Sadie|Salvador|Sandy|Saul|Seth|Sheila|Sherry|Sidney|Simon|Sonia|Sophie|Spencer|Stan|Stella|Stuart|Sue|Susannah|Sylvia|Tanya|Ted|Terrence|Thelma|Toby|Tom|Travis|Trish|Troy|Tyler|Vanessa|Vernon|Veronica|Vicki|Viola|Violet|Wallace|Walt|Warren|Wesley|Wilbur|Wilma|Winston|Yvonne`)

// placeHeads are last words that make a name a place ("Polk County",
// "Fifth Avenue").
var placeHeads = words(`County|Street|St.|Square|Avenue|Ave.|Road|Boulevard|Blvd.|Lane|Drive|Park|Bridge|River|Lake|Mountain|Mountains|Valley|Island|Islands|Bay|Beach|Harbor|Harbour|Coast|Canyon|Desert|Forest|Heights|Hill|Hills|Springs|Falls|Creek|Ocean|Sea|Gulf|Peninsula|Province|Prefecture|District|Region|Township|Village|City|Town|Airport|Station|Stadium|Arena|Garden|Gardens|Plaza|Hall|Highway|Parkway|Canal`)

// weakHeads are place heads that are also common surnames: a first name
// before them makes a person.
var weakHeads = words(`Lane|Park|Hall|Hill|Hills|Beach|Bay|Brook|Springs|Garden|Gardens|Heights|Falls|Island|Ford|Field`)

// businessHeads are last words that make a name a business or publisher
// ("Square Books", "Oxford Press").
var businessHeads = words(`Book|Books|Bookstore|Press|Publishing|Publishers|Records|Shop|Store|Market|Restaurant|Cafe|Hotel|Theater|Theatre|Bakery|Brewery|Farms|Partners|Associates|Holdings|Capital|Ventures|Co|Securities|Health|Pharmaceuticals|Sciences|Winery|Vineyards|High`)

// thingHeads are last words that make a name an event, a law, a work or an
// era: not an entity Find types ("Clean Air Act", "Cold War").
var thingHeads = words(`Festival|Awards|Award|Prize|Act|Law|Treaty|Accord|Plan|Program|Programme|Project|Show|Series|Games|Cup|Championship|Tournament|Conference|Summit|Report|Index|Survey|Generation|Age|Era|War|Revolution|Day|Week|Year|Box`)

// placeContext are lower-case words that, right before a name, make it a
// place or an organisation, not a person ("in Polk", "at Madison").
var placeContext = words(`in|at|from|near|into|across|outside|inside|throughout|via|toward|towards`)

// nameCue types a capitalised stretch toks[a:b] (two words or more) by its
// last word, a possessive organisation head after it ("National People's
// Congress") or its first name. ok is false when nothing decides.
func (f *finder) nameCue(a, b, lineEnd int) (t Type, emit, ok bool) {
	last := f.toks[b-1].text
	switch {
	case placeHeads[last] && weakHeads[last] && firstNames[f.toks[a].text]:
		return Unknown, false, false // "Anthony Lane", "Mary Hall"
	case placeHeads[last]:
		return Place, true, true
	case businessHeads[last] || f.possessiveOrg(b, lineEnd):
		return Org, true, true
	case thingHeads[last]:
		return Unknown, false, true
	}
	return Unknown, false, false
}

// possessiveOrg reports whether toks[b-1] is followed by "'s" and an
// organisation head ("People's Congress", "People's Party").
func (f *finder) possessiveOrg(b, lineEnd int) bool {
	rest := f.text[f.toks[b-1].end:]
	for _, p := range []string{"'s ", "’s "} {
		if len(rest) > len(p) && rest[:len(p)] == p {
			for k := b; k < lineEnd && k < b+3; k++ {
				if f.toks[k].start >= f.toks[b-1].end+len(p) {
					return orgHeads[f.toks[k].text] && capitalized(f.toks[k].text)
				}
			}
		}
	}
	return false
}

// hasFirstName reports whether ws starts like a personal name: a common
// given name, an initial ("J. Smith"), or a middle initial ("Chris E. Biggs").
func hasFirstName(ws []string) bool {
	if initials(ws[len(ws)-1]) {
		return false // "James E.P."
	}
	if firstNames[ws[0]] {
		return true
	}
	if initials(ws[0]) && ws[0] != "A." && ws[0] != "I." && len(ws[len(ws)-1]) >= 3 {
		return true // "J. Smith", not "W. Va" or a list's "A."
	}
	for _, w := range ws[1 : len(ws)-1] {
		if isInitial(w) {
			return true
		}
	}
	return false
}

// isInitial reports whether w is an initial such as "J.".
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && capitalized(w)
}

// placeBefore reports whether the words before toks[a] make a name a place
// or an organisation: "in", "at", "from" ... or a lower-case "the".
func (f *finder) placeBefore(a int) bool {
	if a == 0 {
		return false
	}
	p := f.toks[a-1].text
	return placeContext[p] || p == "the"
}
