// Package graph stores kg's knowledge graph in a Cayley quad store and
// answers the questions kg asks of it.
//
// Quads converts an extract.Document to quads following docs/schema.md;
// Store writes them (Put, Remove), reads them back (Has, Entities, Facts,
// Stats, Gizmo) and moves them as N-Quads (Export, Import). Open picks the
// backend from an address: a Bolt file (the default), "mem",
// "leveldb:DIR" or a "postgres://" URL.
//
// Invariants:
//   - Every quad's graph label is the IRI of the document that produced it
//     or of one of its sentences, so a document owns exactly the quads
//     labelled with it or its sentences, and two documents never share a
//     quad.
//   - A document is in the store with hash h exactly when its kg:hash quad
//     says h (Has); that marker is written in the same transaction as the
//     document's new quads.
//   - The store never holds duplicate quads; putting an unchanged document
//     writes nothing.
//   - Export is sorted and uses XML Schema datatypes, so equal graphs export
//     identical bytes on every backend, and export → import → export is the
//     identity.
//   - Character offsets in the graph count Unicode code points; they are
//     computed here from the byte Spans of package extract.
package graph
