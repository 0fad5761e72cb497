// Package gazetteer is a read-only table of well-known places and
// organizations: every country (names, official names, short and dotted
// forms, unambiguous codes, demonyms), capitals and major cities with their
// variant spellings, regions and seas, and international, government, news,
// party and company names with their acronyms.
//
// Names are matched by Key, which ignores case, dots, a leading "the", a
// trailing possessive, diacritics and spacing, so "the U.S.", "US" and
// "United States" find one Entry. Acronyms ("US", "WHO", "AP") match only
// when written in capitals, so the pronoun "us" is no country.
//
// The data lives in the embedded TSV files next to this one (kind, name,
// aliases, demonyms); it is parsed once, on first use, and never changes.
//
// Skeleton holds the package's transliteration rules: spellings of one
// Slavic or Arabic name in English (Sergey/Sergei, Alexey/Aleksei,
// Zelensky/Zelenskyy/Zelenskiy) share a skeleton.
package gazetteer

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"kg/extract"
)

//go:embed countries.tsv places.tsv organizations.tsv
var data embed.FS

// Entry is one known place or organization.
type Entry struct {
	Name     string             // canonical name: "United States"
	Type     extract.EntityType // Place or Organization
	Kind     string             // country, city, region, sea, agency, government body, ...
	Aliases  []string           // other names: "U.S.", "US", "America", ...
	Demonyms []string           // adjectives and people nouns: "American", ...

	// Generic marks bodies every country has (Foreign Ministry, Security
	// Council, Parliament): a mention names a particular one only together
	// with its owner ("Russia's Security Council").
	Generic bool
}

// MaxWords is the largest number of words in any name of the table, so a
// caller matching token windows knows when to stop.
func MaxWords() int { return load().maxWords }

// Lookup finds the entry named name, by its canonical name or any alias.
func Lookup(name string) (*Entry, bool) {
	t := load()
	k := Key(name)
	e, ok := t.names[k]
	if !ok || (t.acronym[k] && !capitals(trimThe(name))) {
		return nil, false
	}
	return e, true
}

// Demonym finds the country or region an adjective or people noun refers to:
// "Russian" and "Russians" give Russia, "U.S." is not a demonym.
func Demonym(adj string) (*Entry, bool) {
	t := load()
	k := Key(adj)
	if e, ok := t.demonyms[k]; ok {
		return e, true
	}
	if s, ok := strings.CutSuffix(k, "s"); ok {
		if e, ok := t.demonyms[s]; ok {
			return e, true
		}
	}
	return nil, false
}

// Entries returns every entry, in the order of the data files.
func Entries() []*Entry { return load().entries }

type table struct {
	entries  []*Entry
	names    map[string]*Entry
	acronym  map[string]bool // keys written only as capitals in the data
	demonyms map[string]*Entry
	maxWords int
}

var load = sync.OnceValue(func() *table {
	t, err := parse()
	if err != nil {
		panic(err) // the embedded data is part of the program; tests read it
	}
	return t
})

func parse() (*table, error) {
	t := &table{names: map[string]*Entry{}, acronym: map[string]bool{}, demonyms: map[string]*Entry{}}
	for _, file := range []string{"countries.tsv", "places.tsv", "organizations.tsv"} {
		b, err := data.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for line := 1; sc.Scan(); line++ {
			if err := t.addLine(sc.Text()); err != nil {
				return nil, fmt.Errorf("gazetteer: %s:%d: %w", file, line, err)
			}
		}
	}
	return t, nil
}

func (t *table) addLine(line string) error {
	if line == "" || line[0] == '#' {
		return nil
	}
	f := strings.Split(line, "\t")
	if len(f) < 2 || len(f) > 4 || f[1] == "" {
		return fmt.Errorf("want kind, name, aliases, demonyms separated by tabs, got %q", line)
	}
	f = append(f, "", "")
	e := &Entry{Name: f[1], Kind: f[0], Aliases: list(f[2]), Demonyms: list(f[3])}
	switch e.Kind {
	case "country", "city", "region", "sea":
		e.Type = extract.Place
	case "generic":
		e.Type, e.Kind, e.Generic = extract.Organization, "government body", true
	default:
		e.Type = extract.Organization
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		k := Key(n)
		if old, ok := t.names[k]; ok && old != e {
			return fmt.Errorf("%q names both %s and %s", n, old.Name, e.Name)
		}
		if _, seen := t.names[k]; !seen {
			t.acronym[k] = capitals(n) && len(k) <= 5
		} else if !capitals(n) {
			t.acronym[k] = false
		}
		t.names[k] = e
		t.maxWords = max(t.maxWords, len(strings.Fields(n)))
	}
	for _, d := range e.Demonyms {
		if _, ok := t.demonyms[Key(d)]; !ok {
			t.demonyms[Key(d)] = e
		}
	}
	t.entries = append(t.entries, e)
	return nil
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func trimThe(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// capitals reports whether every letter of s is upper case.
func capitals(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// Key is the form names are compared in: ASCII-folded, lower case, without
// dots, a leading "the", a trailing possessive or quotes; "&" reads "and";
// hyphens, slashes and commas are spaces; spaces are single.
func Key(name string) string {
	s := strings.ToLower(Fold(name))
	s = keyReplacer.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "'")
	s = strings.TrimPrefix(s, "the ")
	return s
}

var keyReplacer = strings.NewReplacer(".", "", "&", " and ", "-", " ", "/", " ", ",", " ", "\"", " ")

// Fold replaces Latin letters with diacritics by their ASCII base letters
// and typographic quotes and dashes by ASCII ones; other runes are kept.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if f, ok := folds[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var folds = func() map[rune]string {
	m := map[rune]string{'’': "'", '‘': "'", '“': "\"", '”': "\"", '–': "-", '—': "-", '‐': "-",
		'ß': "ss", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D",
		'ł': "l", 'Ł': "L", 'ı': "i", 'þ': "th"}
	for base, variants := range map[string]string{
		"a": "àáâãäåāăą", "A": "ÀÁÂÃÄÅĀĂĄ", "c": "çćĉċč", "C": "ÇĆĈĊČ", "d": "ď", "D": "Ď",
		"e": "èéêëēĕėęě", "E": "ÈÉÊËĒĔĖĘĚ", "g": "ĝğġģ", "G": "ĜĞĠĢ", "h": "ĥ", "H": "Ĥ",
		"i": "ìíîïĩīĭįİ", "I": "ÌÍÎÏĨĪĬĮ", "n": "ñńņňŉ", "N": "ÑŃŅŇ", "o": "òóôõöōŏő", "O": "ÒÓÔÕÖŌŎŐ",
		"r": "ŕŗř", "R": "ŔŖŘ", "s": "śŝşšș", "S": "ŚŜŞŠȘ", "t": "ţťț", "T": "ŢŤȚ",
		"u": "ùúûüũūŭůűų", "U": "ÙÚÛÜŨŪŬŮŰŲ", "y": "ýÿ", "Y": "ÝŸ", "z": "źżž", "Z": "ŹŻŽ",
	} {
		for _, r := range variants {
			m[r] = base
		}
	}
	return m
}()
