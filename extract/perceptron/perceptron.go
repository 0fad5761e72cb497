// Package perceptron implements the averaged perceptron over hashed
// features, shared by the tagger, the parser and the entity recognizer.
//
// Training uses a Model, whose rows are created on first update. Average
// turns it into an immutable Table (averaged, pruned weights quantized to 16
// bits, in an open-addressing hash table) that is fast to score with and
// compact to store: Write gzips its nonzero weights. A Table scores the same
// after Write and Read as before.
package perceptron

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
)

// Feature hashes a string under a template number with FNV-1a. Templates
// keep "w=the" apart from "p=the" without building the joined string.
func Feature(template uint64, s string) uint64 {
	h := uint64(14695981039346656037) ^ (template * 0x9E3779B97F4A7C15)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h | 1 // 0 marks an empty slot in a Table
}

// Combine hashes a feature together with another value (a second string's
// hash, a tag, a distance), for conjoined features.
func Combine(a, b uint64) uint64 {
	h := a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2))
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h | 1
}

// Scorer adds up class scores for a set of features.
type Scorer interface {
	Classes() int
	Scores(feats []uint64, out []float32)
}

// Model is a perceptron being trained.
type Model struct {
	classes int
	index   map[uint64]int32
	w       []float32 // current weights, row-major: row*classes + class
	total   []float64 // running sums for averaging; float64 keeps them exact over millions of ticks
	stamp   []int32   // tick of each weight's last change
	tick    int32
}

// New returns an empty model over n classes.
func New(n int) *Model {
	return &Model{classes: n, index: make(map[uint64]int32)}
}

// Classes reports the number of classes.
func (m *Model) Classes() int { return m.classes }

// Scores sets out[c] to the current score of class c.
func (m *Model) Scores(feats []uint64, out []float32) {
	clear(out)
	for _, f := range feats {
		r, ok := m.index[f]
		if !ok {
			continue
		}
		row := m.w[int(r)*m.classes : int(r+1)*m.classes]
		for c, v := range row {
			out[c] += v
		}
	}
}

// Tick marks the end of one training instance; averaging weighs each weight
// by the number of ticks it survived.
func (m *Model) Tick() { m.tick++ }

// Update moves weight from the guessed class to the true one. Nothing
// happens when they agree.
func (m *Model) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		r, ok := m.index[f]
		if !ok {
			r = int32(len(m.index))
			m.index[f] = r
			m.w = append(m.w, make([]float32, m.classes)...)
			m.total = append(m.total, make([]float64, m.classes)...)
			m.stamp = append(m.stamp, make([]int32, m.classes)...)
		}
		m.add(int(r)*m.classes+truth, 1)
		m.add(int(r)*m.classes+guess, -1)
	}
}

func (m *Model) add(i int, v float32) {
	m.total[i] += float64(m.tick-m.stamp[i]) * float64(m.w[i])
	m.stamp[i] = m.tick
	m.w[i] += v
}

// Average returns the averaged weights as a Table, dropping every feature
// whose largest absolute averaged weight is below prune. The table holds
// the weights quantized to 16 bits, as Write stores them, so a table scores
// the same before it is written and after it is read.
func (m *Model) Average(prune float32) *Table {
	keep := make(map[uint64][]float32)
	var top float32
	for f, r := range m.index {
		row := make([]float32, m.classes)
		var rowTop float32
		for c := range row {
			i := int(r)*m.classes + c
			tot := m.total[i] + float64(m.tick-m.stamp[i])*float64(m.w[i])
			row[c] = float32(tot / float64(max(m.tick, 1)))
			rowTop = max(rowTop, abs(row[c]))
		}
		if rowTop >= prune && rowTop > 0 {
			keep[f] = row
			top = max(top, rowTop)
		}
	}
	scale := top / 32767
	if scale == 0 {
		scale = 1
	}
	// Insert in key order so that equal models give byte-identical files.
	keys := slices.Sorted(maps.Keys(keep))
	t := newTable(m.classes, len(keys), scale)
	q := make([]int16, m.classes)
	for _, f := range keys {
		for c, v := range keep[f] {
			q[c] = int16(math.Round(float64(v / scale)))
		}
		t.insert(f, q)
	}
	return t
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// Table is a trained, immutable model. It is safe for concurrent use.
//
// Features sit in an open-addressing hash table (slots, at most half full)
// that points into weights, which holds only the nonzero weights of the kept
// features as 16-bit integers: weight = value × scale. Rows are sparse
// because a feature rarely matters for more than a few classes.
type Table struct {
	classes int
	n       int // features
	mask    uint64
	slots   []slot
	weights []weight
	scale   float32
}

// slot is one entry of a Table's hash table: a feature and where its
// weights are.
type slot struct {
	key   uint64 // 0 = empty
	start uint32 // weights[start:start+count]
	count uint32
}

// weight is one nonzero weight of a feature.
type weight struct {
	class uint16
	value int16
}

func newTable(classes, n int, scale float32) *Table {
	size := 2
	for size < n*2 {
		size <<= 1
	}
	return &Table{classes: classes, mask: uint64(size - 1), slots: make([]slot, size), scale: scale}
}

// insert adds feature f, which must not be in t yet, with weights row.
func (t *Table) insert(f uint64, row []int16) {
	i := f & t.mask
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	start := len(t.weights)
	for c, v := range row {
		if v != 0 {
			t.weights = append(t.weights, weight{uint16(c), v})
		}
	}
	t.slots[i] = slot{key: f, start: uint32(start), count: uint32(len(t.weights) - start)}
	t.n++
}

// Classes reports the number of classes.
func (t *Table) Classes() int { return t.classes }

// Len reports the number of features kept.
func (t *Table) Len() int { return t.n }

// Scores sets out[c] to the score of class c.
func (t *Table) Scores(feats []uint64, out []float32) {
	out = out[:t.classes]
	clear(out)
	// Look up a batch of features before adding any weights, so that the
	// memory loads of the lookups overlap instead of waiting on each other.
	var found [32]slot
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(found))]
		feats = feats[len(batch):]
		n := 0
		for _, f := range batch {
			for i := f & t.mask; ; i = (i + 1) & t.mask {
				s := t.slots[i]
				if s.key == f {
					found[n] = s
					n++
					break
				}
				if s.key == 0 {
					break
				}
			}
		}
		for _, s := range found[:n] {
			for _, w := range t.weights[s.start : s.start+s.count] {
				out[w.class] += float32(w.value)
			}
		}
	}
	for c := range out {
		out[c] *= t.scale
	}
}

