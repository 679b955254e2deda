package scaleout_test

import "testing"

// TestSnapshotCompare checks the comparison the scale-out runs rely on:
// an exact duplicate kept under another id (same content hash or canonical
// URL) is the same article, any other change of story is counted.
func TestSnapshotCompare(t *testing.T) {
	t.Parallel()
	one := storeSnapshot{
		story: map[string]string{"a": "s1", "b": "s1", "c": "s2", "d": "s3"},
		dupOf: map[string]string{"b": "a"},
		names: map[string][]string{"a": {"hash:1"}, "b": {"hash:2"}, "c": {"url:x", "hash:3"}, "d": {"hash:4"}},
	}
	tests := []struct {
		name             string
		got              storeSnapshot
		moved, otherIDs  int
		sameNearDupLinks bool
	}{
		{"identical", one, 0, 0, true},
		{"a kept as a2 (same hash, another canonical URL)", storeSnapshot{
			story: map[string]string{"a2": "t1", "b": "t1", "c": "t2", "d": "t3"},
			dupOf: map[string]string{"b": "a2"},
			names: map[string][]string{"a2": {"url:y", "hash:1"}, "b": {"hash:2"}, "c": {"url:x", "hash:3"}, "d": {"hash:4"}},
		}, 0, 1, true},
		{"c kept as c2 (same canonical URL, another text)", storeSnapshot{
			story: map[string]string{"a": "t1", "b": "t1", "c2": "t2", "d": "t3"},
			dupOf: map[string]string{"b": "a"},
			names: map[string][]string{"a": {"hash:1"}, "b": {"hash:2"}, "c2": {"url:x", "hash:9"}, "d": {"hash:4"}},
		}, 0, 1, true},
		{"d joins c's story", storeSnapshot{
			story: map[string]string{"a": "t1", "b": "t1", "c": "t2", "d": "t2"},
			dupOf: map[string]string{"b": "a"},
			names: one.names,
		}, 2, 0, true},
		{"d lost", storeSnapshot{
			story: map[string]string{"a": "t1", "b": "t1", "c": "t2"},
			dupOf: map[string]string{"b": "a"},
			names: one.names,
		}, 1, 1, true},
		{"near-duplicate link missing", storeSnapshot{
			story: one.story, dupOf: map[string]string{}, names: one.names,
		}, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := one.placedDifferently(tc.got); got != tc.moved {
				t.Errorf("placed differently %d, want %d (%v)", got, tc.moved, one.placementDiff(tc.got, 10))
			}
			if got := one.otherIDs(tc.got); got != tc.otherIDs {
				t.Errorf("kept under another id %d, want %d", got, tc.otherIDs)
			}
			if got := one.sameNearDuplicates(tc.got); got != tc.sameNearDupLinks {
				t.Errorf("same near-duplicate links %v, want %v", got, tc.sameNearDupLinks)
			}
		})
	}
}
