package entity

import (
	"strings"

	"kg/extract/gazetteer"
)

// honorifics precede a name and tell its bearer's gender ('m', 'f') or
// nothing (0).
var honorifics = map[string]byte{
	"mr": 'm', "mister": 'm', "sir": 'm', "lord": 'm', "monsieur": 'm', "herr": 'm',
	"ms": 'f', "mrs": 'f', "miss": 'f', "madam": 'f', "madame": 'f', "dame": 'f', "lady": 'f',
	"dr": 0, "prof": 0, "professor": 0, "rev": 0, "gen": 0, "sen": 0, "rep": 0, "gov": 0,
	"lt": 0, "col": 0, "sgt": 0, "capt": 0, "adm": 0, "maj": 0, "amb": 0, "pres": 0,
}

// titles are job titles that precede or describe a person. The value is
// the preposition its role relation takes: ambassador_to, fellow_at,
// spokesman_of.
var titles = func() map[string]string {
	m := map[string]string{}
	for _, t := range []string{
		"president", "vice president", "prime minister", "premier", "chancellor", "king", "queen",
		"prince", "crown prince", "emir", "sheikh", "pope", "leader", "head", "chief", "chairman",
		"chairwoman", "chair", "chairperson", "director", "director general", "director-general",
		"minister", "foreign minister", "defense minister", "defence minister", "interior minister",
		"finance minister", "economy minister", "energy minister", "justice minister",
		"health minister", "minister of foreign affairs", "minister of defense",
		"secretary", "secretary of state", "secretary of defense", "defense secretary",
		"foreign secretary", "home secretary", "treasury secretary", "secretary of the treasury",
		"press secretary", "secretary general", "secretary-general", "general secretary",
		"under secretary of state", "undersecretary of state", "under secretary",
		"undersecretary", "national security adviser", "national security advisor",
		"adviser", "advisor", "aide", "spokesman", "spokeswoman", "spokesperson",
		"press officer", "commander", "commander-in-chief", "chief of staff", "governor",
		"mayor", "senator", "congressman", "congresswoman", "lawmaker", "legislator",
		"speaker", "deputy", "member", "official", "diplomat", "negotiator",
		"general", "admiral", "colonel", "major general", "lieutenant general",
		"chief executive", "ceo", "founder", "co-founder", "owner", "president-elect",
	} {
		m[t] = "of"
	}
	for _, t := range []string{"ambassador", "envoy", "special envoy", "emissary", "representative",
		"permanent representative"} {
		m[t] = "to"
	}
	for _, t := range []string{"fellow", "senior fellow", "research fellow", "analyst", "expert",
		"professor", "researcher", "scholar", "economist", "correspondent", "reporter", "editor",
		"columnist", "lecturer", "strategist", "partner", "scientist"} {
		m[t] = "at"
	}
	return m
}()

// titleWords is the longest title in words.
const titleWords = 4

// rankPrefixes may stand before a title; those marked true become part of
// it ("deputy head"), the others are skipped ("former spokesman").
var rankPrefixes = map[string]bool{"deputy": true, "vice": true, "assistant": true, "acting": false,
	"former": false, "then": false, "top": false, "senior": false, "new": false, "current": false,
	"outgoing": false, "incoming": false, "longtime": false, "interim": false, "chief": true,
	"first": true, "principal": true}

// modifier reports whether w may stand before a title.
func modifier(w string) bool {
	_, ok := rankPrefixes[strings.TrimSuffix(w, "-")]
	return ok
}

// titleGender holds the titles that tell their bearer's gender.
var titleGender = map[string]byte{
	"spokesman": 'm', "spokeswoman": 'f', "chairman": 'm', "chairwoman": 'f', "king": 'm',
	"queen": 'f', "prince": 'm', "princess": 'f', "congressman": 'm', "congresswoman": 'f',
	"emir": 'm', "sheikh": 'm', "pope": 'm',
}

// particles start a surname: "von der Leyen", "al-Assad", "de Gaulle".
var particles = map[string]bool{"von": true, "van": true, "der": true, "den": true, "de": true,
	"da": true, "del": true, "della": true, "di": true, "du": true, "la": true, "le": true,
	"al": true, "el": true, "bin": true, "ibn": true, "ben": true, "abu": true, "dos": true, "das": true}

// suffixes end a name and are ignored when comparing.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nicknames maps common English short forms to the full first name.
var nicknames = map[string]string{
	"joe": "joseph", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
	"mike": "michael", "jim": "james", "jimmy": "james", "tony": "anthony", "tom": "thomas",
	"dick": "richard", "rick": "richard", "ted": "edward", "ed": "edward", "chuck": "charles",
	"charlie": "charles", "dan": "daniel", "dave": "david", "steve": "steven", "liz": "elizabeth",
	"beth": "elizabeth", "kate": "katherine", "kathy": "katherine", "jen": "jennifer",
	"jenny": "jennifer", "pete": "peter", "nick": "nicholas", "sam": "samuel", "ben": "benjamin",
	"bibi": "benjamin", "sasha": "alexander", "alex": "alexander", "vlad": "vladimir",
	"misha": "mikhail", "kolya": "nikolai", "dima": "dmitri", "volodya": "vladimir",
}

