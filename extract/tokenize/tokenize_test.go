package tokenize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"kg/extract"
)

// annotate tokenizes text, failing the test on error or broken invariants.
func annotate(t testing.TB, text string) *extract.Document {
	t.Helper()
	doc := &extract.Document{Text: text}
	if err := New().Annotate(doc); err != nil {
		t.Fatalf("Annotate(%q): %v", text, err)
	}
	checkInvariants(t, doc)
	return doc
}

// checkInvariants checks what the package promises for any input.
func checkInvariants(t testing.TB, doc *extract.Document) {
	t.Helper()
	text := doc.Text
	covered := 0 // end of the previous token
	for i, tok := range doc.Tokens {
		if tok.Start < covered || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %v out of order, empty or out of range (previous ends at %d)", i, tok.Span, covered)
		}
		if tok.Text != text[tok.Start:tok.End] {
			t.Fatalf("token %d: Text %q, want %q", i, tok.Text, text[tok.Start:tok.End])
		}
		if tok.Head != -1 || tok.Norm == "" || !utf8.ValidString(tok.Norm) {
			t.Fatalf("token %d %q: Head %d, Norm %q", i, tok.Text, tok.Head, tok.Norm)
		}
		for j := covered; j < tok.Start; {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isSpace(r) {
				t.Fatalf("byte %d (%q) before token %d is in no token", j, r, i)
			}
			j += n
		}
		covered = tok.End
	}
	for j := covered; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isSpace(r) {
			t.Fatalf("byte %d (%q) after the last token is in no token", j, r)
		}
		j += n
	}
	next := 0 // first token of the next sentence
	for i, s := range doc.Sentences {
		if s.First != next || s.End <= s.First || s.End > len(doc.Tokens) {
			t.Fatalf("sentence %d owns tokens [%d,%d), want to start at %d", i, s.First, s.End, next)
		}
		if s.Span.Start != doc.Tokens[s.First].Start || s.Span.End != doc.Tokens[s.End-1].End {
			t.Fatalf("sentence %d span %v does not match its tokens", i, s.Span)
		}
		next = s.End
	}
	if next != len(doc.Tokens) {
		t.Fatalf("sentences own %d of %d tokens", next, len(doc.Tokens))
	}
}

