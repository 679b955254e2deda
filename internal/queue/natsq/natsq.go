// Package natsq is the scale-out queue.Queue on NATS JetStream, through
// github.com/nats-io/nats.go and its jetstream package.
//
// One work-queue stream holds every subject under a prefix (Options.Stream:
// queue subject S travels as NATS subject "<stream>.S"). Each queue subject
// has one durable pull consumer, shared by every Consume of that subject in
// any process, so that each message goes to one of them. A consumer pulls
// one message at a time and acknowledges it when its handler succeeds;
// when the handler fails (or panics) it waits a growing pause and answers
// with a negative acknowledgement, which JetStream redelivers before the
// subject's next message, so a single consumer still sees its subject in
// publication order. After Options.MaxDeliver failed attempts the message
// is terminated (removed) with a log line: a dead letter. A handler that
// runs long keeps its message by reporting progress, so that it is not
// redelivered elsewhere meanwhile.
//
// Publish returns once JetStream has stored the message (its PubAck):
// that, and waiting while the stream already holds Options.Buffer
// messages, is the backpressure.
//
// As package queue says, the queue is not the system of record: a message
// that outlives its batch (the process died) is dropped after
// Options.MaxAge, and the work is redone from the store.
package natsq

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/queue"
)

// Errors returned by this package besides queue.ErrClosed.
var (
	ErrBadName    = errors.New("natsq: invalid stream name")
	ErrBadSubject = errors.New("natsq: invalid subject")
)

// Options configure a Queue. Zero fields take the defaults.
type Options struct {
	// Stream names the JetStream stream and is the prefix of its subjects
	// (letters, digits, '-' and '_'; default "parallax").
	Stream string
	// MaxDeliver is how many deliveries a message gets before it is
	// dropped as a dead letter (default 5).
	MaxDeliver int
	// Backoff is the pause before the first redelivery, doubled each time
	// up to 5s (default 50ms; negative for none).
	Backoff time.Duration
	// AckWait is how long JetStream waits for a sign of life from a
	// handler before it redelivers the message to another consumer
	// (default 1m; a running handler reports progress every AckWait/3).
	AckWait time.Duration
	// MaxAge is how long the stream keeps a message nobody consumed
	// (default 24h).
	MaxAge time.Duration
	// Buffer is how many messages the stream holds before Publish waits
	// (default 10000).
	Buffer int64
	// Temporary deletes the stream on Close: a queue for one batch, whose
	// leftovers must not reach the next one.
	Temporary bool
	// Logger defaults to slog.Default().
	Logger *slog.Logger
}

// DefaultOptions returns the defaults.
func DefaultOptions() Options {
	return Options{Stream: "parallax", MaxDeliver: 5, Backoff: 50 * time.Millisecond, AckWait: time.Minute,
		MaxAge: 24 * time.Hour, Buffer: 10_000, Logger: slog.Default()}
}

// maxBackoff caps the pause between redeliveries.
const maxBackoff = 5 * time.Second

// Queue is a queue.Queue on one JetStream stream.
type Queue struct {
	opts      Options
	nc        *nats.Conn
	js        jetstream.JetStream
	stream    jetstream.Stream
	mu        sync.Mutex
	consumers map[string]jetstream.Consumer
	done      chan struct{}
	closeOnce sync.Once
}

var _ queue.Queue = (*Queue)(nil)

// validName is what JetStream accepts as a stream or consumer name and as
// one subject token.
var validName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// Dial connects to the NATS server at url (nats://host:4222; several
// comma-separated URLs for a cluster) and creates or updates the queue's
// stream. The Queue owns the connection and closes it on Close.
func Dial(ctx context.Context, url string, opts Options) (*Queue, error) {
	opts = withDefaults(opts)
	if !validName.MatchString(opts.Stream) {
		return nil, fmt.Errorf("%w: %q", ErrBadName, opts.Stream)
	}
	nc, err := nats.Connect(url, nats.Name("parallax"))
	if err != nil {
		return nil, fmt.Errorf("natsq: connect %s: %w", url, err)
	}
	q, err := open(ctx, nc, opts)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("natsq: open stream %s on %s: %w", opts.Stream, url, err)
	}
	return q, nil
}

func withDefaults(opts Options) Options {
	def := DefaultOptions()
	if opts.Stream == "" {
		opts.Stream = def.Stream
	}
	if opts.MaxDeliver <= 0 {
		opts.MaxDeliver = def.MaxDeliver
	}
	if opts.Backoff == 0 {
		opts.Backoff = def.Backoff
	}
	if opts.AckWait <= 0 {
		opts.AckWait = def.AckWait
	}
	if opts.MaxAge <= 0 {
		opts.MaxAge = def.MaxAge
	}
	if opts.Buffer <= 0 {
		opts.Buffer = def.Buffer
	}
	if opts.Logger == nil {
		opts.Logger = def.Logger
	}
	return opts
}

// open creates or updates the work-queue stream on nc.
func open(ctx context.Context, nc *nats.Conn, opts Options) (*Queue, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        opts.Stream,
		Description: "Parallax work queue",
		Subjects:    []string{opts.Stream + ".>"},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Discard:     jetstream.DiscardNew,
		MaxMsgs:     opts.Buffer,
		MaxAge:      opts.MaxAge,
	})
	if err != nil {
		return nil, err
	}
	return &Queue{opts: opts, nc: nc, js: js, stream: st,
		consumers: make(map[string]jetstream.Consumer), done: make(chan struct{})}, nil
}

// natsSubject is the NATS subject of queue subject s.
func (q *Queue) natsSubject(s string) (string, error) {
	for _, tok := range strings.Split(s, ".") {
		if tok == "" || tok == "*" || tok == ">" || strings.ContainsAny(tok, " \t\r\n") {
			return "", fmt.Errorf("%w: %q", ErrBadSubject, s)
		}
	}
	return q.opts.Stream + "." + s, nil
}

// consumerName encodes a queue subject as a durable consumer name: letters,
// digits and '-' stay, any other byte becomes _XX (so "a.b" and "a_b"
// differ).
func consumerName(subject string) string {
	var b strings.Builder
	for i := 0; i < len(subject); i++ {
		c := subject[i]
		if c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02X", c)
		}
	}
	return b.String()
}

// consumer returns the durable consumer of subject, creating it on first use.
func (q *Queue) consumer(ctx context.Context, subject string) (jetstream.Consumer, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if c, ok := q.consumers[subject]; ok {
		return c, nil
	}
	filter, err := q.natsSubject(subject)
	if err != nil {
		return nil, err
	}
	c, err := q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       consumerName(subject),
		FilterSubject: filter,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opts.AckWait,
		MaxDeliver:    q.opts.MaxDeliver,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("natsq: consumer of %s: %w", subject, err)
	}
	q.consumers[subject] = c
	return c, nil
}

// Close stops the queue: consumers return, publishing fails. It deletes a
// Temporary stream, then flushes and closes the connection.
func (q *Queue) Close() error {
	var err error
	q.closeOnce.Do(func() {
		close(q.done)
		if q.opts.Temporary {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if derr := q.js.DeleteStream(ctx, q.opts.Stream); derr != nil {
				err = fmt.Errorf("natsq: delete stream %s: %w", q.opts.Stream, derr)
			}
		}
		_ = q.nc.FlushTimeout(5 * time.Second) // acks still buffered
		q.nc.Close()
	})
	return err
}

func (q *Queue) closed() bool {
	select {
	case <-q.done:
		return true
	default:
		return false
	}
}
