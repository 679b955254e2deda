package scaleout_test

import "testing"

// TestSnapshotCompare checks the comparison the scale-out runs rely on:
// articles compare by id, so an exact duplicate kept under another id
// than one process keeps counts as placed differently, as does any other
// change of story.
func TestSnapshotCompare(t *testing.T) {
	t.Parallel()
	one := storeSnapshot{
		story: map[string]string{"a": "s1", "b": "s1", "c": "s2", "d": "s3"},
		dupOf: map[string]string{"b": "a"},
	}
	tests := []struct {
		name             string
		got              storeSnapshot
		moved, otherIDs  int
		sameNearDupLinks bool
	}{
		{"identical", one, 0, 0, true},
		{"stories named otherwise", storeSnapshot{
			story: map[string]string{"a": "t1", "b": "t1", "c": "t2", "d": "t3"},
			dupOf: map[string]string{"b": "a"},
		}, 0, 0, true},
		{"a kept as its exact duplicate a2", storeSnapshot{
			story: map[string]string{"a2": "t1", "b": "t1", "c": "t2", "d": "t3"},
			dupOf: map[string]string{"b": "a2"},
		}, 2, 1, false},
		{"d joins c's story", storeSnapshot{
			story: map[string]string{"a": "t1", "b": "t1", "c": "t2", "d": "t2"},
			dupOf: map[string]string{"b": "a"},
		}, 2, 0, true},
		{"d lost", storeSnapshot{
			story: map[string]string{"a": "t1", "b": "t1", "c": "t2"},
			dupOf: map[string]string{"b": "a"},
		}, 1, 1, true},
		{"near-duplicate link missing", storeSnapshot{
			story: one.story, dupOf: map[string]string{},
		}, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := one.placedDifferently(tc.got); got != tc.moved {
				t.Errorf("placed differently %d, want %d (%v)", got, tc.moved, one.placementDiff(tc.got, 10))
			}
			if got := one.otherIDs(tc.got); got != tc.otherIDs {
				t.Errorf("not stored %d, want %d", got, tc.otherIDs)
			}
			if got := one.sameNearDuplicates(tc.got); got != tc.sameNearDupLinks {
				t.Errorf("same near-duplicate links %v, want %v", got, tc.sameNearDupLinks)
			}
		})
	}
}
