package main

import (
	"bytes"
	"testing"
	"time"

	"kg"
)

func TestProgressBar(t *testing.T) {
	tests := []struct {
		name string
		p    kg.Progress
		want string
	}{
		{
			name: "with total",
			p:    kg.Progress{BuildStats: kg.BuildStats{Documents: 8, Present: 2, Elapsed: 4 * time.Second}, Bytes: 25, TotalBytes: 100},
			want: "\r\033[K 25% 10 documents, 2.0 articles/s, ETA 12s",
		},
		{
			name: "standard input",
			p:    kg.Progress{BuildStats: kg.BuildStats{Documents: 3, Elapsed: 2 * time.Second}},
			want: "\r\033[K3 documents, 1.5 articles/s",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			b := &progressBar{w: &buf}
			b.update(tt.p)
			b.update(tt.p) // within 200ms: not drawn again
			if buf.String() != tt.want {
				t.Errorf("got %q, want %q", buf.String(), tt.want)
			}
			b.clear()
			if got := buf.String()[len(tt.want):]; got != "\r\033[K" {
				t.Errorf("clear wrote %q", got)
			}
		})
	}
}
