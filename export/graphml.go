package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// GraphMLNamespace is the XML namespace of GraphML documents.
const GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

// GraphMLDoc is the subset of GraphML that GraphML writes: typed
// attribute keys, one directed graph, nodes and edges with data. It reads
// back with encoding/xml.
type GraphMLDoc struct {
	XMLName xml.Name     `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []GraphMLKey `xml:"key"`
	Graph   GraphMLGraph `xml:"graph"`
}

// GraphMLKey declares an attribute of nodes or edges.
type GraphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"` // node or edge
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"` // string or int
}

// GraphMLGraph is the graph element.
type GraphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []GraphMLNode `xml:"node"`
	Edges       []GraphMLEdge `xml:"edge"`
}

// GraphMLNode is a node with its attribute values.
type GraphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []GraphMLData `xml:"data"`
}

// GraphMLEdge is a directed edge with its attribute values.
type GraphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []GraphMLData `xml:"data"`
}

// GraphMLData is the value of one attribute.
type GraphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// graphMLKeys are the attributes GraphML declares: label, type, kind and
// mentions of nodes; label (the relation, as Gephi shows it), relation,
// support and asserted of edges.
var graphMLKeys = []GraphMLKey{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"kind", "node", "kind", "string"},
	{"mentions", "node", "mentions", "int"},
	{"elabel", "edge", "label", "string"},
	{"relation", "edge", "relation", "string"},
	{"support", "edge", "support", "int"},
	{"asserted", "edge", "asserted", "int"},
}

// GraphML writes the network as a GraphML document that networkx
// (read_graphml) and Gephi load: node IDs are IRIs, edges are directed
// from subject to object.
func GraphML(w io.Writer, n *Network) error {
	doc := GraphMLDoc{Keys: graphMLKeys, Graph: GraphMLGraph{ID: "kg", EdgeDefault: "directed"}}
	for _, nd := range n.Nodes {
		data := []GraphMLData{{"label", nd.Label}, {"type", nd.Type}}
		if nd.Kind != "" {
			data = append(data, GraphMLData{"kind", nd.Kind})
		}
		data = append(data, GraphMLData{"mentions", strconv.Itoa(nd.Mentions)})
		doc.Graph.Nodes = append(doc.Graph.Nodes, GraphMLNode{ID: nd.ID, Data: data})
	}
	for i, e := range n.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, GraphMLEdge{
			ID: "e" + strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Data: []GraphMLData{{"elabel", e.Relation}, {"relation", e.Relation},
				{"support", strconv.Itoa(e.Support)}, {"asserted", strconv.Itoa(e.Asserted)}},
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	return nil
}
