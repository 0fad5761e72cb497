package extract

import "fmt"

// UPOS is a Universal Dependencies part-of-speech tag.
type UPOS uint8

// Universal POS tags. NoPOS marks a token not yet tagged.
const (
	NoPOS UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numUPOS
)

var uposNames = [...]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
	"NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// NumUPOS is the number of UPOS values, NoPOS included.
const NumUPOS = int(numUPOS)

func (t UPOS) String() string {
	if int(t) < len(uposNames) {
		return uposNames[t]
	}
	return fmt.Sprintf("UPOS(%d)", t)
}

// ParseUPOS returns the tag named s, or NoPOS and false.
func ParseUPOS(s string) (UPOS, bool) {
	for i, n := range uposNames {
		if n == s && i > 0 {
			return UPOS(i), true
		}
	}
	return NoPOS, false
}

// XPOS is a Penn Treebank part-of-speech tag, as used by English-EWT.
type XPOS uint8

var xposNames = [...]string{"_", "NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",",
	"CC", "VBD", "VBP", "VBZ", "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT",
	":", "WRB", "``", "''", "WP", "RP", "UH", "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP",
	"RBR", "ADD", "GW", "$", "SYM", "PDT", "LS", "FW", "RBS", "AFX", "WP$", "XX", "#"}

// NumXPOS is the number of XPOS values, the empty tag included.
var NumXPOS = len(xposNames)

func (t XPOS) String() string {
	if int(t) < len(xposNames) {
		return xposNames[t]
	}
	return fmt.Sprintf("XPOS(%d)", t)
}

// ParseXPOS returns the tag named s, or 0 and false.
func ParseXPOS(s string) (XPOS, bool) {
	for i, n := range xposNames {
		if n == s && i > 0 {
			return XPOS(i), true
		}
	}
	return 0, false
}

// DepRel is a Universal Dependencies relation, subtypes included
// (nsubj:pass, acl:relcl, ...).
type DepRel uint8

// Dependency relations. NoDep marks a token not yet parsed.
const (
	NoDep DepRel = iota
	Acl
	AclRelcl
	Advcl
	AdvclRelcl
	Advmod
	Amod
	Appos
	Aux
	AuxPass
	Case
	Cc
	CcPreconj
	Ccomp
	Compound
	CompoundPrt
	Conj
	Cop
	Csubj
	CsubjOuter
	CsubjPass
	Dep
	Det
	DetPredet
	Discourse
	Dislocated
	Expl
	Fixed
	Flat
	Goeswith
	Iobj
	List
	Mark
	Nmod
	NmodDesc
	NmodPoss
	NmodUnmarked
	Nsubj
	NsubjOuter
	NsubjPass
	Nummod
	Obj
	Obl
	OblAgent
	OblUnmarked
	Orphan
	Parataxis
	Punct
	Reparandum
	Root
	Vocative
	Xcomp
	NmodTmod
	NmodNpmod
	OblTmod
	OblNpmod
	FlatForeign
	numDepRel
)

// NumDepRel is the number of DepRel values, NoDep included.
const NumDepRel = int(numDepRel)

var depRelNames = [...]string{"_", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod",
	"appos", "aux", "aux:pass", "case", "cc", "cc:preconj", "ccomp", "compound", "compound:prt",
	"conj", "cop", "csubj", "csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse",
	"dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nmod:desc",
	"nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer", "nsubj:pass", "nummod", "obj", "obl",
	"obl:agent", "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "root", "vocative",
	"xcomp", "nmod:tmod", "nmod:npmod", "obl:tmod", "obl:npmod", "flat:foreign"}

func (r DepRel) String() string {
	if int(r) < len(depRelNames) {
		return depRelNames[r]
	}
	return fmt.Sprintf("DepRel(%d)", r)
}

// ParseDepRel returns the relation named s. An unknown subtype falls back to
// its universal relation ("obl:to" → obl); an unknown relation gives Dep and
// false.
func ParseDepRel(s string) (DepRel, bool) {
	for i, n := range depRelNames {
		if n == s && i > 0 {
			return DepRel(i), true
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			r, ok := ParseDepRel(s[:i])
			return r, ok
		}
	}
	return Dep, false
}

// Universal returns the relation without its subtype (nsubj:pass → nsubj).
func (r DepRel) Universal() DepRel {
	n := r.String()
	for i := 0; i < len(n); i++ {
		if n[i] == ':' {
			u, _ := ParseDepRel(n[:i])
			return u
		}
	}
	return r
}
