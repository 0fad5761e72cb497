package shell

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// metaCommands are the shell's commands, for help and completion.
var metaCommands = []struct{ name, args, help string }{
	{"why", "QUERY", "show the sentences behind each result of a path query, with title, outlet and source count"},
	{"entities", "[TYPE] [TEXT]", "list entities, most mentioned first (TYPE: person, organization, place, thing)"},
	{"schema", "", "list relations with how often they occur"},
	{"stats", "", "count quads, documents, sentences, entities and facts"},
	{"sources", "", "list the documents: title, outlet, date"},
	{"export", "FILE", "write the whole graph as N-Quads to FILE"},
	{"lang", "[auto|gizmo|path]", "show or set the query language (auto: Gizmo when the input starts like JavaScript)"},
	{"format", "[table|json]", "show or set the output format"},
	{"timeout", "[DURATION]", "show or set the time limit of one query, e.g. 30s; 0 for none"},
	{"help", "", "show this help"},
	{"quit", "", "leave the shell (also Ctrl-D)"},
}

// gizmoMethods are the Gizmo calls offered after a dot.
var gizmoMethods = []string{
	"V(", "M(", "Vertex(", "Morphism(", "Emit(",
	"Out(", "In(", "Both(", "Is(", "Has(", "HasR(", "Tag(", "As(", "Back(", "Save(", "SaveR(",
	"SaveOpt(", "Intersect(", "And(", "Union(", "Or(", "Except(", "Follow(", "FollowR(", "FollowRecursive(",
	"Unique()", "Limit(", "Skip(", "Count()", "All()", "GetLimit(", "ToArray()", "ToValue()",
	"TagArray()", "TagValue()", "ForEach(", "Map(", "Labels()", "InPredicates()", "OutPredicates()",
	"Filter(", "Order()", "LabelContext(",
}

// vocabulary is what completion offers: the graph's names.
type vocabulary struct {
	names     []string // entity names and aliases, most mentioned first
	relations []string // relation local names, most used first
	iris      []string // <IRI> forms of entities, relations and schema terms
}

// maxCandidates bounds a completion list.
const maxCandidates = 200

// complete returns the word before the cursor that is being completed and
// the candidates extending it (compared without case). pending holds the
// earlier lines of an unfinished Gizmo input; before is the current line up
// to the cursor.
func complete(v *vocabulary, lang Lang, pending, before string) (prefix string, cands []string) {
	if pending == "" {
		if m, ok := ParseMeta(before); ok {
			return completeMeta(v, m, before)
		}
	}
	if lang == Gizmo || lang == Auto && (pending != "" || Detect(before) == Gizmo) {
		return completeGizmo(v, pending+"\n"+before)
	}
	return completePath(v, before)
}

func completeMeta(v *vocabulary, m Meta, before string) (string, []string) {
	if !strings.Contains(before, " ") {
		prefix := strings.TrimSpace(before)
		var all []string
		for _, c := range metaCommands {
			all = append(all, ":"+c.name)
		}
		return prefix, matching(prefix, all)
	}
	_, arg, _ := strings.Cut(strings.TrimLeft(before, " "), " ")
	arg = strings.TrimLeft(arg, " ")
	switch m.Name {
	case "lang":
		return arg, matching(arg, langNames[:])
	case "format":
		return arg, matching(arg, []string{"table", "json"})
	case "entities":
		return arg, matching(arg, []string{"person", "organization", "place", "thing"})
	case "why":
		return completePath(v, arg)
	}
	return "", nil
}

// completeGizmo completes names and IRIs inside string literals and
// Gizmo methods after a dot.
func completeGizmo(v *vocabulary, src string) (string, []string) {
	if open, ok := openString(src); ok {
		prefix := src[open+1:]
		if prefix == "" || strings.HasPrefix(prefix, "<") {
			return prefix, matching(prefix, v.iris)
		}
		return prefix, matching(prefix, v.names)
	}
	i := len(src)
	for i > 0 && isIdent(src[i-1]) {
		i--
	}
	if i > 0 && src[i-1] == '.' {
		return src[i:], matching(src[i:], gizmoMethods)
	}
	return "", nil
}

func isIdent(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// openString reports whether src ends inside a string literal, and where
// its quote is.
func openString(src string) (int, bool) {
	open := -1
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case open >= 0 && c == '\\':
			i++
		case open >= 0 && c == src[open]:
			open = -1
		case open < 0 && (c == '"' || c == '\''):
			open = i
		case open >= 0 && c == '\n':
			open = -1
		}
	}
	return open, open >= 0
}

// completePath completes a path query: relations right after an odd
// arrow, names at node positions, keywords at the start.
func completePath(v *vocabulary, before string) (string, []string) {
	arrows := 0
	last := 0
	for i := 0; i+1 < len(before); i++ {
		if before[i:i+2] == "->" || before[i:i+2] == "<-" {
			arrows++
			last = i + 2
			i++
		}
	}
	word := strings.TrimLeft(before[last:], " \t")
	word = strings.TrimPrefix(word, `"`)
	if arrows%2 == 1 {
		return word, matching(word, append([]string{"?"}, v.relations...))
	}
	if arrows == 0 {
		lower := strings.ToLower(word)
		switch {
		case strings.HasPrefix(lower, "who said"):
			return "", nil
		case strings.HasPrefix(lower, "path "):
			// Complete the last end: after "to", or the word after "path".
			rest := word[len("path "):]
			if i := strings.Index(strings.ToLower(rest), " to "); i >= 0 {
				rest = rest[i+4:]
			} else if i := strings.LastIndexByte(rest, ' '); i >= 0 {
				rest = rest[i+1:]
			}
			rest = strings.TrimPrefix(rest, `"`)
			return rest, matching(rest, v.names)
		}
		return word, matching(word, append(slices.Clone(v.names), "path ", "who said "))
	}
	return word, matching(word, v.names)
}

// matching returns the candidates that start with prefix, without case,
// at most maxCandidates of them, in the given order.
func matching(prefix string, cands []string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, c := range cands {
		if len(c) >= len(prefix) && strings.EqualFold(c[:len(prefix)], prefix) && !seen[c] {
			seen[c] = true
			out = append(out, c)
			if len(out) == maxCandidates {
				break
			}
		}
	}
	return out
}

// completer adapts complete to readline's AutoCompleter.
type completer struct{ sh *Shell }

// Do returns the completions of line at pos as readline wants them: the
// text each candidate adds after the cursor, and the length of the prefix.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	before := string(line[:pos])
	prefix, cands := complete(c.sh.vocabulary(), c.sh.lang, c.sh.pending, before)
	n := utf8.RuneCountInString(prefix)
	var out [][]rune
	for _, cand := range cands {
		out = append(out, []rune(cand)[n:])
	}
	return out, n
}
