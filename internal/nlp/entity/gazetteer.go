package entity

import "strings"

// countries are country names (PLACE).
var countries = words(`Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|Britain|Great Britain|England|Scotland|Wales|United States|America|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Europe|Asia|Africa|Middle East|Latin America|Gaza|West Bank|Crimea|Kurdistan|Chechnya|Tibet|Hong Kong`)

// cities are cities and regions (PLACE).
var cities = words(`Aleppo|Damascus|Homs|Idlib|Raqqa|Palmyra|Jarablus|Dabiq|Latakia|Deir ez-Zor|Mosul|Baghdad|Basra|Fallujah|Kabul|Tehran|Ankara|Istanbul|Beirut|Amman|Cairo|Riyadh|Jerusalem|Tel Aviv|Doha|Dubai|Moscow|St. Petersburg|Kiev|Kyiv|Minsk|Warsaw|Berlin|Paris|London|Rome|Madrid|Brussels|Geneva|Vienna|Zurich|Amsterdam|Stockholm|Oslo|Copenhagen|Helsinki|Athens|Lisbon|Dublin|Prague|Budapest|Washington|New York|Los Angeles|Chicago|Boston|San Francisco|Houston|Miami|Atlanta|Dallas|Seattle|Philadelphia|Detroit|Denver|Hollywood|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Rio de Janeiro|Sao Paulo|Brasilia|Beijing|Shanghai|Tokyo|Seoul|Pyongyang|Taipei|Manila|Jakarta|Bangkok|Hanoi|Singapore|Delhi|New Delhi|Mumbai|Islamabad|Karachi|Lahore|Dhaka|Sydney|Melbourne|Canberra|Nairobi|Lagos|Johannesburg|Cape Town|Khartoum|Tripoli|Benghazi|Tunis|Algiers|Sanaa|Aden|Gaza City|Sochi|Astana|Tashkent|California|Texas|Florida|Virginia|Maryland|Ohio|Michigan|Pennsylvania|Illinois|Arizona|Nevada|Oregon|Massachusetts|New Jersey|Alaska|Hawaii|Tennessee|Kentucky|Louisiana|Alabama|Mississippi|Missouri|Iowa|Kansas|Nebraska|Colorado|Utah|Wisconsin|Minnesota|Indiana|Carolina|North Carolina|South Carolina|Connecticut|Oklahoma|Arkansas|Montana|Idaho|Wyoming|Vermont|Maine|Delaware|Bentonville`)

// aliasGroups are well-known names with their variants; the first is the
// canonical name. Each group has one type.
var aliasGroups = []struct {
	typ   Type
	names []string
}{
	{Place, []string{"United States", "US", "U.S.", "USA", "U.S.A.", "America", "Washington"}},
	{Place, []string{"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"}},
	{Place, []string{"Russia", "Russian Federation", "Moscow"}},
	{Place, []string{"China", "Beijing"}},
	{Org, []string{"European Union", "EU", "E.U."}},
	{Org, []string{"United Nations", "UN", "U.N."}},
	{Org, []string{"UN Security Council", "U.N. Security Council", "Security Council", "UNSC"}},
	{Org, []string{"Al Qaeda", "al-Qaeda", "al Qaeda", "al-Qaida", "al Qaida", "Nusra", "al Nusra", "al-Nusra", "Nusra Front", "al-Nusra Front", "Jabhat al-Nusra", "Jabhat Fateh al-Sham"}},
	{Org, []string{"Islamic State", "ISIS", "ISIL", "Daesh"}},
	{Org, []string{"State Department", "State Dept.", "Department of State"}},
	{Org, []string{"North Atlantic Treaty Organization", "NATO"}},
	{Org, []string{"Pentagon", "Department of Defense", "Defense Department"}},
	{Org, []string{"Kremlin"}},
	{Org, []string{"White House"}},
	{Org, []string{"Congress"}},
	{Org, []string{"Hezbollah"}}, {Org, []string{"Hamas"}}, {Org, []string{"Taliban"}},
	{Org, []string{"Free Syrian Army", "FSA"}},
	{Org, []string{"BBC"}}, {Org, []string{"CNN"}}, {Org, []string{"Reuters"}},
	{Org, []string{"Associated Press", "AP"}},
	{Org, []string{"New York Times"}}, {Org, []string{"Washington Post"}},
	{Org, []string{"Fox News"}},
	{Org, []string{"Federal Bureau of Investigation", "FBI"}},
	{Org, []string{"Central Intelligence Agency", "CIA"}},
	{Org, []string{"World Health Organization"}},
}

