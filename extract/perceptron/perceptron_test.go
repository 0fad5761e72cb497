package perceptron

import (
	"bytes"
	"math"
	"slices"
	"testing"
)

// example is one training instance of a toy problem.
type example struct {
	feats []uint64
	class int
}

// separable is a problem a perceptron solves exactly: the class is given by
// one of the features, with a bias and noise features shared by all.
func separable() []example {
	bias := Feature(1, "bias")
	var out []example
	for i := range 30 {
		c := i % 3
		out = append(out, example{
			feats: []uint64{bias, Feature(2, string(rune('a'+c))), Feature(3, string(rune('0'+i%7)))},
			class: c,
		})
	}
	return out
}

func train(data []example, epochs int) *Model {
	m := New(3)
	scores := make([]float32, 3)
	for range epochs {
		for _, ex := range data {
			m.Scores(ex.feats, scores)
			m.Update(ex.feats, ex.class, Argmax(scores))
			m.Tick()
		}
	}
	return m
}

func TestLearnsSeparable(t *testing.T) {
	data := separable()
	m := train(data, 5)
	for name, s := range map[string]Scorer{"model": m, "averaged": m.Average(0)} {
		t.Run(name, func(t *testing.T) {
			scores := make([]float32, s.Classes())
			for i, ex := range data {
				s.Scores(ex.feats, scores)
				if got := Argmax(scores); got != ex.class {
					t.Errorf("example %d: class %d, want %d (scores %v)", i, got, ex.class, scores)
				}
			}
		})
	}
}

func TestAverage(t *testing.T) {
	// One update, then four ticks: the weights 1 and -1 lived through all
	// four ticks of training, so they average to themselves. A second update
	// the other way, then four more ticks: the weights were ±1 for the first
	// four ticks and 0 after, averaging ±0.5.
	f := []uint64{Feature(1, "x")}
	m := New(2)
	m.Update(f, 0, 1)
	for range 4 {
		m.Tick()
	}
	tests := []struct {
		name         string
		step         func()
		want0, want1 float32
	}{
		{"after first update", func() {}, 1, -1},
		{"after second update", func() {
			m.Update(f, 1, 0)
			for range 4 {
				m.Tick()
			}
		}, 0.5, -0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.step()
			tab := m.Average(0)
			if tab.Len() != 1 {
				t.Fatalf("Len = %d, want 1", tab.Len())
			}
			out := make([]float32, 2)
			tab.Scores(f, out)
			const step = 1.0 / 32767 // quantization
			if math.Abs(float64(out[0]-tt.want0)) > step || math.Abs(float64(out[1]-tt.want1)) > step {
				t.Errorf("averaged weights %v, want [%v %v]", out, tt.want0, tt.want1)
			}
		})
	}
}

func TestAveragePrunes(t *testing.T) {
	strong, weak := Feature(1, "strong"), Feature(1, "weak")
	m := New(2)
	for range 10 {
		m.Update([]uint64{strong}, 0, 1)
		m.Tick()
	}
	m.Update([]uint64{weak}, 0, 1) // lives one tick of eleven
	m.Tick()
	tests := []struct {
		prune float32
		want  int
	}{{0, 2}, {0.5, 1}, {100, 0}}
	for _, tt := range tests {
		if got := m.Average(tt.prune).Len(); got != tt.want {
			t.Errorf("Average(%v).Len() = %d, want %d", tt.prune, got, tt.want)
		}
	}
}

func TestWriteRead(t *testing.T) {
	data := separable()
	tab := train(data, 5).Average(0)
	var buf bytes.Buffer
	if err := tab.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Classes() != tab.Classes() || got.Len() != tab.Len() {
		t.Fatalf("read %d classes, %d features; wrote %d, %d", got.Classes(), got.Len(), tab.Classes(), tab.Len())
	}
	want, have := make([]float32, 3), make([]float32, 3)
	for i, ex := range data {
		for _, f := range ex.feats {
			tab.Scores([]uint64{f}, want)
			got.Scores([]uint64{f}, have)
			if !slices.Equal(want, have) {
				t.Errorf("example %d feature %x: read %v, wrote %v", i, f, have, want)
			}
		}
	}
}

func TestReadRejects(t *testing.T) {
	var good bytes.Buffer
	if err := train(separable(), 2).Average(0).Write(&good); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello, world")},
		{"truncated", good.Bytes()[:good.Len()/2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tt.data)); err == nil {
				t.Error("Read succeeded")
			}
		})
	}
}

func TestDecodeLeavesRest(t *testing.T) {
	var buf bytes.Buffer
	tab := train(separable(), 2).Average(0)
	for range 2 {
		if err := tab.Encode(&buf); err != nil {
			t.Fatal(err)
		}
	}
	buf.WriteString("rest")
	for i := range 2 {
		if _, err := Decode(&buf); err != nil {
			t.Fatalf("table %d: %v", i, err)
		}
	}
	if buf.String() != "rest" {
		t.Errorf("after two tables, %q is left, want \"rest\"", buf.String())
	}
}

func TestFeatureNeverZero(t *testing.T) {
	for _, s := range []string{"", "a", "the"} {
		for tpl := range uint64(4) {
			if Feature(tpl, s) == 0 || Combine(tpl, Feature(tpl, s)) == 0 {
				t.Errorf("Feature(%d, %q) or its combination is 0, the empty-slot marker", tpl, s)
			}
		}
	}
	if Feature(1, "a") == Feature(2, "a") {
		t.Error("templates 1 and 2 give the same hash for \"a\"")
	}
}
