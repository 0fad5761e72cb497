package carb

import (
	"math"
	"strings"
	"testing"
)

const example = "32.7 % of all households were made up of individuals and 15.7 % had someone living alone who was 65 years of age or older ."

func TestWorkedExample(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(example + "\twere made up of\t32.7 % of all households\tindividuals\n" +
		example + "\thad\t15.7 % of all households\tsomeone living alone who was 65 years of age or older\t\n"))
	if err != nil {
		t.Fatal(err)
	}
	pred, err := ReadPredictions(strings.NewReader(example + "\t0.9\twere made up of\t32.7 % of all households\tindividuals and 15.7 %\n\n" +
		example + "\t0.4\thad\t15.7 %\tsomeone living alone\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(gold, pred)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"AUC", r.AUC, 0.588}, {"P", r.P, 0.885}, {"R", r.R, 0.676}, {"F1", r.F1, 0.767}, {"threshold", r.Threshold, 0.4}} {
		if math.Abs(c.got-c.want) > 0.0005 {
			t.Errorf("%s = %.4f, want %.3f", c.name, c.got, c.want)
		}
	}
	if len(r.Curve) != 2 {
		t.Errorf("curve has %d points, want 2", len(r.Curve))
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name string
		g, p Tuple
		want Pair
	}{
		{"exact", Tuple{Rel: "met in", Args: []string{"envoys", "Paris"}}, Tuple{Rel: "met in", Args: []string{"envoys", "Paris"}}, Pair{1, 1}},
		{"no shared relation token", Tuple{Rel: "met", Args: []string{"a", "b"}}, Tuple{Rel: "saw", Args: []string{"a", "b"}}, Pair{0, 0}},
		{"case sensitive", Tuple{Rel: "Met", Args: []string{"a", "b"}}, Tuple{Rel: "met", Args: []string{"a", "b"}}, Pair{0, 0}},
		{"be rule", Tuple{Rel: "is", Args: []string{"X", "Y"}}, Tuple{Rel: "be", Args: []string{"X", "Y"}}, Pair{1, 1}},
		{"be rule counts once", Tuple{Rel: "is in", Args: []string{"X", "Y"}}, Tuple{Rel: "be in", Args: []string{"X", "Y"}}, Pair{1, 1}},
		{"binarized gold needs two args", Tuple{Rel: "r", Args: []string{"a", "b"}}, Tuple{Rel: "r", Args: []string{"a"}}, Pair{0, 0}},
		{"one-arg gold ignores second", Tuple{Rel: "r", Args: []string{"a"}}, Tuple{Rel: "r", Args: []string{"a", "b c"}}, Pair{1, 1}},
		{"extra args joined", Tuple{Rel: "r", Args: []string{"a", "b", "T: c"}}, Tuple{Rel: "r", Args: []string{"a", "b c"}}, Pair{4.0 / 4, 4.0 / 5}},
		{"arguments need not overlap", Tuple{Rel: "r", Args: []string{"a", "b"}}, Tuple{Rel: "r", Args: []string{"x", "y"}}, Pair{1.0 / 3, 1.0 / 3}},
		{"bag intersection", Tuple{Rel: "r", Args: []string{"the the", "b"}}, Tuple{Rel: "r", Args: []string{"the x", "b"}}, Pair{3.0 / 4, 3.0 / 4}},
		{"said swap", Tuple{Rel: "said", Args: []string{"he", "it rained"}}, Tuple{Rel: "said", Args: []string{"it rained", "he"}}, Pair{1, 1}},
		{"no swap otherwise", Tuple{Rel: "saw", Args: []string{"he", "it"}}, Tuple{Rel: "saw", Args: []string{"it", "he"}}, Pair{1.0 / 3, 1.0 / 3}},
		{"empty middle argument", Tuple{Rel: "r", Args: []string{"a", "b"}}, Tuple{Rel: "r", Args: []string{"", "b"}}, Pair{2.0 / 2, 2.0 / 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(tt.g, tt.p)
			if math.Abs(got.Prec-tt.want.Prec) > 1e-9 || math.Abs(got.Rec-tt.want.Rec) > 1e-9 {
				t.Errorf("Score = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pittsburgh 's older .", "Pittsburghsolder"},
		{"a -LRB- b -RRB- c", "abc"},
		{"`` x '' y", "xy"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReaders(t *testing.T) {
	t.Run("gold drops context args", func(t *testing.T) {
		s, err := ReadGold(strings.NewReader("S .\thas paid \tHealthVest\ttwo banks\tT: in October\tC: A spokesman said\t\n"))
		if err != nil {
			t.Fatal(err)
		}
		got := s.Groups[0].Tuples[0]
		if got.Rel != "has paid" || strings.Join(got.Args, "|") != "HealthVest|two banks|T: in October" {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("bad confidence", func(t *testing.T) {
		_, err := ReadPredictions(strings.NewReader("S .\t0.5\tr\ta\nS .\thigh\tr\ta\n"))
		if err == nil || !strings.Contains(err.Error(), "2:") {
			t.Errorf("err = %v, want a line-2 error", err)
		}
	})
}

func TestGreedyPrecisionAndManyToOneRecall(t *testing.T) {
	// One prediction matching two gold tuples counts for both in recall,
	// for one in precision.
	gold, _ := ReadGold(strings.NewReader("S .\tr\ta\tb\nS .\tr\ta\tb c\n"))
	pred, _ := ReadPredictions(strings.NewReader("S .\t0.5\tr\ta\tb\nunknown .\t0.7\tr\ta\tb\n"))
	r := Evaluate(gold, pred)
	if len(r.Curve) != 2 {
		t.Fatalf("curve %+v: unknown sentences' confidences must count as thresholds", r.Curve)
	}
	if p := r.Curve[0]; math.Abs(p.P-1) > 1e-9 || math.Abs(p.R-(1+0.75)/2) > 1e-9 {
		t.Errorf("point at 0.5 = %+v, want P 1, R 0.875", p)
	}
	if p := r.Curve[1]; p.P != 1 || p.R != 0 {
		t.Errorf("point at 0.7 = %+v, want P 1 (no predictions), R 0", p)
	}
}
