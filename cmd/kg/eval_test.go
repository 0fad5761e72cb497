package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestEvalCarb(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"scores a prediction file", []string{"eval", "carb", "--gold", "../../testdata/openie/carb-gold.tsv",
			"--pred", "../../testdata/openie/carb-pred.tsv"}, exitOK, "AUC 0.588  P 0.885  R 0.676  F1 0.767"},
		{"json", []string{"eval", "carb", "--json", "--gold", "../../testdata/openie/carb-gold.tsv",
			"--pred", "../../testdata/openie/carb-pred.tsv"}, exitOK, `"auc":0.588`},
		{"needs gold", []string{"eval", "carb", "--pred", "x.tsv"}, exitUsage, "--gold is required"},
		{"needs a benchmark", []string{"eval"}, exitUsage, "want a benchmark name"},
		{"missing file", []string{"eval", "carb", "--gold", "nonexistent.tsv", "--pred", "x.tsv"}, exitError, "nonexistent.tsv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(context.Background(), &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, tt.args)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errb.String())
			}
			if got := out.String() + errb.String(); !strings.Contains(got, tt.out) {
				t.Errorf("output %q lacks %q", got, tt.out)
			}
		})
	}
}
