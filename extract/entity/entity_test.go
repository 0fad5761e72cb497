package entity

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kg/extract"
)

// markup builds a document from text in which recognizer mentions are
// bracketed: "[PER Dmitry Peskov] said". Tokens are words, dotted
// abbreviations, "'s" and single punctuation marks (hyphens apart, as the
// real tokenizer splits them); a sentence ends at ".", "?" or "!".
func markup(t *testing.T, src string) *extract.Document {
	t.Helper()
	doc := &extract.Document{ID: "test"}
	type open struct {
		typ   extract.EntityType
		start int
	}
	var text strings.Builder
	var mentionSpans []struct {
		extract.Span
		typ extract.EntityType
	}
	var cur *open
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '[':
			j := strings.IndexByte(src[i:], ' ')
			cur = &open{extract.ParseEntityType(src[i+1 : i+j]), text.Len()}
			i += j
		case src[i] == ']':
			mentionSpans = append(mentionSpans, struct {
				extract.Span
				typ extract.EntityType
			}{extract.Span{Start: cur.start, End: text.Len()}, cur.typ})
			cur = nil
		default:
			text.WriteByte(src[i])
		}
	}
	doc.Text = text.String()
	for _, loc := range tokenRE.FindAllStringIndex(doc.Text, -1) {
		doc.Tokens = append(doc.Tokens, extract.Token{Span: extract.Span{Start: loc[0], End: loc[1]},
			Text: doc.Text[loc[0]:loc[1]], Head: -1})
	}
	first := 0
	for i, tok := range doc.Tokens {
		if tok.Text == "." || tok.Text == "?" || tok.Text == "!" || i == len(doc.Tokens)-1 {
			doc.Sentences = append(doc.Sentences, extract.Sentence{
				Span: extract.Span{Start: doc.Tokens[first].Start, End: tok.End}, First: first, End: i + 1})
			first = i + 1
		}
	}
	for _, ms := range mentionSpans {
		m := extract.Mention{Span: ms.Span, Type: ms.typ, First: -1}
		for i, tok := range doc.Tokens {
			if tok.Start == ms.Start {
				m.First = i
			}
			if tok.End == ms.End {
				m.End = i + 1
			}
		}
		if m.First < 0 || m.End <= m.First {
			t.Fatalf("mention %q does not align with tokens", doc.Slice(ms.Span))
		}
		doc.Mentions = append(doc.Mentions, m)
	}
	return doc
}

var tokenRE = regexp.MustCompile(`(?:[A-Z]\.)+|(?:Mr|Ms|Mrs|Dr)\.|'s|\w+|[^\s\w]`)

// keys returns the entity key of each mention, by its surface text.
func keys(doc *extract.Document) map[string]string {
	out := map[string]string{}
	for _, m := range doc.Mentions {
		out[doc.Slice(m.Span)] = m.Entity
	}
	return out
}

