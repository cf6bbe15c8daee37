#!/usr/bin/env bash
# Idempotent: generates the RSA-2048 JWT key pair used by identity (private) and everyone (public).
# The private key is readable by its owner only (dir 700, file 600); ./platform hands its path to identity alone.
set -euo pipefail
cd "$(dirname "$0")/.."

KEY_DIR=.platform/keys
PRIV=$KEY_DIR/jwt-private.pem   # PKCS#8 PEM ("BEGIN PRIVATE KEY")
PUB=$KEY_DIR/jwt-public.pem     # SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY")

mkdir -p "$KEY_DIR"
chmod 700 "$KEY_DIR"
if [[ ! -s "$PRIV" ]]; then
  echo "[keys] generating RSA 2048 JWT signing key in $KEY_DIR"
  umask 077
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$PRIV.tmp" 2>/dev/null
  mv "$PRIV.tmp" "$PRIV"
  rm -f "$PUB"
fi
chmod 600 "$PRIV" # also when an older run left it readable
if [[ ! -s "$PUB" ]]; then
  openssl pkey -in "$PRIV" -pubout -out "$PUB"
  chmod 644 "$PUB"
fi
echo "[keys] $PRIV, $PUB"
