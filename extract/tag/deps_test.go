package tag

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps keeps the tagger small to link: it must not pull in the other
// stages' models or the graph store.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"kg/extract/parse", "kg/extract/ner", "kg/graph", "github.com/cayleygraph/"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("package tag depends on %s", dep)
			}
		}
	}
}