// demonyms are adjectives of nationality: not entities by themselves.
var demonyms = words(`American|Russian|Syrian|French|British|German|Chinese|Turkish|Iranian|Iraqi|Israeli|Palestinian|Saudi|Kurdish|Ukrainian|European|Western|Eastern|Arab|Muslim|Christian|Islamic|Jewish|Japanese|Korean|Indian|Pakistani|Afghan|Egyptian|Lebanese|Jordanian|Italian|Spanish|Canadian|Mexican|Cuban|Soviet|Sunni|Shia|Shiite|Alawite|Yazidi|Yezidi|Druze|Kurds|Yezidis|Russians|Americans|Syrians|Jihadists|Republican|Democratic|Democrat|Republicans|Democrats|Asian|African|Australian|Swiss|Dutch|Polish|Greek`)

// titles are words and phrases that precede a person's name.
var titles = []string{
	"Secretary of State", "Sec. of State", "Sec. State", "Secretary-General", "Secretary General",
	"Foreign Minister", "Prime Minister", "Defense Minister", "Defence Minister", "Foreign Secretary",
	"Defense Secretary", "Vice President", "President", "Minister", "Secretary", "Spokesman",
	"Spokeswoman", "Senator", "Sen.", "Rep.", "Gov.", "Governor", "Gen.", "General", "Mr.", "Mrs.",
	"Ms.", "Dr.", "Ambassador", "Envoy", "Chairman", "Director", "King", "Queen", "Prince", "Pope",
	"Judge", "Rev.", "Lt.", "Col.", "Capt.", "Sgt.", "Adm.", "Mayor", "Premier", "Chancellor",
	"Commissioner", "Professor", "Prof.", "Sheikh", "Ayatollah", "Presidential", "Sec.",
}

// personCues are lower-case words that, right before a name, mark a person.
var personCues = words(`spokesman|spokeswoman|spokesperson|minister|secretary|president|envoy|ambassador|director|chairman|chief|leader|official|analyst|reporter|journalist|correspondent|commander|general|senator|lawmaker|mayor|governor|professor|founder|executive|diplomat|adviser|advisor|head|premier|chancellor|actor|director|singer|author|writer|producer|coach|manager|comedian|attorney|counsel|lawyer|actress|artist|novelist|poet|historian|economist|scientist|researcher|psychologist|rabbi|bishop|cardinal|designer|photographer|editor|publisher|owner|columnist|critic|filmmaker|dr`)

// orgHeads are last words that make a name an organisation.
var orgHeads = words(`Department|Dept.|Ministry|Council|House|Center|Centre|Agency|Commission|Committee|Party|Army|Navy|Bank|University|Institute|Association|Union|Organization|Organisation|Corp.|Corporation|Inc.|Co.|Company|Group|Times|Post|News|Nations|Court|Congress|Parliament|Senate|Assembly|Foundation|Fund|Office|Service|Administration|Force|Forces|Front|Brigade|Brigades|Network|Magazine|Journal|Press|Guard|Police|Church|Club|Society|Federation|League|Board|Bureau|Authority|Coalition|Alliance|Movement|Court|Tribune|Herald|Telegraph|Guardian|Review|Studios|Pictures|Entertainment|Airlines|Motors|Ltd.|LLC|Stores|Labs|Systems|Industries|Enterprises|Trust|School|College|Hospital|Museum|Mission|Command|Embassy|Cabinet|Media|Channel|Television|Radio|Agency|Company`)

