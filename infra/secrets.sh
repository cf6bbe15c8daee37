# shellcheck shell=bash
# Per-installation secrets. Sourced by infra/services.sh (so by ./platform, infra/*.sh and bench/).
#
# On first use every secret is generated at random into .platform/secrets.env (KEY=value lines, mode 600,
# git-ignored) and kept there; later runs reuse it. An environment variable of the same name, when set and
# not empty, overrides the stored value (the file is not rewritten). Keys:
#   PLATFORM_DB_PASSWORD_<DB>      password of the database role <db> (one per service database)
#   PLATFORM_TEST_DB_PASSWORD      password of the role platform_test (tests' throw-away databases)
#   PLATFORM_MQ_PASSWORD_<SERVICE> password of the RabbitMQ user <service> (one per backend service)
#   PLATFORM_MQ_OPERATOR_PASSWORD  password of the operator/test-harness RabbitMQ user (full rights on both
#                                  vhosts; never given to a service). Its name: PLATFORM_MQ_OPERATOR_USER [platform]
#   PLATFORM_DEMO_PASSWORD         password of the seeded demo accounts (16 characters)
# Names are upper-cased with anything but letters and digits turned into "_" (platform_env_name).
# The values are shell variables, not exported: a child process gets only the secrets it is handed
# (./platform gives each service its own), and child scripts load the file themselves.

PLATFORM_SECRETS_FILE=${PLATFORM_SECRETS_FILE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.platform/secrets.env}

platform_secret_keys() {
  local name
  for name in $(platform_databases); do echo "PLATFORM_DB_PASSWORD_$(platform_env_name "$name")"; done
  echo PLATFORM_TEST_DB_PASSWORD
  for name in $(platform_backends); do echo "PLATFORM_MQ_PASSWORD_$(platform_env_name "$name")"; done
  echo PLATFORM_MQ_OPERATOR_PASSWORD
  echo PLATFORM_DEMO_PASSWORD
}

# 192 random bits as 48 hex digits (safe in connection strings, URLs and YAML); the demo password is
# typed by people, so it is shorter: 96 bits as 16 base64 characters without "+" and "/".
platform_random_secret() {
  if [[ "$1" == PLATFORM_DEMO_PASSWORD ]]; then openssl rand -base64 12 | tr '+/' 'kq'
  else openssl rand -hex 24
  fi
}

# Appends a random value for every given key missing from the file (KEY=value lines). Under a lock, so
# `up` and `test` started together never write two different values. Also used for compose's .env.
platform_generate_secrets() { # file key...
  local file=$1 key dir
  shift
  dir=$(dirname "$file")
  mkdir -p "$dir"
  [[ "$(basename "$dir")" == .platform ]] && chmod 700 "$dir"
  (
    umask 077
    exec 9>>"$file"
    flock 9
    chmod 600 "$file"
    for key in "$@"; do
      if ! grep -q "^$key=" "$file"; then
        echo "$key=$(platform_random_secret "$key")" >&9
      fi
    done
  )
}

platform_load_secrets() {
  local file=$PLATFORM_SECRETS_FILE key value
  # shellcheck disable=SC2046 # one key a word
  platform_generate_secrets "$file" $(platform_secret_keys)
  for key in $(platform_secret_keys); do
    if [[ -z "${!key:-}" ]]; then
      value=$(grep -m1 "^$key=" "$file" | cut -d= -f2-)
      printf -v "$key" '%s' "$value"
    fi
  done
  : "${PLATFORM_MQ_OPERATOR_USER:=platform}"
}

platform_load_secrets