func resolve(t *testing.T, r *Resolver, src string) *extract.Document {
	t.Helper()
	doc := markup(t, src)
	if err := r.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestWithinDocument(t *testing.T) {
	tests := []struct {
		name string
		src  string
		same [][]string // surface forms that must share a key (first is checked against want)
		want []string   // expected key of each group
		diff [][2]string
	}{{
		name: "peskov variants",
		src: "[ORG Kremlin] spokesman [PER Dmitry Peskov] said on Friday. [PER Peskov] added that talks go on. " +
			"[PER Mr. Peskov] declined to comment. Later [PER Dmitry S. Peskov] spoke again.",
		same: [][]string{{"Dmitry Peskov", "Peskov", "Dmitry S. Peskov"}},
		want: []string{"Dmitry_Peskov"},
	}, {
		name: "peskov and medvedev",
		src: "[PER Dmitry Peskov] spoke. [PER Dmitry Medvedev], a deputy head of [LOC Russia]'s Security Council, " +
			"disagreed. [PER Peskov] and [PER Medvedev] met.",
		same: [][]string{{"Dmitry Peskov", "Peskov"}, {"Dmitry Medvedev", "Medvedev"}},
		want: []string{"Dmitry_Peskov", "Dmitry_Medvedev"},
		diff: [][2]string{{"Dmitry Peskov", "Dmitry Medvedev"}},
	}, {
		name: "kirby and sullivan",
		src: "Pentagon spokesman [PER John Kirby] spoke. Ambassador [PER John Sullivan] met officials. " +
			"[PER Kirby] said so. [PER Ambassador Sullivan] said not.",
		same: [][]string{{"John Kirby", "Kirby"}, {"John Sullivan", "Sullivan"}},
		want: []string{"John_Kirby", "John_Sullivan"},
		diff: [][2]string{{"John Kirby", "John Sullivan"}},
	}, {
		name: "middle initial",
		src:  "[PER Antony J. Blinken] spoke with [PER Antony Blinken]'s staff and [PER Blinken] left.",
		same: [][]string{{"Antony J. Blinken", "Antony Blinken", "Blinken"}},
		want: []string{"Antony_Blinken"},
	}, {
		name: "transliterations",
		src: "[PER Volodymyr Zelenskyy] spoke. [PER Volodymyr Zelensky] answered. [PER Volodmyr Zelenskyy] left. " +
			"[PER Mr Zelensky] stayed. [PER Alexey Zaytsev] and [PER Aleksei Zaytsev] and [PER Sergey Lavrov] " +
			"and [PER Sergei V. Lavrov] talked.",
		same: [][]string{
			{"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodmyr Zelenskyy", "Zelensky"},
			{"Alexey Zaytsev", "Aleksei Zaytsev"},
			{"Sergey Lavrov", "Sergei V. Lavrov"},
		},
	}, {
		name: "hyphenated surname",
		src:  "[PER Linda Thomas-Greenfield] spoke. [PER Thomas-Greenfield] left.",
		same: [][]string{{"Linda Thomas-Greenfield", "Thomas-Greenfield"}},
		want: []string{"Linda_Thomas_Greenfield"},
	}, {
		name: "countries and cities",
		src: "The [LOC U.S.] and the [LOC United States] and [LOC US] and [LOC America] agreed. " +
			"[LOC Kyiv] and [LOC Kiev] too. [LOC Russia's] army and [LOC Russia] moved.",
		same: [][]string{{"U.S.", "United States", "US", "America"}, {"Kyiv", "Kiev"}, {"Russia"}},
		want: []string{"United_States", "Kyiv", "Russia"},
	}, {
		name: "un and security council",
		src: "The [ORG U.N. Security Council] met at the [ORG United Nations]. The [ORG UN] and the " +
			"[ORG UN Security Council] spoke.",
		same: [][]string{{"U.N. Security Council", "UN Security Council"}, {"United Nations", "UN"}},
		want: []string{"UN_Security_Council", "United_Nations"},
		diff: [][2]string{{"UN Security Council", "United Nations"}},
	}, {
		name: "family name first",
		src:  "[PER Xi Jinping] met [PER Kim Jong Un] and [PER Jack Ma]. [PER Xi] and [PER Kim] and [PER Ma] spoke.",
		same: [][]string{{"Xi Jinping", "Xi"}, {"Kim Jong Un", "Kim"}, {"Jack Ma", "Ma"}},
		want: []string{"Xi_Jinping", "Kim_Jong_Un", "Jack_Ma"},
	}, {
		name: "russia and united russia",
		src:  "[ORG United Russia] won in [LOC Russia].",
		diff: [][2]string{{"United Russia", "Russia"}},
	}, {
		name: "acronym",
		src:  "[ORG Center for Strategic and International Studies] experts said [ORG CSIS] was right.",
		same: [][]string{{"Center for Strategic and International Studies", "CSIS"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := resolve(t, New(nil), tt.src)
			k := keys(doc)
			for gi, group := range tt.same {
				for _, s := range group {
					if _, ok := k[s]; !ok {
						t.Fatalf("no mention %q in %v", s, k)
					}
					if k[s] != k[group[0]] {
						t.Errorf("%q → %s, %q → %s; want one entity", s, k[s], group[0], k[group[0]])
					}
				}
				if gi < len(tt.want) && k[group[0]] != tt.want[gi] {
					t.Errorf("%q → %s, want %s", group[0], k[group[0]], tt.want[gi])
				}
			}
			for _, d := range tt.diff {
				if k[d[0]] == "" || k[d[0]] == k[d[1]] {
					t.Errorf("%q → %q and %q → %q; want two entities", d[0], k[d[0]], d[1], k[d[1]])
				}
			}
		})
	}
}

func TestMentionRepair(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // surface/type/kind/key of each mention
	}{{
		name: "titles and gazetteer",
		src: "[PER Foreign Minister Dmytro Kuleba] visited the Kremlin and NATO. " +
			"[PER Mr. Peskov] spoke to [ORG Interfax news agency].",
		want: []string{"Dmytro Kuleba/PER//Dmytro_Kuleba", "Kremlin/ORG/government body/Kremlin",
			"NATO/ORG/alliance/NATO", "Peskov/PER//Peskov", "Interfax news agency/ORG/news agency/Interfax"},
	}, {
		name: "title makes a person",
		src:  "[ORG Foreign Minister Annalena Baerbock] spoke to [OTH Mr. Putin)] today.",
		want: []string{"Annalena Baerbock/PER//Annalena_Baerbock", "Putin/PER//Putin"},
	}, {
		name: "time words and lower-case tails",
		src:  "[PER Zelenskyy Thursday] met [PER Scholz would be] in [LOC Moscow Friday].",
		want: []string{"Zelenskyy/PER//Zelenskyy", "Scholz/PER//Scholz", "Moscow/LOC/city/Moscow"},
	}, {
		name: "person after title and organization",
		src:  "U.S. Ambassador to the [ORG United Nations Linda Thomas]-[PER Greenfield] spoke.",
		want: []string{"U.S./LOC/country/United_States", "United Nations/ORG/international organization/United_Nations",
			"Linda Thomas-Greenfield/PER//Linda_Thomas_Greenfield"},
	}, {
		name: "hyphen before the mention",
		src:  "Ambassador Thomas-[PER Greenfield] and [PER Jean]-[PER Pierre] spoke.",
		want: []string{"Thomas-Greenfield/PER//Thomas_Greenfield", "Jean-Pierre/PER//Jean_Pierre"},
	}, {
		name: "surname by the full name",
		src:  "[PER Joe Biden] spoke. [LOC Biden] left. Later Biden returned.",
		want: []string{"Joe Biden/PER//Joe_Biden", "Biden/PER//Joe_Biden", "Biden/PER//Joe_Biden"},
	}, {
		name: "longer gazetteer name",
		src:  "The [ORG U.N.] [ORG Security Council] and the new Nord Stream 2 pipeline.",
		want: []string{"U.N. Security Council/ORG/international organization/UN_Security_Council",
			"Nord Stream 2/ORG/company/Nord_Stream_2"},
	}, {
		name: "brackets, line breaks and company names",
		src: "[ORG Augusta S.P.A.) (Sikorsky] and [ORG General Electric Co] hired [PER Andrew\nSheaf]. " +
			"[PER Sheaf] left.",
		want: []string{"Augusta S.P.A./ORG//Augusta_S_P_A", "General Electric Co/ORG//General_Electric_Co",
			"Andrew\nSheaf/PER//Andrew_Sheaf", "Sheaf/PER//Andrew_Sheaf"},
	}, {
		name: "organization after title and organization",
		src:  "He was director of [ORG Goldman Sachs International Corp] until May.",
		want: []string{"Goldman Sachs International Corp/ORG//Goldman_Sachs_International_Corp"},
	}, {
		name: "owner, title and person in one mention",
		src:  "[LOC Putin's spokesman, Dmitry S. Peskov] spoke to [ORG Peskov] and [PER Peskov].",
		want: []string{"Putin/LOC//Putin", "Dmitry S. Peskov/PER//Dmitry_Peskov", "Peskov/PER//Dmitry_Peskov",
			"Peskov/PER//Dmitry_Peskov"},
	}, {
		name: "conjoined names",
		src: "On [ORG Twitter and Facebook] and in [LOC Bosnia and Herzegovina], " +
			"[PER Antony Blinken and Jens Stoltenberg] spoke.",
		want: []string{"Twitter/ORG/company/Twitter", "Facebook/ORG/company/Facebook",
			"Bosnia and Herzegovina/LOC/country/Bosnia_and_Herzegovina", "Antony Blinken/PER//Antony_Blinken",
			"Jens Stoltenberg/PER//Jens_Stoltenberg"},
	}, {
		name: "split and run-on mentions",
		src:  "[PER Jen] [ORG Psaki] said. \"No,\" [ORG said Russian Foreign Ministry] spokesman [PER Alexey Zaytsev].",
		want: []string{"Jen Psaki/PER//Jen_Psaki",
			"Foreign Ministry/ORG/government body/Foreign_Ministry_of_Russia", "Alexey Zaytsev/PER//Alexey_Zaytsev"},
	}, {
		name: "national bodies",
		src:  "[LOC Russia]'s [ORG Security Council] and the [ORG Russian Foreign Ministry] and the [ORG UN Security Council].",
		want: []string{"Russia/LOC/country/Russia", "Security Council/ORG/government body/Security_Council_of_Russia",
			"Foreign Ministry/ORG/government body/Foreign_Ministry_of_Russia",
			"UN Security Council/ORG/international organization/UN_Security_Council"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := resolve(t, New(nil), tt.src)
			var got []string
			for _, m := range doc.Mentions {
				got = append(got, fmt.Sprintf("%s/%v/%s/%s", doc.Slice(m.Span), m.Type, m.Kind, m.Entity))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("mentions\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAcrossDocuments(t *testing.T) {
	docs := []string{
		"[PER Peskov] said no.",
		"[PER Dimitry Peskov] said yes.",
		"[PER Dmitry S. Peskov] said maybe. [PER Dmitry Medvedev] said nothing.",
		"[PER Dmitry Peskov] spoke. [PER Dmitry Peskov] spoke again.",
		"[PER Mr. Peskov] said later. [PER Medvedev] agreed.",
	}
	orders := [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {3, 0, 4, 1, 2}, {1, 4, 0, 2, 3}}
	for _, order := range orders {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			r := New(nil)
			var resolved []*extract.Document
			for _, i := range order {
				resolved = append(resolved, resolve(t, r, docs[i]))
			}
			for _, doc := range resolved {
				for _, m := range doc.Mentions {
					want := "Dmitry_Peskov"
					if strings.Contains(doc.Slice(m.Span), "Medvedev") {
						want = "Dmitry_Medvedev"
					}
					if got := r.Index().Canonical(m.Entity); got != want {
						t.Errorf("%q: %s → %s, want %s", doc.Text, m.Entity, got, want)
					}
					if got := r.Index().Name(m.Entity); KeyOf(got) != want {
						t.Errorf("%q: %s named %q, want %s", doc.Text, m.Entity, got, want)
					}
				}
			}
		})
	}
}

func TestRetypeKnownPerson(t *testing.T) {
	r := New(nil)
	resolve(t, r, "[PER Antony Blinken] spoke.")
	doc := resolve(t, r, "Remarks by [OTH Antony J. Blinken] and [ORG Blinken] and [LOC Antony Pearl].")
	var got []string
	for _, m := range doc.Mentions {
		got = append(got, m.Type.String()+" "+m.Entity)
	}
	want := []string{"PER Antony_Blinken", "PER Antony_Blinken", "LOC Antony_Pearl"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestIndexAdd(t *testing.T) {
	idx := NewIndex()
	idx.Add("Q1", "Dmitry Peskov", extract.Person, []string{"Dmitri Peskov"})
	r := New(idx)
	doc := resolve(t, r, "[PER Peskov] and [PER Dmitri Peskov] and [LOC Kiev].")
	for _, m := range doc.Mentions[:2] {
		if m.Entity != "Q1" || m.Name != "Dmitry Peskov" {
			t.Errorf("%q → %s %q, want Q1", doc.Slice(m.Span), m.Entity, m.Name)
		}
	}
	var names []string
	for _, e := range idx.Entries() {
		names = append(names, e.Key+"="+e.Name)
	}
	if want := []string{"Kyiv=Kyiv", "Q1=Dmitry Peskov"}; !slices.Equal(names, want) {
		t.Errorf("entries %q, want %q", names, want)
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		src  string
		want string // subject relation object, by canonical names
	}{
		{"[ORG Kremlin] spokesman [PER Dmitry Peskov] said.", "Dmitry Peskov spokesman_of Kremlin"},
		{"[LOC Ukraine]'s Foreign Minister [PER Dmytro Kuleba] said.", "Dmytro Kuleba foreign_minister_of Ukraine"},
		{"[LOC U.S.] Secretary of State [PER Antony Blinken] said.", "Antony Blinken secretary_of_state_of United States"},
		{"[PER Jens Stoltenberg], the [ORG NATO] secretary general, said.", "Jens Stoltenberg secretary_general_of NATO"},
		{"[PER Andrew Lohsen], a fellow in the Europe, Russia and Eurasia program at the " +
			"[ORG Center for Strategic and International Studies], said.",
			"Andrew Lohsen fellow_at Center for Strategic and International Studies"},
		{"Russian President [PER Vladimir Putin] said.", "Vladimir Putin president_of Russia"},
		{"[OTH Russian] [PER Foreign Minister Sergei V. Lavrov] said.", "Sergei Lavrov foreign_minister_of Russia"},
		{"White House press secretary [PER Jen Psaki] said.", "Jen Psaki press_secretary_of White House"},
		{"[PER Dmitry Medvedev], a deputy head of [LOC Russia]'s Security Council, said.",
			"Dmitry Medvedev deputy_head_of Security Council of Russia"},
		{"[LOC Russia]'s foreign minister, [PER Sergey Lavrov], said.", "Sergey Lavrov foreign_minister_of Russia"},
		{"[PER Putin]'s spokesman [PER Peskov] said.", "Peskov spokesman_of Putin"},
		{"U.S. Ambassador to Russia [PER John Sullivan] said.", "John Sullivan ambassador_to Russia"},
		{"[PER Peskov], [PER Putin]'s longtime spokesman, said.", "Peskov spokesman_of Putin"},
		{"[PER Andrew Sheaf], general manager of [ORG County Securities], said.",
			"Andrew Sheaf general_manager_of County Securities"},
		{"[PER Seixas], director of the [OTH Brazilian] [ORG Coffee Institute], said.",
			"Seixas director_of Coffee Institute"},
		{"Former Deputy Prime Minister [PER Olga Stefanishyna] of [LOC Ukraine] said.", ""},
		{"[LOC Ukraine]'s former deputy prime minister [PER Olga Stefanishyna] said.",
			"Olga Stefanishyna deputy_prime_minister_of Ukraine"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			doc := resolve(t, New(nil), tt.src)
			var got []string
			for _, f := range doc.Facts {
				if f.Kind == extract.Role {
					got = append(got, doc.Mentions[f.Subject.Mention].Name+" "+f.Relation+" "+
						doc.Mentions[f.Object.Mention].Name)
				}
			}
			if tt.want == "" && len(got) == 0 {
				return
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("roles %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNoRole(t *testing.T) {
	for _, src := range []string{
		"[PER Peskov] said [LOC Russia] would wait.",
		"[PER Peskov], who spoke to the [ORG Kremlin], said.",
		"The minister met [PER Peskov].",
		"[PER Nigel Lawson], Foreign Secretary [PER Geoffrey Howe] and [ORG Bank of England] officials met.",
	} {
		t.Run(src, func(t *testing.T) {
			doc := resolve(t, New(nil), src)
			for _, f := range doc.Facts {
				t.Errorf("unexpected fact %s %s", f.Relation, f.Object.Text)
			}
		})
	}
}

func TestAntecedent(t *testing.T) {
	tests := []struct {
		src  string
		word string // the last occurrence of this word is resolved
		want string // canonical name, "" for none
	}{
		{`[PER Kuleba] met [PER Ms. Baerbock]. "We talk to [PER Putin]," he said.`, "he", "Kuleba"},
		{`[PER Mr. Peskov] met [PER Ms. Baerbock]. She left.`, "She", "Baerbock"},
		{`[ORG Kremlin] spokesman [PER Dmitry Peskov] met [PER Joe Biden]. The Kremlin spokesman said no.`,
			"spokesman", "Dmitry Peskov"},
		{`Russian President [PER Vladimir Putin] met [PER Joe Biden]. The Russian leader said no.`,
			"leader", "Vladimir Putin"},
		{`[ORG NATO] met [LOC Russia]. The alliance said no.`, "alliance", "NATO"},
		{`[ORG NATO] met. The chef said no.`, "chef", ""},
		{`[ORG Kremlin] spokesman [PER Dmitry Peskov] spoke. A spokesman said no.`, "spokesman", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+tt.want, func(t *testing.T) {
			doc := resolve(t, New(nil), tt.src)
			tok := -1
			for i, tk := range doc.Tokens {
				if tk.Text == tt.word {
					tok = i
				}
			}
			m, ok := Antecedent(doc, tok)
			got := ""
			if ok {
				got = doc.Mentions[m].Name
			}
			if got != tt.want {
				t.Errorf("Antecedent(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestCoref(t *testing.T) {
	tests := []struct {
		src     string
		phrase  string // the subject phrase (its last occurrence)
		head    string // the subject's head word (its last occurrence)
		mention int    // the subject's mention as the extractor linked it
		want    string // the speaker after Coref
	}{
		{`[PER Dmitry Peskov] spoke. He said no.`, "He", "He", -1, "Dmitry Peskov"},
		{`[ORG Kremlin] spokesman [PER Dmitry Peskov] met [PER Joe Biden]. The Kremlin spokesman said no.`,
			"The Kremlin spokesman", "spokesman", 3, "Dmitry Peskov"},
		{`[PER Dmitry Peskov] met [PER Joe Biden]. Biden said no.`, "Biden", "Biden", 2, "Joe Biden"},
		{`[LOC U.S.] Secretary of State [PER Antony Blinken] said no.`,
			"U.S. Secretary of State Antony Blinken", "Secretary", 0, "Antony Blinken"},
		{`White House press secretary [PER Jen Psaki] spoke. White House press secretary said no.`,
			"White House press secretary", "secretary", 2, "Jen Psaki"},
		{`White House press secretary [PER Jen Psaki] said no.`, "White House press secretary", "secretary", 0,
			"Jen Psaki"},
		{`US Ambassador to the United Nations [PER Linda Thomas-Greenfield] said no.`, "US Ambassador",
			"Ambassador", 0, "Linda Thomas-Greenfield"},
		{`[PER Mr. Putin]'s top deputies said no.`, "Mr. Putin's top deputies", "deputies", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			doc := resolve(t, New(nil), tt.src)
			head := -1
			for i, tk := range doc.Tokens {
				if tk.Text == tt.head {
					head = i
				}
			}
			start := strings.LastIndex(doc.Text, tt.phrase)
			span := extract.Span{Start: start, End: start + len(tt.phrase)}
			doc.Facts = append(doc.Facts, extract.Fact{Kind: extract.Speech, Relation: "said",
				Subject: extract.Arg{Span: span, Text: tt.phrase, Head: head, Mention: tt.mention},
				Object:  extract.Arg{Head: -1, Mention: -1}, Attributed: -1})
			if err := (Coref{}).Annotate(doc); err != nil {
				t.Fatal(err)
			}
			f := doc.Facts[len(doc.Facts)-1]
			got := ""
			if f.Subject.Mention >= 0 {
				got = doc.Mentions[f.Subject.Mention].Name
			}
			if got != tt.want || f.Object.Mention != -1 {
				t.Errorf("subject %q, object mention %d; want %q, -1", got, f.Object.Mention, tt.want)
			}
		})
	}
}

func TestCorefIndex(t *testing.T) {
	r := New(nil)
	resolve(t, r, "Russian President [PER Vladimir Putin] spoke.")
	doc := resolve(t, r, "[PER Vladimir Putin] met [PER Joe Biden]. The Russian president said no.")
	head := len(doc.Tokens) - 4 // president
	doc.Facts = append(doc.Facts, extract.Fact{Kind: extract.Speech, Relation: "said",
		Subject: extract.Arg{Span: doc.Tokens[head].Span, Text: "The Russian president", Head: head, Mention: -1},
		Object:  extract.Arg{Head: -1, Mention: -1}, Attributed: -1})
	for _, c := range []struct {
		coref Coref
		want  string
	}{{Coref{}, ""}, {Coref{Index: r.Index()}, "Vladimir Putin"}} {
		doc.Facts[len(doc.Facts)-1].Subject.Mention = -1
		if err := c.coref.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		got := ""
		if m := doc.Facts[len(doc.Facts)-1].Subject.Mention; m >= 0 {
			got = doc.Mentions[m].Name
		}
		if got != c.want {
			t.Errorf("with index %v: speaker %q, want %q", c.coref.Index != nil, got, c.want)
		}
	}
}

func TestAliases(t *testing.T) {
	src := `# corrections
alias Mr. P = Dmitry Peskov
merge Dmitri Peskoff = Dmitry Peskov
split John Smith
`
	a, err := ParseAliases(strings.NewReader(src), "aliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := New(nil)
	r.Index().Apply(a)
	doc := resolve(t, r, "[PER Mr. P] and [PER Dmitri Peskoff] and [PER Dmitry Peskov] met [PER John Smith] "+
		"and [PER Jon Smith]. [PER Smith] left.")
	k := keys(doc)
	for _, s := range []string{"P", "Dmitri Peskoff"} { // "Mr." leaves the mention
		if k[s] != "Dmitry_Peskov" {
			t.Errorf("%q → %s, want Dmitry_Peskov", s, k[s])
		}
	}
	if k["John Smith"] == k["Jon Smith"] || k["Smith"] == k["John Smith"] {
		t.Errorf("split: John Smith %s, Jon Smith %s, Smith %s", k["John Smith"], k["Jon Smith"], k["Smith"])
	}
}

func TestParseAliasesErrors(t *testing.T) {
	for _, src := range []string{"alias Mr. P", "merge = X", "split", "join A = B"} {
		t.Run(src, func(t *testing.T) {
			_, err := ParseAliases(strings.NewReader("# ok\n"+src+"\n"), "a.txt")
			if err == nil || !strings.HasPrefix(err.Error(), "a.txt:2: ") {
				t.Errorf("ParseAliases(%q) error %v, want a.txt:2: ...", src, err)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	tok := []extract.Token{{Span: extract.Span{End: 1}, Text: "x"}}
	tests := map[string]*extract.Document{
		"mention beyond the tokens":  {Text: "x", Tokens: tok, Mentions: []extract.Mention{{First: 0, End: 3}}},
		"empty mention":              {Text: "x", Tokens: tok, Mentions: []extract.Mention{{First: 1, End: 1}}},
		"sentence beyond the tokens": {Text: "x", Tokens: tok, Sentences: []extract.Sentence{{First: 0, End: 2}}},
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			if err := New(nil).Annotate(doc); err == nil {
				t.Error("no error")
			}
		})
	}
}

// BenchmarkAnnotate measures the resolver alone on a 60-sentence article
// of recognizer mentions, with an index that grows across iterations as it
// would over a corpus:
//
//	go test ./extract/entity -run '^$' -bench Annotate
func BenchmarkAnnotate(b *testing.B) {
	para := "[ORG Kremlin] spokesman [PER Dmitry Peskov] said [LOC Russia] saw little ground for optimism. " +
		"[LOC Ukraine]'s Foreign Minister [PER Dmytro Kuleba] met [PER Jens Stoltenberg], the [ORG NATO] " +
		"secretary general, in [LOC Kiev]. [PER Mr. Peskov] said the [LOC U.S.] had not answered. " +
		"He added that [PER Putin] would decide. The Kremlin spokesman declined to comment on [ORG Interfax]. "
	src := strings.Repeat(para, 15)
	t := &testing.T{}
	template := markup(t, src)
	r := New(nil)
	b.ResetTimer()
	for b.Loop() {
		doc := *template
		doc.Mentions = slices.Clone(template.Mentions)
		doc.Facts = nil
		if err := r.Annotate(&doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// FuzzAnnotate checks that no text and no mention layout makes the
// resolver or Antecedent panic.
func FuzzAnnotate(f *testing.F) {
	f.Add("Kremlin spokesman Dmitry Peskov said. Mr. Peskov, the U.S. envoy to the U.N., left. He said.", uint64(0x1234))
	f.Add("Thomas - Greenfield 's and - Ambassador to the United Nations Linda", uint64(7))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		doc := &extract.Document{Text: text}
		for _, loc := range tokenRE.FindAllStringIndex(text, -1) {
			doc.Tokens = append(doc.Tokens, extract.Token{Span: extract.Span{Start: loc[0], End: loc[1]},
				Text: text[loc[0]:loc[1]], Head: -1})
		}
		n := len(doc.Tokens)
		if n == 0 {
			return
		}
		doc.Sentences = []extract.Sentence{{Span: extract.Span{End: len(text)}, First: 0, End: n}}
		for i := 0; i < n; i++ {
			seed = seed*6364136223846793005 + 1442695040888963407
			if seed>>60 < 5 {
				end := min(n, i+1+int(seed>>58&3))
				doc.Mentions = append(doc.Mentions, extract.Mention{First: i, End: end,
					Span: extract.Span{Start: doc.Tokens[i].Start, End: doc.Tokens[end-1].End},
					Type: extract.EntityType(1 + seed>>40%4)})
				i = end - 1
			}
		}
		if err := New(nil).Annotate(doc); err != nil {
			t.Fatal(err)
		}
		for tok := range doc.Tokens {
			Antecedent(doc, tok)
		}
	})
}
