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
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
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
	total   []float32 // running sums for averaging
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
			m.total = append(m.total, make([]float32, m.classes)...)
			m.stamp = append(m.stamp, make([]int32, m.classes)...)
		}
		m.add(int(r)*m.classes+truth, 1)
		m.add(int(r)*m.classes+guess, -1)
	}
}

func (m *Model) add(i int, v float32) {
	m.total[i] += float32(m.tick-m.stamp[i]) * m.w[i]
	m.stamp[i] = m.tick
	m.w[i] += v
}

// Average returns the averaged weights as a Table, dropping every feature
// whose largest absolute averaged weight is below prune.
func (m *Model) Average(prune float32) *Table {
	keep := make(map[uint64][]float32)
	for f, r := range m.index {
		row := make([]float32, m.classes)
		var max float32
		for c := range row {
			i := int(r)*m.classes + c
			tot := m.total[i] + float32(m.tick-m.stamp[i])*m.w[i]
			row[c] = tot / float32(max32(m.tick, 1))
			if a := abs(row[c]); a > max {
				max = a
			}
		}
		if max >= prune && max > 0 {
			keep[f] = row
		}
	}
	t := newTable(m.classes, len(keep))
	for f, row := range keep {
		t.insert(f, row)
	}
	return t
}

func max32(a, b int32) int32 {
	if a > b {
		return a
	}
	return b
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

const magic = "kgperc1\n"

// Write stores the table gzipped, with weights quantized to 16 bits.
func (t *Table) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var scale float32
	for _, v := range t.rows {
		scale = float32(math.Max(float64(scale), float64(abs(v))))
	}
	scale /= 32767
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, [3]uint32{uint32(t.classes), uint32(t.n), math.Float32bits(scale)})
	// Keys first, then each row: similar values sit together and compress well.
	for _, k := range t.keys {
		if k != 0 {
			binary.Write(bw, binary.LittleEndian, k)
		}
	}
	q := make([]int16, t.classes)
	for i, k := range t.keys {
		if k == 0 {
			continue
		}
		for c, v := range t.rows[i*t.classes : (i+1)*t.classes] {
			q[c] = int16(math.Round(float64(v / scale)))
		}
		binary.Write(bw, binary.LittleEndian, q)
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
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	var hdr [3]uint32
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("perceptron: header: %w", err)
	}
	classes, n, scale := int(hdr[0]), int(hdr[1]), math.Float32frombits(hdr[2])
	keys := make([]uint64, n)
	if err := binary.Read(br, binary.LittleEndian, keys); err != nil {
		return nil, fmt.Errorf("perceptron: keys: %w", err)
	}
	t := newTable(classes, n)
	q := make([]int16, classes)
	row := make([]float32, classes)
	for _, k := range keys {
		if err := binary.Read(br, binary.LittleEndian, q); err != nil {
			return nil, fmt.Errorf("perceptron: weights: %w", err)
		}
		for c, v := range q {
			row[c] = float32(v) * scale
		}
		t.insert(k, row)
	}
	return t, nil
}
