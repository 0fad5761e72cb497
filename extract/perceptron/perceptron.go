// Package perceptron implements the averaged perceptron over hashed
// features, shared by the tagger, the parser and the entity recognizer.
//
// Training uses a Model, whose rows are created on first update. Average
// turns it into an immutable Table (averaged, pruned weights in an
// open-addressing hash table) that is fast to score with and compact to
// store: Write quantizes weights to 16 bits and gzips them.
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
// whose largest absolute averaged weight is below prune.
func (m *Model) Average(prune float32) *Table {
	keep := make(map[uint64][]float32)
	for f, r := range m.index {
		row := make([]float32, m.classes)
		var top float32
		for c := range row {
			i := int(r)*m.classes + c
			tot := m.total[i] + float64(m.tick-m.stamp[i])*float64(m.w[i])
			row[c] = float32(tot / float64(max(m.tick, 1)))
			top = max(top, abs(row[c]))
		}
		if top >= prune && top > 0 {
			keep[f] = row
		}
	}
	// Insert in key order so that equal models give byte-identical files.
	keys := slices.Sorted(maps.Keys(keep))
	t := newTable(m.classes, len(keys))
	for _, f := range keys {
		t.insert(f, keep[f])
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
type Table struct {
	classes int
	mask    uint64
	keys    []uint64  // 0 = empty
	rows    []float32 // len(keys)*classes
	n       int
}

func newTable(classes, n int) *Table {
	size := 1
	for size < n*2 {
		size <<= 1
	}
	if size < 2 {
		size = 2
	}
	return &Table{classes: classes, mask: uint64(size - 1), keys: make([]uint64, size),
		rows: make([]float32, size*classes)}
}

func (t *Table) insert(f uint64, row []float32) {
	i := f & t.mask
	for t.keys[i] != 0 && t.keys[i] != f {
		i = (i + 1) & t.mask
	}
	if t.keys[i] == 0 {
		t.n++
	}
	t.keys[i] = f
	copy(t.rows[int(i)*t.classes:], row)
}

// Classes reports the number of classes.
func (t *Table) Classes() int { return t.classes }

// Len reports the number of features kept.
func (t *Table) Len() int { return t.n }

// Scores sets out[c] to the score of class c.
func (t *Table) Scores(feats []uint64, out []float32) {
	clear(out)
	for _, f := range feats {
		i := f & t.mask
		for {
			k := t.keys[i]
			if k == f {
				row := t.rows[int(i)*t.classes : int(i+1)*t.classes]
				for c, v := range row {
					out[c] += v
				}
				break
			}
			if k == 0 {
				break
			}
			i = (i + 1) & t.mask
		}
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

// Write stores the table gzipped, with weights quantized to 16 bits.
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

// Encode writes the table uncompressed, with weights quantized to 16 bits,
// for callers that store several tables in one compressed file.
//
// The format keeps like with like so that it compresses well: a header,
// the keys in increasing order as differences, then for each row its
// number of nonzero weights, then their classes, then their values.
func (t *Table) Encode(w io.Writer) error {
	var scale float32
	for _, v := range t.rows {
		scale = max(scale, abs(v))
	}
	scale /= 32767
	if scale == 0 {
		scale = 1
	}
	slots := make([]int, 0, t.n)
	for i, k := range t.keys {
		if k != 0 {
			slots = append(slots, i)
		}
	}
	slices.SortFunc(slots, func(a, b int) int { return cmp.Compare(t.keys[a], t.keys[b]) })
	deltas := make([]uint64, len(slots))
	counts := make([]uint16, len(slots))
	var classes []uint16
	var values []int16
	var prev uint64
	for j, i := range slots {
		deltas[j], prev = t.keys[i]-prev, t.keys[i]
		for c, v := range t.rows[i*t.classes : (i+1)*t.classes] {
			if q := int16(math.Round(float64(v / scale))); q != 0 {
				counts[j]++
				classes = append(classes, uint16(c))
				values = append(values, q)
			}
		}
	}
	if _, err := io.WriteString(w, magic); err != nil {
		return err
	}
	hdr := [4]uint32{uint32(t.classes), uint32(len(slots)), math.Float32bits(scale), uint32(len(values))}
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
	if classes <= 0 || classes > 1<<16 || n > 1<<28 || nz > n*classes {
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
	t := newTable(classes, n)
	row := make([]float32, classes)
	var key uint64
	at := 0
	for j, d := range deltas {
		key += d
		clear(row)
		end := at + int(counts[j])
		if key&1 == 0 || end > nz {
			return nil, errors.New("perceptron: corrupt weights")
		}
		for ; at < end; at++ {
			if int(cls[at]) >= classes {
				return nil, errors.New("perceptron: corrupt weights")
			}
			row[cls[at]] = float32(values[at]) * scale
		}
		t.insert(key, row)
	}
	return t, nil
}
