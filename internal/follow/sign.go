package follow

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// SignatureHeader carries a webhook body's signature: "sha256=" and the
// hex HMAC-SHA256 of the body keyed with the follow's secret.
const SignatureHeader = "X-Parallax-Signature"

// Sign returns the SignatureHeader value of body under secret.
func Sign(body []byte, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether sig is body's signature under secret, in
// constant time: what a receiver does.
func Verify(body []byte, secret, sig string) bool {
	return hmac.Equal([]byte(sig), []byte(Sign(body, secret)))
}