// texts returns the Text (or, with norm, the Norm) of each token.
func texts(doc *extract.Document, norm bool) []string {
	out := make([]string, len(doc.Tokens))
	for i, t := range doc.Tokens {
		out[i] = t.Text
		if norm {
			out[i] = t.Norm
		}
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text, want string // want: tokens joined by "|"
	}{
		{"contractions", "We don't know. They can't, won't, didn't.",
			"We|do|n't|know|.|They|ca|n't|,|wo|n't|,|did|n't|."},
		{"curly contractions", "We don’t know if it’s over; we’re sure they’ll say they’ve, I’d, I’m.",
			"We|do|n’t|know|if|it|’s|over|;|we|’re|sure|they|’ll|say|they|’ve|,|I|’d|,|I|’m|."},
		{"modifier apostrophe", "Putinʼs aides donʼt", "Putin|ʼs|aides|do|nʼt"},
		{"fused words", "We cannot say. Gonna win, wanna go, gotta run.",
			"We|can|not|say|.|Gon|na|win|,|wan|na|go|,|got|ta|run|."},
		{"possessives", "Russia’s demands, Moscow's response, the Russians’ acknowledgement, NATO‘s policy.",
			"Russia|’s|demands|,|Moscow|'s|response|,|the|Russians|’|acknowledgement|,|NATO|‘s|policy|."},
		{"possessive after abbreviation", "the U.S.'s position",
			"the|U.S.|'s|position"},
		{"names with apostrophes", "Conan O'Brien met Sha'lan in the '90s and '80s.",
			"Conan|O'Brien|met|Sha'lan|in|the|'90s|and|'80s|."},
		{"hyphenated compounds", "a long-running, Kremlin-friendly, face-to-face standoff",
			"a|long|-|running|,|Kremlin|-|friendly|,|face|-|to|-|face|standoff"},
		{"names with hyphens", "Linda Thomas-Greenfield and a Russia-NATO conflict",
			"Linda|Thomas|-|Greenfield|and|a|Russia|-|NATO|conflict"},
		{"prefixes kept whole", "his ex-Soviet neighbor, de-escalation, non-military means, e-mail, co-workers",
			"his|ex-Soviet|neighbor|,|de-escalation|,|non-military|means|,|e-mail|,|co-workers"},
		{"prefix then compound", "the post-Cold War order and post-Cold-War rules",
			"the|post-Cold|War|order|and|post-Cold|-|War|rules"},
		{"digits with hyphens", "call 713-853-3989 on 11-20-2000",
			"call|713-853-3989|on|11-20-2000"},
		{"abbreviations", "Mr. Putin, Ms. Nuland and Dr. Smith of Apple Inc. met Feb. 7 in the U.S. at 5 p.m. on Jan. 3, e.g. today.",
			"Mr.|Putin|,|Ms.|Nuland|and|Dr.|Smith|of|Apple|Inc.|met|Feb.|7|in|the|U.S.|at|5|p.m.|on|Jan.|3|,|e.g.|today|."},
		{"abbreviation ending a sentence", "They met in the U.S. The talks ended at Apple Inc.” Then silence.",
			"They|met|in|the|U.S|.|The|talks|ended|at|Apple|Inc|.|”|Then|silence|."},
		{"ticker and file name", "Beecham Group Plc <BHAM.L> sent ENRON.XLS to NATO.The end",
			"Beecham|Group|Plc|<|BHAM.L|>|sent|ENRON.XLS|to|NATO|.|The|end"},
		{"degrees", "a Ph.D. student", "a|Ph.D.|student"},
		{"initials", "Dmitry S. Peskov and Antony J. Blinken",
			"Dmitry|S.|Peskov|and|Antony|J.|Blinken"},
		{"number abbreviation", "It ranked No. 5. The answer was No.",
			"It|ranked|No.|5|.|The|answer|was|No|."},
		{"numbers", "8,500 troops, 14,000 people, 3.5% growth, $4.25 a share, 5:30, 9/11, 1,2",
			"8,500|troops|,|14,000|people|,|3.5|%|growth|,|$|4.25|a|share|,|5:30|,|9/11|,|1|,|2"},
		{"ordinals and decades", "the 78th anniversary in the 1990s",
			"the|78th|anniversary|in|the|1990s"},
		{"urls", "See https://www.wfdd.org/story/russia-sees-little-ground (and www.example.com/a_b).",
			"See|https://www.wfdd.org/story/russia-sees-little-ground|(|and|www.example.com/a_b|)|."},
		{"url with brackets", "at http://en.wikipedia.org/wiki/Kyiv_(city).",
			"at|http://en.wikipedia.org/wiki/Kyiv_(city)|."},
		{"emails and handles", "Write to press@state.gov or @SecBlinken.",
			"Write|to|press@state.gov|or|@SecBlinken|."},
		{"hashtags", "under the hashtag #UkrainiansWillResist on Twitter, not #1",
			"under|the|hashtag|#UkrainiansWillResist|on|Twitter|,|not|#|1"},
		{"domains", "Amazon.com said", "Amazon.com|said"},
		{"glued sentences", "with Russia.\"On a visit, its defenses.While the diplomacy",
			"with|Russia|.|\"|On|a|visit|,|its|defenses|.|While|the|diplomacy"},
		{"double period", "they lacked optimism..“We don’t know",
			"they|lacked|optimism|..|“|We|do|n’t|know"},
		{"em dashes", "MOSCOW—The Kremlin said any such designs—and more",
			"MOSCOW|—|The|Kremlin|said|any|such|designs|—|and|more"},
		{"en dash and ellipsis", "analyze them – we will … whenever, 2010–2014",
			"analyze|them|–|we|will|…|whenever|,|2010–2014"},
		{"ascii dashes", "the U.S. -- and NATO - left",
			"the|U.S.|--|and|NATO|-|left"},
		{"brackets and quotes", "“We hope [Mr. Putin] will see,” she said (twice).",
			"“|We|hope|[|Mr.|Putin|]|will|see|,|”|she|said|(|twice|)|."},
		{"repeated punctuation", "Really?! Wow!!! Wait... ==== ***",
			"Really|?!|Wow|!!!|Wait|...|====|***"},
		{"emoticons", "great :-) and fine :)", "great|:-)|and|fine|:)"},
		{"slashes", "Hicks/The New York Times and b/c or w/o",
			"Hicks|/|The|New|York|Times|and|b/c|or|w/o"},
		{"ampersand", "AT&T and S&P, rock & roll", "AT&T|and|S&P|,|rock|&|roll"},
		{"emoji", "peace 🕊️ now 👍🏽", "peace|🕊️|now|👍🏽"},
		{"bullet", "• This article is based in part on wire-service reports.",
			"•|This|article|is|based|in|part|on|wire|-|service|reports|."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(texts(annotate(t, tt.text), false), "|")
			if got != tt.want {
				t.Errorf("tokens of %q\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestNorm(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"curly double quotes", "“little ground”", `"|little|ground|"`},
		{"curly apostrophes", "Russia’s don’t Ukraine‘s O’Brien", "Russia|'s|do|n't|Ukraine|'s|O'Brien"},
		{"single quotes", "‘diplomatic way’", "'|diplomatic|way|'"},
		{"latex quotes", "``yes''", `"|yes|"`},
		{"dashes", "MOSCOW—The them – we ―", "MOSCOW|--|The|them|--|we|--"},
		{"ranges", "2010–2014 pages 3‒4", "2010-2014|pages|3-4"},
		{"ellipsis", "talks … whenever", "talks|...|whenever"},
		{"ascii unchanged", `"U.S." -- 8,500 - it's`, `"|U.S.|"|--|8,500|-|it|'s`},
		{"accents kept", "Zelenskyy Königsberg café", "Zelenskyy|Königsberg|café"},
		{"soft hyphen", "inter\u00adnational", "international"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(texts(annotate(t, tt.text), true), "|")
			if got != tt.want {
				t.Errorf("norms of %q\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"closing quote stays", `He tweeted it was "important that the U.S. remains in close contact with Russia."On a visit to Denmark, Kuleba spoke.`,
			[]string{`He tweeted it was "important that the U.S. remains in close contact with Russia."`, "On a visit to Denmark, Kuleba spoke."}},
		{"glued without space", "its need to strengthen its defenses.While the diplomacy sputters on, so too do maneuvers.",
			[]string{"its need to strengthen its defenses.", "While the diplomacy sputters on, so too do maneuvers."}},
		{"double period and curly quote", "they lacked optimism..“We don’t know if the Russians are playing games. We hope not,” Psaki said.",
			[]string{"they lacked optimism..", "“We don’t know if the Russians are playing games.", "We hope not,” Psaki said."}},
		{"curly closing quote", "left “little ground for optimism.” But he added that “there are prospects.”",
			[]string{"left “little ground for optimism.”", "But he added that “there are prospects.”"}},
		{"question inside quote", `"Why now?" he asked. "Because."`,
			[]string{`"Why now?" he asked.`, `"Because."`}},
		{"question attributed to a name", "“Is this a war?” Dmitry Peskov asked. “No!” Putin said. “Why?” The question remains.",
			[]string{"“Is this a war?” Dmitry Peskov asked.", "“No!” Putin said.", "“Why?”", "The question remains."}},
		{"brand name with exclamation mark", "Google is not as popular as Yahoo! and AOL. What a game! you will love it.",
			[]string{"Google is not as popular as Yahoo! and AOL.", "What a game!", "you will love it."}},
		{"dateline with em dash", "MOSCOW—The Kremlin said Thursday that dialogue was possible.",
			[]string{"MOSCOW—The Kremlin said Thursday that dialogue was possible."}},
		{"dateline with lost dash", "MOSCOW  The Kremlin said Thursday that the U.S.  and NATO  left little ground.",
			[]string{"MOSCOW  The Kremlin said Thursday that the U.S.  and NATO  left little ground."}},
		{"titles and initials", "Kremlin spokesman Dmitry S. Peskov met Mr. Putin. Secretary Antony J. Blinken met Ms. Nuland on Feb. 7 at St. Petersburg.",
			[]string{"Kremlin spokesman Dmitry S. Peskov met Mr. Putin.", "Secretary Antony J. Blinken met Ms. Nuland on Feb. 7 at St. Petersburg."}},
		{"U.S. before a name", "In the meantime, U.S. President Joe Biden spoke to the U.S. Ambassador.",
			[]string{"In the meantime, U.S. President Joe Biden spoke to the U.S. Ambassador."}},
		{"U.S. ending a sentence", "They are taking delivery in the U.S. The talks resume Monday. Russia sees the U.S. \"No change,\" he said.",
			[]string{"They are taking delivery in the U.S.", "The talks resume Monday.", "Russia sees the U.S.", `"No change," he said.`}},
		{"title-case headline", "U.S. Officials Say Russia Has Moved Troops to the U.S. Border\nU.S. Will Not Send Troops, Biden Says\nOfficials met in the U.S. They said little.",
			[]string{"U.S. Officials Say Russia Has Moved Troops to the U.S. Border", "U.S. Will Not Send Troops, Biden Says", "Officials met in the U.S.", "They said little."}},
		{"company abbreviation", "Shares of Apple Inc. rose. Apple Inc. Chief Executive Tim Cook spoke.",
			[]string{"Shares of Apple Inc. rose.", "Apple Inc. Chief Executive Tim Cook spoke."}},
		{"headline and byline lines", "Russia sees little ground for optimism\n20220128\nhttps://www.wfdd.org/story/russia\nUkraine's Foreign Minister spoke.",
			[]string{"Russia sees little ground for optimism", "20220128", "https://www.wfdd.org/story/russia", "Ukraine's Foreign Minister spoke."}},
		{"blank lines", "Wide gulf\n\nThat position creates a wide gulf\n\n\nCredit Tyler Hicks",
			[]string{"Wide gulf", "That position creates a wide gulf", "Credit Tyler Hicks"}},
		{"list items", "Two steps:\n1. The attachment must be signed.\n2. The pricing is final.",
			[]string{"Two steps:", "1. The attachment must be signed.", "2. The pricing is final."}},
		{"double quotes typed as two singles", "the claim. ‘’We have a very small number,’’ says a diplomat. ‘’Should we?’’",
			[]string{"the claim.", "‘’We have a very small number,’’ says a diplomat.", "‘’Should we?’’"}},
		{"hashtag and numbers", "under the hashtag #UkrainiansWillResist on Twitter. It has killed over 14,000 people. 8,500 troops are on alert.",
			[]string{"under the hashtag #UkrainiansWillResist on Twitter.", "It has killed over 14,000 people.", "8,500 troops are on alert."}},
		{"ellipsis inside a sentence", "we are ready for talks … whenever they are ready.",
			[]string{"we are ready for talks … whenever they are ready."}},
		{"hard-wrapped text", "Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming harvest,\nalthough normal humidity levels have not been restored.\n    The dry period means the harvest will be late.",
			[]string{"Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming harvest,\nalthough normal humidity levels have not been restored.", "The dry period means the harvest will be late."}},
		{"wrapped paragraph ends at short line", "FARM OUTLOOK\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming harvest,\nalthough the rain is late\nComissaria Smith said in its weekly review in the\nregion.",
			[]string{"FARM OUTLOOK", "SALVADOR, Feb 26 - Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming harvest,\nalthough the rain is late", "Comissaria Smith said in its weekly review in the\nregion."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := annotate(t, tt.text)
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, doc.Slice(s.Span))
			}
			if strings.Join(got, "\n‖\n") != strings.Join(tt.want, "\n‖\n") {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// excerpts are short pieces of real news text, as it arrives.
var excerpts = map[string]string{
	"em dashes and curly quotes": "MOSCOW—The Kremlin said Thursday that there was “little ground for optimism” in resolving the crisis over Ukraine after the U.S. rejected Russia’s main demands, but that dialogue was still possible.\nKremlin spokesman Dmitry Peskov told reporters that the response from the U.S.—and a similar one from NATO—left “little ground for optimism.” But he added that “there always are prospects for continuing a dialogue, it’s in the interests of both us and the Americans.”\nWhite House press secretary Jen Psaki was circumspect when asked whether they lacked optimism..\n“We don’t know if the Russians are playing games on diplomacy. We hope not,” Psaki said.\n",
	"glued and straight quotes":  "Russia sees little ground for optimism in the USs response on Ukraine crisis\n20220128\nhttps://www.wfdd.org/story/russia-sees-little-ground-optimism-uss-response-ukraine-crisis\nHe tweeted it was \"important that the U.S. remains in close contact with Ukraine before and after all contacts with Russia.\"On a visit to Denmark, Kuleba emphasized his country's need to strengthen its defenses.\"This crisis is a moment of truth,\" he said.While the diplomacy sputters on\nMOSCOW  The Kremlin said that the response from the U.S.  and a similar one from NATO  left \"little ground for optimism.\"",
	"blank lines and captions":   "Moscow is pessimistic about reaching a deal\n\nCredit…Tyler Hicks/The New York Times\n\n“It will of course take some time to analyze them – we will not rush to conclusions.”\n\n\n\nBlinken calls US letter to Russia ‘diplomatic way forward’\nLoading video player\nThe United States provided a written response.CreditCredit…Pool photo by Brendan Smialowski\n\nChristi C. Elwood",
	"wrapped wire copy":          "SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year.\r\n",
}

func TestInvariants(t *testing.T) {
	for name, text := range excerpts {
		t.Run(name, func(t *testing.T) { annotate(t, text) })
	}
	// Whole articles, where the repository or the shared data has them.
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	shared, _ := filepath.Glob(filepath.Join(sharedDir(), "seeds", "*.txt"))
	for _, f := range append(files, shared...) {
		t.Run(f, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			annotate(t, string(b))
		})
	}
}

func TestAnnotateNil(t *testing.T) {
	if err := New().Annotate(nil); err == nil {
		t.Error("Annotate(nil) succeeded, want an error")
	}
}

func TestAnnotateReplaces(t *testing.T) {
	doc := annotate(t, "One. Two.")
	doc.Text = "Three."
	if err := New().Annotate(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 1 || len(doc.Tokens) != 2 {
		t.Errorf("re-annotating gave %d sentences, %d tokens; want 1, 2", len(doc.Sentences), len(doc.Tokens))
	}
}

func FuzzTokenize(f *testing.F) {
	for _, text := range excerpts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := &extract.Document{Text: text}
		if err := New().Annotate(doc); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, doc)
	})
}

func BenchmarkTokenize(b *testing.B) {
	var sb strings.Builder
	for _, name := range []string{"em dashes and curly quotes", "glued and straight quotes", "blank lines and captions", "wrapped wire copy"} {
		sb.WriteString(excerpts[name])
		sb.WriteString("\n\n")
	}
	text := strings.Repeat(sb.String(), 20)
	tok := New()
	b.SetBytes(int64(len(text)))
	tokens := 0
	for b.Loop() {
		doc := &extract.Document{Text: text}
		if err := tok.Annotate(doc); err != nil {
			b.Fatal(err)
		}
		tokens += len(doc.Tokens)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
