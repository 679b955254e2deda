package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/store"
)

// Roles are elected, and brief writers claim stories, with session-level
// advisory locks held on a connection of their own: PostgreSQL releases
// them as soon as that session ends, so when a process dies (its socket
// closes) another takes over within a retry interval.
var (
	_ store.Elector      = (*DB)(nil)
	_ store.BriefClaimer = (*DB)(nil)
)

// Advisory lock classes (pg_try_advisory_lock(class, key)), apart from
// the transaction-scoped keys of db.go.
const (
	lockClassRole  int32 = 0x70610001 // one holder of a role
	lockClassBrief int32 = 0x70610002 // one writer of a story's brief
)

// keepAlive is how often a lease checks its connection.
const keepAlive = 2 * time.Second

// key32 hashes a name into an advisory lock key.
func key32(name string) int32 {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int32(h.Sum32())
}

// session opens a connection of its own, outside the pool.
func (db *DB) session(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, db.pool.Config().ConnConfig.Copy())
	if err != nil {
		return nil, fmt.Errorf("postgres: session connection: %w", err)
	}
	return conn, nil
}

// lease is a role held by an advisory lock on a dedicated connection.
type lease struct {
	conn *pgx.Conn
	lost chan struct{}
	stop chan struct{}
	done chan struct{}
	once sync.Once
	key  int32
}

// TryLead takes role if no live session holds it.
func (db *DB) TryLead(ctx context.Context, role string) (store.Lease, bool, error) {
	conn, err := db.session(ctx)
	if err != nil {
		return nil, false, err
	}
	var ok bool
	key := key32(role)
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, $2)`, lockClassRole, key).Scan(&ok); err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return nil, false, fmt.Errorf("postgres: lead %s: %w", role, err)
	}
	if !ok {
		conn.Close(ctx)
		return nil, false, nil
	}
	l := &lease{conn: conn, key: key, lost: make(chan struct{}), stop: make(chan struct{}), done: make(chan struct{})}
	go l.watch()
	return l, true, nil
}

// watch pings the lease's connection until Release; a failed ping means
// the lock may be gone: Lost closes.
func (l *lease) watch() {
	defer close(l.done)
	t := time.NewTicker(keepAlive)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), 2*keepAlive)
			err := l.conn.Ping(ctx)
			cancel()
			if err != nil {
				close(l.lost)
				l.conn.Close(context.Background())
				return
			}
		}
	}
}

func (l *lease) Lost() <-chan struct{} { return l.lost }

// Release unlocks the role and closes the lease's connection.
func (l *lease) Release() error {
	var err error
	l.once.Do(func() {
		close(l.stop)
		<-l.done
		select {
		case <-l.lost:
			return // the connection is gone, and the lock with it
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, uerr := l.conn.Exec(ctx, `SELECT pg_advisory_unlock($1, $2)`, lockClassRole, l.key)
		err = errors.Join(uerr, l.conn.Close(ctx))
	})
	return err
}

// claims is the connection on which a brief writer's claims live.
type claims struct {
	mu   sync.Mutex
	conn *pgx.Conn
}

// claimsOf maps each DB to its claims connection, opened on first claim
// and closed by closeClaims when the DB closes.
var claimsOf sync.Map // *DB -> *claims

// closeClaims closes db's claims connection, if it has one.
func closeClaims(db *DB) {
	if v, ok := claimsOf.LoadAndDelete(db); ok {
		c := v.(*claims)
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.conn != nil {
			c.conn.Close(context.Background())
		}
	}
}

// lock takes advisory lock key of class on the claims connection.
func (c *claims) lock(ctx context.Context, db *DB, class, key int32) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil || c.conn.IsClosed() {
		conn, err := db.session(ctx)
		if err != nil {
			return false, err
		}
		c.conn = conn
	}
	var ok bool
	if err := c.conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, $2)`, class, key).Scan(&ok); err != nil {
		c.conn.Close(context.WithoutCancel(ctx))
		return false, err
	}
	return ok, nil
}

// unlock releases a lock that lock took (gone anyway with a closed
// connection).
func (c *claims) unlock(class, key int32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil || c.conn.IsClosed() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = c.conn.Exec(ctx, `SELECT pg_advisory_unlock($1, $2)`, class, key)
}

// ClaimBrief locks storyID's brief for this process if no other holds it,
// then checks that the story is still stale (not written meanwhile, not
// merged away).
func (db *DB) ClaimBrief(ctx context.Context, storyID string) (func(), bool, error) {
	v, _ := claimsOf.LoadOrStore(db, &claims{})
	c := v.(*claims)
	key := key32(storyID)
	ok, err := c.lock(ctx, db, lockClassBrief, key)
	if err != nil {
		return nil, false, fmt.Errorf("postgres: claim brief of %s: %w", storyID, err)
	}
	if !ok {
		return nil, false, nil
	}
	release := func() { c.unlock(lockClassBrief, key) }
	var stale bool
	err = db.pool.QueryRow(ctx, `SELECT stale FROM stories WHERE id = $1`, storyID).Scan(&stale)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		release()
		return nil, false, fmt.Errorf("postgres: claim brief of %s: %w", storyID, err)
	}
	if !stale {
		release()
		return nil, false, nil
	}
	return release, true, nil
}
