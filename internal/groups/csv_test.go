package groups

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestParseFile(t *testing.T) {
	f, err := os.Open("testdata/labels.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.OutletLabel{
		{Outlet: "wfaa.com", Dimension: "country", Value: "US"},
		{Outlet: "bbc.co.uk", Dimension: "country", Value: "UK"},
		{Outlet: "Le Monde, Paris", Dimension: "country", Value: "FR"},
		{Outlet: "bbc.co.uk", Dimension: "ownership", Value: "public"},
		{Outlet: "wfaa.com", Dimension: "ownership", Value: "private"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse = %v\nwant %v", got, want)
	}
	if d := Dimensions(got); !reflect.DeepEqual(d, []string{"country", "ownership"}) {
		t.Errorf("Dimensions = %v", d)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		err      error
		line     string
	}{
		{"NoHeader", "a.com,country,US\n", ErrHeader, "line 1:"},
		{"WrongHeader", "outlet,dim,value\n", ErrHeader, "line 1:"},
		{"Empty", "", ErrNoRows, ""},
		{"HeaderOnly", "outlet,dimension,value\n", ErrNoRows, ""},
		{"TwoColumns", "outlet,dimension,value\na.com,country,US\nb.com,country\n", ErrColumns, "line 3:"},
		{"EmptyValue", "outlet,dimension,value\na.com,country, \n", ErrEmpty, "line 2:"},
		{"Conflict", "outlet,dimension,value\na.com,country,US\nb.com,country,UK\na.com,country,UK\n", ErrConflict, "line 4:"},
		{"ConflictThroughPort", "outlet,dimension,value\na.com,country,US\na.com:80,country,UK\n", ErrConflict, "line 3:"},
		{"Control", "outlet,dimension,value\na.com,country,U\x01S\n", ErrNotUTF8, "line 2:"},
		{"NotUTF8", "outlet,dimension,value\na.com,country,\xff\n", ErrNotUTF8, "line 2:"},
		{"TooLong", "outlet,dimension,value\n" + strings.Repeat("x", 201) + ",country,US\n", ErrTooLong, "line 2:"},
		{"BadQuote", "outlet,dimension,value\na.com,\"country,US\n", errMalformed, "line 2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if !errors.Is(err, tt.err) {
				t.Fatalf("Parse error %v, want %v", err, tt.err)
			}
			if !strings.HasPrefix(err.Error(), tt.line) {
				t.Errorf("error %q does not start with %q", err, tt.line)
			}
		})
	}
}

func TestParseBOMAndCRLF(t *testing.T) {
	got, err := Parse(strings.NewReader("\ufeffOutlet,Dimension,Value\r\na.com,leaning,left\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != (model.OutletLabel{Outlet: "a.com", Dimension: "leaning", Value: "left"}) {
		t.Errorf("Parse = %v", got)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	in := []model.OutletLabel{{Outlet: "Le Monde, Paris", Dimension: "country", Value: "FR"},
		{Outlet: "a.com", Dimension: "leaning", Value: `say "left"`}}
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	got, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("round trip = %v, want %v", got, in)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("outlet,dimension,value\na.com,country,US\n"))
	f.Add([]byte("outlet,dimension,value\n\"a,b\",x,y\na.com:80,x,z\n"))
	f.Add([]byte("a,b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		labels, err := Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, labels); err != nil {
			t.Fatalf("Write: %v", err)
		}
		again, err := Parse(&buf)
		if err != nil {
			t.Fatalf("re-Parse of Write output: %v", err)
		}
		if !reflect.DeepEqual(again, labels) {
			t.Fatalf("round trip changed labels: %v -> %v", labels, again)
		}
	})
}