// Argmax returns the index of the largest score, the first on ties.
func Argmax(scores []float32) int {
	best := 0
	for c, v := range scores {
		if v > scores[best] {
			best = c
		}
	}
	return best
}

const magic = "kgperc2\n"

// Write stores the table gzipped.
func (t *Table) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if err := t.Encode(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read loads a table stored by Write.
func Read(r io.Reader) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: %w", err)
	}
	return Decode(bufio.NewReader(zr))
}

// Encode writes the table uncompressed, for callers that store several
// tables in one compressed file.
//
// The format keeps like with like so that it compresses well: a header,
// the keys in increasing order as differences, then for each row its
// number of nonzero weights, then their classes, then their values.
func (t *Table) Encode(w io.Writer) error {
	var slots []slot
	for _, s := range t.slots {
		if s.key != 0 {
			slots = append(slots, s)
		}
	}
	slices.SortFunc(slots, func(a, b slot) int { return cmp.Compare(a.key, b.key) })
	deltas := make([]uint64, len(slots))
	counts := make([]uint16, len(slots))
	var classes []uint16
	var values []int16
	var prev uint64
	for j, s := range slots {
		deltas[j], prev = s.key-prev, s.key
		counts[j] = uint16(s.count)
		for _, w := range t.weights[s.start : s.start+s.count] {
			classes = append(classes, w.class)
			values = append(values, w.value)
		}
	}
	if _, err := io.WriteString(w, magic); err != nil {
		return err
	}
	hdr := [4]uint32{uint32(t.classes), uint32(len(slots)), math.Float32bits(t.scale), uint32(len(values))}
	for _, v := range []any{hdr, deltas, counts, classes, values} {
		if err := binary.Write(w, binary.LittleEndian, v); err != nil {
			return err
		}
	}
	return nil
}

// Decode reads a table written by Encode. It reads no further than the
// table's last byte, so more data may follow in r.
func Decode(r io.Reader) (*Table, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	var hdr [4]uint32
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("perceptron: header: %w", err)
	}
	classes, n, scale, nz := int(hdr[0]), int(hdr[1]), math.Float32frombits(hdr[2]), int(hdr[3])
	if classes <= 0 || classes >= 1<<16 || n > 1<<28 || nz > n*classes {
		return nil, fmt.Errorf("perceptron: implausible header: %d classes, %d features, %d weights", classes, n, nz)
	}
	deltas := make([]uint64, n)
	counts := make([]uint16, n)
	cls := make([]uint16, nz)
	values := make([]int16, nz)
	for _, v := range []any{deltas, counts, cls, values} {
		if err := binary.Read(r, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("perceptron: weights: %w", err)
		}
	}
	t := newTable(classes, n, scale)
	row := make([]int16, classes)
	var key uint64
	at := 0
	for j, d := range deltas {
		key += d
		clear(row)
		end := at + int(counts[j])
		if key&1 == 0 || (j > 0 && d == 0) || end > nz {
			return nil, errors.New("perceptron: corrupt weights")
		}
		for ; at < end; at++ {
			if int(cls[at]) >= classes {
				return nil, errors.New("perceptron: corrupt weights")
			}
			row[cls[at]] = values[at]
		}
		t.insert(key, row)
	}
	return t, nil
}
