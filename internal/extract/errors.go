package extract

import "errors"

// Sentinel errors returned (possibly wrapped) by Extract.
var (
	// ErrEmpty means the input holds nothing but whitespace.
	ErrEmpty = errors.New("extract: empty input")
	// ErrBinary means the input is not text (NUL bytes, control bytes).
	ErrBinary = errors.New("extract: binary input")
	// ErrTooLarge means the input exceeds Options.MaxBytes.
	ErrTooLarge = errors.New("extract: input too large")
	// ErrNoText means no article text could be found.
	ErrNoText = errors.New("extract: no text found")
	// ErrEncoding means text-mode input is not valid UTF-8.
	ErrEncoding = errors.New("extract: not valid UTF-8")
)
