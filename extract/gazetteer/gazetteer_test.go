package gazetteer

import (
	"testing"

	"kg/extract"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		in, want string
		typ      extract.EntityType
	}{
		{"United States", "United States", extract.Place},
		{"the U.S.", "United States", extract.Place},
		{"US", "United States", extract.Place},
		{"U.S.", "United States", extract.Place},
		{"United States of America", "United States", extract.Place},
		{"U.K.", "United Kingdom", extract.Place},
		{"Britain", "United Kingdom", extract.Place},
		{"Russia's", "Russia", extract.Place},
		{"Russian Federation", "Russia", extract.Place},
		{"Kyiv", "Kyiv", extract.Place},
		{"Kiev", "Kyiv", extract.Place},
		{"Peking", "Beijing", extract.Place},
		{"Côte d’Ivoire", "Ivory Coast", extract.Place},
		{"Crimean Peninsula", "Crimea", extract.Place},
		{"the Baltic Sea", "Baltic Sea", extract.Place},
		{"Eastern Europe", "Eastern Europe", extract.Place},
		{"Middle East", "Middle East", extract.Place},
		{"U.N.", "United Nations", extract.Organization},
		{"the United Nations", "United Nations", extract.Organization},
		{"U.N. Security Council", "UN Security Council", extract.Organization},
		{"UN Security Council", "UN Security Council", extract.Organization},
		{"NATO", "NATO", extract.Organization},
		{"Nato", "NATO", extract.Organization},
		{"the Kremlin", "Kremlin", extract.Organization},
		{"White House", "White House", extract.Organization},
		{"State Department", "State Department", extract.Organization},
		{"TASS News Agency", "TASS", extract.Organization},
		{"Interfax news agency", "Interfax", extract.Organization},
		{"The Associated Press", "Associated Press", extract.Organization},
		{"Center for Strategic and International Studies", "Center for Strategic and International Studies", extract.Organization},
		{"United Russia", "United Russia", extract.Organization},
		{"Nord Stream 2", "Nord Stream 2", extract.Organization},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, ok := Lookup(tt.in)
			if !ok {
				t.Fatalf("Lookup(%q) found nothing", tt.in)
			}
			if e.Name != tt.want || e.Type != tt.typ {
				t.Errorf("Lookup(%q) = %s %v, want %s %v", tt.in, e.Name, e.Type, tt.want, tt.typ)
			}
		})
	}
}

func TestLookupMisses(t *testing.T) {
	for _, in := range []string{"us", "who", "Peskov", "the", "", "ap"} {
		t.Run(in, func(t *testing.T) {
			if e, ok := Lookup(in); ok {
				t.Errorf("Lookup(%q) = %s, want nothing", in, e.Name)
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Russian", "Russia"}, {"Russians", "Russia"}, {"Ukrainian", "Ukraine"},
		{"American", "United States"}, {"British", "United Kingdom"}, {"Chinese", "China"},
		{"French", "France"}, {"German", "Germany"}, {"Dutch", "Netherlands"},
		{"Crimean", "Crimea"}, {"Swiss", "Switzerland"}, {"Soviet", "Soviet Union"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, ok := Demonym(tt.in)
			if !ok || e.Name != tt.want {
				t.Errorf("Demonym(%q) = %v, %v; want %s", tt.in, e, ok, tt.want)
			}
		})
	}
}

func TestSkeleton(t *testing.T) {
	same := [][]string{
		{"Sergey", "Sergei"},
		{"Alexey", "Aleksei", "Alexei"},
		{"Zelensky", "Zelenskyy", "Zelenskiy"},
		{"Zaytsev", "Zaitsev"},
		{"Dmitry", "Dmitri"},
		{"Yevgeny", "Evgeny", "Evgeni"},
		{"Khodorkovsky", "Hodorkovskiy"},
	}
	for _, group := range same {
		t.Run(group[0], func(t *testing.T) {
			for _, w := range group[1:] {
				if Skeleton(w) != Skeleton(group[0]) {
					t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q", w, Skeleton(w), group[0], Skeleton(group[0]))
				}
			}
		})
	}
	close := []struct {
		a, b string
		want bool
	}{
		{"Dmitry", "Dimitry", true},
		{"Volodymyr", "Volodmyr", true},
		{"Dmitry", "Dmytro", true}, // Russian and Ukrainian forms of one name,
		{"John", "Joan", false},
		{"Dmitry", "Medvedev", false},
	}
	for _, tt := range close {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := Close(Skeleton(tt.a), Skeleton(tt.b)); got != tt.want {
				t.Errorf("Close(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestData(t *testing.T) {
	if _, err := parse(); err != nil {
		t.Fatal(err)
	}
	if n := len(Entries()); n < 400 {
		t.Errorf("only %d entries", n)
	}
}
