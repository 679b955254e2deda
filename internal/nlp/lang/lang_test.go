package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"parallax/internal/shared"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Empty", "", ""},
		{"TooShort", "Hello", ""},
		{"Digits", "2016 10 03 12345 67890 12345", ""},
		{"English", "The United States suspended its participation in bilateral talks with Russia on Syria, the State Department said on Monday.", "en"},
		{"German", "Die Vereinigten Staaten haben die Gespräche mit Russland über Syrien ausgesetzt, teilte das Außenministerium am Montag mit.", "de"},
		{"French", "Les États-Unis ont suspendu leurs discussions avec la Russie sur la Syrie, a annoncé lundi le département d'État.", "fr"},
		{"Spanish", "Estados Unidos suspendió sus conversaciones con Rusia sobre Siria, informó el lunes el Departamento de Estado.", "es"},
		{"Russian", "Соединённые Штаты приостановили переговоры с Россией по Сирии, сообщил в понедельник Государственный департамент.", "ru"},
		{"Arabic", "علقت الولايات المتحدة محادثاتها مع روسيا بشأن سوريا، حسبما أعلنت وزارة الخارجية يوم الاثنين.", "ar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.in); got != tt.want {
				t.Errorf("Detect(%.40q...) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSeeds expects every seed article (all English) to be detected as such.
func TestSeeds(t *testing.T) {
	dir := shared.TestData(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(string(data)); got != "en" {
			t.Errorf("%s: Detect = %q, want en", filepath.Base(f), got)
		}
	}
}

func TestSampleCutsAtRune(t *testing.T) {
	s := sample(strings.Repeat("é", sampleBytes))
	if !utf8.ValidString(s) || len(s) > sampleBytes {
		t.Errorf("sample: %d bytes, valid %v", len(s), utf8.ValidString(s))
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "hello world this is english text", "\xff\xfe", "日本語のテキストです"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Detect(s); len(got) != 0 && len(got) != 2 {
			t.Fatalf("Detect = %q: not a 639-1 code", got)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Secretary of State John Kerry told Russian Foreign Minister Sergey Lavrov on "+
		"Wednesday that the United States would suspend bilateral engagement on Syria.\n", 30)
	for b.Loop() {
		Detect(text)
	}
}
