package web

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"

	"golang.org/x/crypto/bcrypt"
)

// ErrEmptyPassword is returned by HashPassword for an empty password.
var ErrEmptyPassword = errors.New("web: empty password")

// HashPassword returns the bcrypt hash the server keeps of the operator's
// password (Options.PasswordHash); the password itself is not kept. It is
// pre-hashed with SHA-256 so that passwords over bcrypt's 72 bytes count
// in full.
func HashPassword(password string) ([]byte, error) {
	if password == "" {
		return nil, ErrEmptyPassword
	}
	h, err := bcrypt.GenerateFromPassword(prehash(password), bcrypt.DefaultCost)
	if err != nil {
		return nil, fmt.Errorf("web: hash password: %w", err)
	}
	return h, nil
}

// checkPassword reports whether password matches hash.
func checkPassword(hash []byte, password string) bool {
	return len(hash) > 0 && bcrypt.CompareHashAndPassword(hash, prehash(password)) == nil
}

func prehash(password string) []byte {
	sum := sha256.Sum256([]byte(password))
	return []byte(base64.StdEncoding.EncodeToString(sum[:]))
}

// PasswordMatches reports whether password matches a hash from
// HashPassword.
func PasswordMatches(hash []byte, password string) bool { return checkPassword(hash, password) }
