package ner

import "kg/extract"

// label is a BILOU tag: O, or Begin, Inside, Last or Unit of an entity type.
// Label 0 is O; the label of part p of type t is 1 + (t-1)*4 + p.
type label uint8

// Parts of a mention, in label order.
const (
	begin = iota
	inside
	last
	unit
	numParts
)

// entityTypes are the types the recognizer tells apart, in label order.
var entityTypes = [...]extract.EntityType{extract.Person, extract.Organization, extract.Place, extract.OtherEntity}

const numLabels label = 1 + label(len(entityTypes)*numParts)

// outside labels a token outside every mention; start stands for the
// labels before a sentence in features.
const (
	outside label = 0
	start   label = label(numLabels)
)

func makeLabel(t extract.EntityType, part int) label { return label(1 + int(t-1)*numParts + part) }

func (l label) part() int { return int(l-1) % numParts }

func (l label) entityType() extract.EntityType {
	if l == outside {
		return extract.NoEntity
	}
	return extract.EntityType(int(l-1)/numParts + 1)
}

// open reports whether a mention continues after a token labelled l.
func (l label) open() bool {
	return l != outside && l != start && (l.part() == begin || l.part() == inside)
}

// follows reports whether l may come after prev (start at sentence start).
func (l label) follows(prev label) bool {
	if prev.open() {
		return l != outside && (l.part() == inside || l.part() == last) && l.entityType() == prev.entityType()
	}
	return l == outside || l.part() == begin || l.part() == unit
}

// labels encodes mentions of a sentence of n tokens as BILOU labels. The
// mentions' token indices are relative to the sentence, non-overlapping and
// in order.
func labels(n int, mentions []extract.Mention) []label {
	out := make([]label, n)
	for _, m := range mentions {
		if m.End-m.First == 1 {
			out[m.First] = makeLabel(m.Type, unit)
			continue
		}
		out[m.First] = makeLabel(m.Type, begin)
		for i := m.First + 1; i < m.End-1; i++ {
			out[i] = makeLabel(m.Type, inside)
		}
		out[m.End-1] = makeLabel(m.Type, last)
	}
	return out
}

// mentions decodes a legal label sequence into mentions with token indices
// relative to the sentence.
func mentions(ls []label, out []extract.Mention) []extract.Mention {
	start := -1
	for i, l := range ls {
		if l == outside {
			continue
		}
		switch l.part() {
		case begin:
			start = i
		case unit:
			out = append(out, extract.Mention{First: i, End: i + 1, Type: l.entityType()})
		case last:
			if start >= 0 {
				out = append(out, extract.Mention{First: start, End: i + 1, Type: l.entityType()})
			}
			start = -1
		}
	}
	return out
}
