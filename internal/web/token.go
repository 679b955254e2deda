package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// apiKeyPrefix marks Parallax's API keys, so that a leaked one is
// recognisable.
const apiKeyPrefix = "px_"

// newToken returns 32 random bytes, base64url-encoded.
func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is what the store keeps of a session token or API key: hex
// SHA-256 (the secrets are 256 random bits, so a slow hash adds nothing).
func hashToken(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

// NewAPIKey returns a new API key and the hash to store (store.APIKey.Hash).
// The key itself is shown once and never stored.
func NewAPIKey() (key, hash string) {
	key = apiKeyPrefix + newToken()
	return key, hashToken(key)
}