// personName is a person mention's name split into parts.
type personName struct {
	first   string // first given name, "" for a surname alone
	last    string // surname, particles included: "von der Leyen"
	display string // the name without initials and suffixes: "Antony Blinken"
}

// parsePerson splits a name (titles and honorifics already removed) into
// first name and surname. Middle initials and suffixes are dropped.
func parsePerson(s string) personName {
	var words []string
	for _, w := range strings.Fields(s) {
		k := strings.ToLower(strings.TrimSuffix(w, "."))
		if suffixes[k] || !hasLetter(w) {
			continue
		}
		if len(words) > 0 && isInitial(w) {
			continue
		}
		words = append(words, strings.TrimRight(w, ","))
	}
	if len(words) == 0 {
		return personName{}
	}
	// The surname starts at the first particle after the first word, or is
	// the last word.
	start := len(words) - 1
	for i := 1; i < len(words)-1; i++ {
		if particles[strings.ToLower(strings.SplitN(words[i], "-", 2)[0])] {
			start = i
			break
		}
	}
	if particles[strings.ToLower(strings.SplitN(words[0], "-", 2)[0])] && len(words) > 1 {
		start = 0
	}
	if familyFirst(words) {
		return personName{first: strings.Join(words[1:], " "), last: words[0], display: strings.Join(words, " ")}
	}
	n := personName{last: strings.Join(words[start:], " "), display: strings.Join(words, " ")}
	if start > 0 && !isInitial(words[0]) {
		n.first = words[0]
	}
	return n
}

// familyFirst reports whether a name is written family name first, as
// Chinese and Korean names are in English news ("Xi Jinping", "Kim Jong
// Un"): its first word is a common family name of those languages. Kim and
// Lee, also English given names, count only in three-word names.
func familyFirst(words []string) bool {
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	w := strings.ToLower(words[0])
	if w == "kim" || w == "lee" {
		return len(words) == 3
	}
	return familyNames[w]
}

var familyNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`xi li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao
		lin guo ma luo liang song zheng xie han tang feng dong xiao cao yuan deng fu shen zeng peng
		su jiang cai jia ding wei xue ye yan pan du dai xia zhong tian ren fang shi yao tan liao zou
		xiong jin hao kong bai cui mao qiu qin gu hou shao meng duan lei qian yin wen wan
		park choi jung yoon moon kang cho shin`) {
		m[w] = true
	}
	return m
}()

// isInitial reports whether w is an initial: "J.", "S", "J.R.".
func isInitial(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r == '.':
		case r >= 'A' && r <= 'Z':
			letters++
		default:
			return false
		}
	}
	return letters == 1 || (letters > 1 && strings.Contains(w, "."))
}

// surnameKey compares surnames across transliterations.
func surnameKey(last string) string {
	var parts []string
	for _, w := range strings.Fields(last) {
		parts = append(parts, gazetteer.Skeleton(w))
	}
	return strings.Join(parts, " ")
}

// firstCompatible reports whether two first names may name one person:
// the same up to transliteration (Sergey/Sergei, Dmitry/Dimitry), a
// nickname (Joe/Joseph) or a short form of the other (Jen/Jennifer).
// An empty first name is compatible with any.
func firstCompatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	ka, kb := firstKey(a), firstKey(b)
	if gazetteer.Close(ka, kb) {
		return true
	}
	if len(ka) > len(kb) {
		ka, kb = kb, ka
	}
	return len(ka) >= 3 && strings.HasPrefix(kb, ka)
}

func firstKey(first string) string {
	k := gazetteer.Skeleton(first)
	if full, ok := nicknames[strings.ToLower(gazetteer.Fold(first))]; ok {
		k = gazetteer.Skeleton(full)
	}
	return k
}

// matchTitle finds the longest title among words[i:j] for j ≤ len(words),
// compared in lower case. It returns the title and its end.
func matchTitle(words []string, i int) (string, int) {
	best, end := "", i
	for j := i + 1; j <= len(words) && j-i <= titleWords; j++ {
		t := strings.ToLower(strings.Join(words[i:j], " "))
		t = strings.ReplaceAll(t, " - ", "-")
		if _, ok := titles[t]; ok {
			best, end = t, j
		}
	}
	return best, end
}

// relationFor turns a title into a role relation: "foreign minister" →
// foreign_minister_of, "ambassador" → ambassador_to.
func relationFor(title string) string {
	base := title
	for p := range strings.FieldsSeq(title) {
		if !rankPrefixes[p] {
			break
		}
		base = strings.TrimPrefix(strings.TrimPrefix(base, p), " ")
	}
	prep, ok := titles[base]
	if !ok {
		prep = "of"
	}
	r := strings.NewReplacer(" ", "_", "-", "_").Replace(title)
	return r + "_" + prep
}
