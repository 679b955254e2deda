package store

import (
	"fmt"

	"parallax/internal/model"
)

// OpKind says what one clustering decision does.
type OpKind int

const (
	// OpAssign places an article (Store.Assign's arguments).
	OpAssign OpKind = iota
	// OpMerge folds story From into story Into (Store.MergeStory's).
	OpMerge
	// OpMove gives an article's own placement to story Into, event Event,
	// for all of its text; its extra placements stay, resolved against
	// the new one (ResolvePlacements).
	OpMove
)

// ClusterOp is one clustering decision, as ApplyClustering records it.
type ClusterOp struct {
	Kind    OpKind
	Article string            // OpAssign, OpMove
	In      model.Placement   // OpAssign
	Also    []model.Placement // OpAssign
	From    string            // OpMerge
	Into    string            // OpMerge, OpMove
	Event   string            // OpMove
}

// Check validates an op before any of a batch is written.
func (op ClusterOp) Check() error {
	switch op.Kind {
	case OpAssign:
		if op.Article == "" {
			return fmt.Errorf("assign without an article")
		}
		return CheckPlacements(op.In, op.Also)
	case OpMerge:
		if op.From == "" || op.Into == "" || op.From == op.Into {
			return fmt.Errorf("merge story %q into %q", op.From, op.Into)
		}
	case OpMove:
		if op.Article == "" || op.Into == "" {
			return fmt.Errorf("move article %q to story %q", op.Article, op.Into)
		}
	default:
		return fmt.Errorf("unknown clustering op %d", op.Kind)
	}
	return nil
}

// ClusterState is the clusterer's state as a store keeps it: opaque bytes
// (cluster.Snapshot) and the assignment sequence number they cover: every
// assignment up to Seq, and none after, went into it.
type ClusterState struct {
	Data []byte
	Seq  int64
}