// orgTails are lower-case words that, right after a name, extend it into an
// organisation ("Russian foreign ministry", "Foreign Affairs magazine").
var orgTails = []string{"foreign ministry", "defense ministry", "defence ministry", "interior ministry", "ministry", "magazine", "newspaper", "news agency"}

// common are capitalised words that start sentences or headings and are not
// names by themselves.
var common = words(`The|A|An|In|On|At|To|Of|For|From|By|With|Without|As|And|Or|But|Nor|So|Yet|If|When|While|Where|Why|How|What|Who|Whom|Which|Whose|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|Him|Them|Us|Me|Here|There|Then|Now|Last|Next|First|Yesterday|Today|Tomorrow|Under|Over|After|Before|During|According|Instead|Unfortunately|Rather|Perhaps|Note|Point|However|Also|Still|Even|Just|Only|Some|Many|Most|More|Much|All|Any|Each|Every|No|Not|Yes|One|Two|Three|Four|Five|Several|Other|Another|Such|Since|Because|Although|Though|Until|Unless|Once|Both|Either|Neither|Meanwhile|Moreover|Furthermore|Thus|Therefore|Hence|Indeed|Already|Again|Earlier|Later|Despite|Among|Between|Into|Through|Against|About|Above|Below|Up|Down|Out|Off|Is|Are|Was|Were|Be|Been|Has|Have|Had|Do|Does|Did|Will|Would|Can|Could|Should|May|Might|Must|Shall|Let|Read|See|Watch|Click|Share|Related|Update|Updated|Photo|Video|Image|Source|Sources|Breaking|Exclusive|Opinion|Analysis|Editor|Editorial|Top|Short|Longer|Version|Takeaway|Help|Join|Speak|Truth|Power|Fight|Article|Rating|Very|Well|Like|Said|Says|Told|Talks|Cuts|Using|Change|System|Lost|Tape|Tells|Leaked|Threatens|End|Go|Silent|Don't|Anymore|Plan|Stage|Sept.|Sep.|Oct.|Nov.|Dec.|Jan.|Feb.|Mar.|Apr.|Jun.|Jul.|Aug.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mrs|Ok|OK|Oh|Please|Thank|Thanks|Whether|Via|Per|Regardless|Including|Following|Amid|Within|Upon|Around|Near|Across|Behind|Beyond|Along|Toward|Towards|Inside|Outside|Unlike|Except|God|Internet|Web|Twitter|Facebook|YouTube|Patreon|Moderate|Cessation|Hostilities|Phantom|Menace|Episode`)

// months and weekdays are never names.
var calendar = words(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan.|Feb.|Mar.|Apr.|Jun.|Jul.|Aug.|Sep.|Sept.|Oct.|Nov.|Dec.`)

// connectors are lower-case words allowed inside a name between capitals.
var connectors = words(`of|on|for|al|bin|ibn|de|del|della|da|di|du|van|von|der|den|la|le|el|y`)

// directions prefix a place ("eastern Aleppo") without changing it.
var directions = words(`eastern|western|northern|southern|central|east|west|north|south|East|West|North|South|Eastern|Western|Northern|Southern|Central`)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, "|") {
		m[w] = true
	}
	return m
}

// known maps a normalised name to its alias group index, or -1.
var known = func() map[string]int {
	m := map[string]int{}
	for i, g := range aliasGroups {
		for _, n := range g.names {
			m[normKey(n)] = i
		}
	}
	return m
}()

// normKey lower-cases a name, drops periods and apostrophes, and turns
// hyphens into spaces: "U.S." -> "us", "al-Qaeda" -> "al qaeda".
func normKey(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer(".", "", "'", "", "’", "", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
