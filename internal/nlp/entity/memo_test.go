package entity

import (
	"fmt"
	"reflect"
	"testing"
)

func TestFindMemo(t *testing.T) {
	texts := []string{
		"Tony Hayward, the chief executive of BP, flew to Houston on Monday.",
		"Barack Obama met Angela Merkel in Berlin.",
		"",
	}
	for _, text := range texts {
		want := find(text)
		first, second := Find(text), Find(text)
		if !reflect.DeepEqual(first, want) || !reflect.DeepEqual(second, want) {
			t.Fatalf("Find(%q) = %v then %v, want %v", text, first, second, want)
		}
		if len(second) > 0 {
			second[0].Text = "changed"
			if again := Find(text); !reflect.DeepEqual(again, want) {
				t.Fatalf("a caller's change reached the memo: %v", again)
			}
		}
	}
}

func TestMemoGenerations(t *testing.T) {
	m := &memo{cur: map[memoKey][]Mention{}}
	k := func(i int) memoKey { return memoKey{n: i, h: uint64(i)} }
	const n = 3 * memoSize
	for i := range n {
		m.put(k(i), []Mention{{Text: fmt.Sprint(i)}})
		if i > 0 && i%(memoSize/2) == 0 { // a hit keeps entry 0 alive
			if _, ok := m.get(k(0)); !ok {
				t.Fatalf("entry 0 lost at %d although read every %d puts", i, memoSize/2)
			}
		}
	}
	if got := len(m.cur) + len(m.prev); got > 2*memoSize {
		t.Fatalf("memo holds %d entries, want at most %d", got, 2*memoSize)
	}
	if _, ok := m.get(k(1)); ok {
		t.Fatal("entry 1 kept after two generations without a hit")
	}
	if ms, ok := m.get(k(n - 1)); !ok || ms[0].Text != fmt.Sprint(n-1) {
		t.Fatalf("latest entry = %v, %v", ms, ok)
	}
}
