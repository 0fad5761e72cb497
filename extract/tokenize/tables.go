package tokenize

import "strings"

// wordSet is a read-only set of words, looked up without allocating.
type wordSet map[string]struct{}

func newWordSet(words string) wordSet {
	s := make(wordSet)
	for _, w := range strings.Fields(words) {
		s[w] = struct{}{}
	}
	return s
}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

// titles are abbreviations that stand before a name or number and so never
// end a sentence: "Mr. Putin", "Gen. Milley", "No. 5", "St. Petersburg".
var titles = newWordSet(`
	Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Sra Srta Mme Mlle Rev Revs Hon Fr Msgr
	Gen Lt Col Maj Capt Cmdr Cdr Adm Sgt Cpl Pvt Brig Cmdt Gov Govs Sen Sens Rep Reps
	Pres Supt Insp Det Atty Amb Treas Comm Cmsr
	St Ste Mt Ft Pt Vols Figs Sec Ch Chap
	vs v
`)

// numberTitles are abbreviations only when a number follows: "No. 5".
var numberTitles = newWordSet(`No Nos no Nr Vol vol Art Fig fig pp`)

// abbreviations keep their final period as part of the token. Unlike
// titles they may end a sentence ("... of Apple Inc."); whether they do is
// decided from the next word.
var abbreviations = newWordSet(`
	Inc Corp Co Cos Ltd Bros Plc Assn Assoc Dept Depts Univ Inst Intl Natl Govt Admin
	Jr Sr Esq
	Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
	Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
	Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
	Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo
	Ave Blvd Rd Hwy Sq Ln Pl
	etc al approx est ca cf ibid viz ext tel dept vol fig no nos
	oz lb lbs ft yd yds mi hr hrs min mins sec secs yr yrs mos
`)

// monthAbbreviations are followed by a day number inside a sentence.
var monthAbbreviations = newWordSet(`Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`)

// prefixes are the first parts of hyphenated words that English-EWT keeps
// as one token ("e-mail", "non-military", "ex-Soviet"); every other
// hyphen between letters is its own token ("search - engine").
var prefixes = newWordSet(`
	e non anti pre re mid co post over pro multi ex semi counter sub neo cross un
	socio mis micro macro intra inter extra ultra arch psycho de bi tri quasi pseudo
	vice
`)

// starters are capitalized words that commonly open a sentence. After an
// abbreviation that may end a sentence ("the U.S."), a following starter
// ends it ("the U.S. The talks ..."), while any other capitalized word
// ("the U.S. Ambassador") does not.
var starters = newWordSet(`
	A An The This That These Those There Here It Its It's He She His Her Him They Their
	Them We Our Us I I'm I've I'd I'll My You Your Me One Some Many Most Much Few
	Several Such Both Each Every All Any No None Nor Not Neither Either Other Another
	But And Or So Yet Also Still However Meanwhile Moreover Furthermore Nevertheless
	Nonetheless Instead Indeed Otherwise Thus Therefore Hence Then Now Today Yesterday
	Tomorrow Later Earlier Afterward Afterwards Finally First Second Third Last Next
	In On At For From With Without By To Of Into Under Over After Before Since Until
	During Despite Though Because While When Whenever Where Wherever If Unless
	As Like Even Just Only Once Although Whether What Which Who Whom Whose Why How
	Asked According Officials Critics Analysts Experts Police Authorities Sources
	Yes Please Thanks Thank Let Let's Do Does Did Is Are Was Were Has Have Had Will
	Would Can Could Should May Might Must Shall
`)

// speechVerbs attribute a quotation to the name before them.
var speechVerbs = newWordSet(`
	said says asked asks told tells added adds wrote writes tweeted replied replies
	shouted yelled cried wondered explained continued insisted declared demanded
`)

// minorWords stay lower case in titles: "Talks on the Future of Ukraine".
var minorWords = newWordSet(`a an the and but or nor for of in on at to by with from as vs via`)
