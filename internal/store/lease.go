package store

import "context"

// Elector is implemented by stores that several processes share
// (store/postgres): it elects, among the processes that ask, the one that
// may do a job that must run once at a time, such as clustering. A store
// without it (store/sqlite, one machine) leaves every process to do the
// job itself, as one batch at a time.
type Elector interface {
	// TryLead makes the caller the holder of role if no live process
	// holds it, and returns ok=false at once otherwise. The lease lasts
	// until Release, or until the holder dies or loses the store
	// (Lease.Lost), after which another process may take it.
	TryLead(ctx context.Context, role string) (l Lease, ok bool, err error)
}

// Lease is a role held through the store.
type Lease interface {
	// Lost is closed when the store may have given the role to another
	// process (the connection that holds it failed): stop the job.
	Lost() <-chan struct{}
	// Release gives the role up.
	Release() error
}

// BriefClaimer is implemented by stores whose stale briefs several
// processes write (store/postgres): a writer claims a story before it
// reads it, so that one brief is written per change of a story however
// many writers run.
type BriefClaimer interface {
	// ClaimBrief claims storyID's brief for the caller while it is stale
	// and no live writer holds it; ok=false means skip it (claimed
	// elsewhere, already written, or gone). release ends the claim, which
	// also ends when the claiming process dies.
	ClaimBrief(ctx context.Context, storyID string) (release func(), ok bool, err error)
}
