package quote

import "testing"

// TestSpeakerThroughParagraph covers speakers that only the paragraph or
// the article names: pronouns, roles, surnames, organisations, PTB text.
func TestSpeakerThroughParagraph(t *testing.T) {
	tests := []struct{ name, text, prefix, want string }{
		{"PronounGender", "Maria Lopez met Tom Berg on Monday. Berg left early.\n“We will not accept this outcome at all,” she said.",
			"We will not", "Maria Lopez"},
		{"SurnameToFullName", "Kenneth Feinberg runs the fund.\n“I do not think it helps to politicize this program,” said Feinberg.",
			"I do not", "Kenneth Feinberg"},
		{"TitleAndSurname", "Dr Conrad Murray denies the charge.\n“I watched him for a long enough period,” Dr Murray said.",
			"I watched", "Conrad Murray"},
		{"RoleFragmentCut", "“I think the people of the region are frustrated,” BP Chief Operating Officer Doug Suttles said.",
			"I think", "Doug Suttles"},
		{"Organisation", "“The ship was not harmed and continued on its mission,” NATO said in a statement.",
			"The ship", "NATO"},
		{"PossessiveRole", "BP 's chief operations officer , Doug Suttles , denied that the company was slow , insisting the effort was `` the largest ever mobilised anywhere '' .",
			"the largest", "Doug Suttles"},
		{"Participle", "BP was fighting to save its reputation , insisting the response effort was `` the largest ever mobilised anywhere '' .",
			"the largest", "BP"},
		{"SubjectOfPreviousSentence", "Rebel spokesman Abdul Hafiz Ghoga said fighters had retaken the town . Musa Ibrahim said the rebels were not serious . Ghoga sought to clarify the position Saturday . `` There is no negotiation on a cease-fire , '' he said .",
			"There is no", "Abdul Hafiz Ghoga"},
		{"SpeakerNotTheObject", "During the recording , Dr Murray said he wished Jackson no harm . He acknowledged that he had given the singer propofol . `` He was my friend . I did not want him to fail . ''",
			"He was my", "Murray"},
		{"NarrationCarries", "Kleine said the spill has had a psychological impact . `` That really comes from being concerned about their business , '' Kleine said . `` And their question is how much ? ''",
			"And their", "Kleine"},
		{"IndefiniteRoleThenPronoun", "Corporal Dan Miller said shots were fired.\nOne neighbor hopes the violence will come to an end.\n\"Yeah, I'd like it to stop now,\" he said.",
			"Yeah", "neighbor"},
		{"DefiniteRoleToSubject", "Judge Shira Kupersmith heard the case.\nKupersmith granted Ms. Maple's release Tuesday.\n``This case is supposed to be about the child,'' the judge said.",
			"This case", "Shira Kupersmith"},
		{"ApposedRole", "“They were getting chased by these two cars,” said Ramona Mathis, Collier’s great-grandmother.\n“She was a very sweet girl,” her great-grandmother said.",
			"She was", "Ramona Mathis"},
		{"AdjectiveBeforeName", "``No one is throwing random insults anymore,'' said 16-year-old Myrel Catbagan.",
			"No one", "Myrel Catbagan"},
		{"DeterminerPhrase", "``Fear is the path of the Dark Side,'' the green Zen master says.",
			"Fear is", "green Zen master"},
		{"RelativeClause", "Navy spokesman Tom Berg spoke on Monday.\nThe Navy spokesman (who only last week said ‘the sailors would be home by spring’) denied the report.",
			"the sailors", "Tom Berg"},
		{"RelativeClauseName", "Maria Lopez, who told reporters “we will not accept this outcome at all”, left early.",
			"we will not", "Maria Lopez"},
		{"GaveNameAs", "`` The shelling on the city stopped , '' a resident , who gave his name only as Mohammed , told Reuters .",
			"The shelling", "Mohammed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range Find(tc.text) {
				if len(q.Text) >= len(tc.prefix) && q.Text[:len(tc.prefix)] == tc.prefix {
					if q.Speaker != tc.want {
						t.Errorf("speaker %q, want %q", q.Speaker, tc.want)
					}
					return
				}
			}
			t.Errorf("no quotation starting %q in %+v", tc.prefix, Find(tc.text))
		})
	}
}
