#!/usr/bin/env bash
# Prepares the secrets docker-compose.yml reads; run it before `docker compose up` (idempotent):
#   .env  (git-ignored, mode 600): random passwords generated once and kept, like .platform/secrets.env but
#         its own values: the postgres superuser, one database role and one broker user per service, the
#         broker operator, the demo password. A variable set in the shell overrides .env (compose's rule).
#   .platform/compose/rabbitmq-definitions.json: the broker's users (salted SHA-256 hashes) and their
#         permissions (infra/broker-permissions.sh), loaded by the rabbitmq container at every start.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=infra/services.sh
source infra/services.sh

ENV_FILE=.env
DEFINITIONS=.platform/compose/rabbitmq-definitions.json

keys=(PLATFORM_PG_SUPERUSER_PASSWORD PLATFORM_MQ_OPERATOR_PASSWORD PLATFORM_DEMO_PASSWORD)
for db in $(platform_databases); do keys+=("PLATFORM_DB_PASSWORD_$(platform_env_name "$db")"); done
for svc in $(platform_backends); do keys+=("PLATFORM_MQ_PASSWORD_$(platform_env_name "$svc")"); done
platform_generate_secrets "$ENV_FILE" "${keys[@]}"
grep -q '^PLATFORM_DATABASES=' "$ENV_FILE" || echo "PLATFORM_DATABASES=$(platform_databases | paste -sd ' ')" >>"$ENV_FILE"

value() { # the caller's exported value if set (compose prefers it too), else .env's; never .platform's
  local exported
  exported=$(printenv "$1" || true)
  if [[ -n "$exported" ]]; then echo "$exported"; else grep -m1 "^$1=" "$ENV_FILE" | cut -d= -f2-; fi
}

# One JSON line per broker user: name, password, tags, configure, write, read.
users=$(
  printf '%s\t%s\tadministrator\t.*\t.*\t.*\n' "$(printenv PLATFORM_MQ_OPERATOR_USER || echo platform)" "$(value PLATFORM_MQ_OPERATOR_PASSWORD)"
  for svc in $(platform_backends); do
    mapfile -t perms < <(bash infra/broker-permissions.sh "$svc")
    printf '%s\t%s\t\t%s\t%s\t%s\n' "$svc" "$(value "PLATFORM_MQ_PASSWORD_$(platform_env_name "$svc")")" "${perms[@]}"
  done
)
mkdir -p "$(dirname "$DEFINITIONS")"
BROKER_USERS=$users python3 - "$DEFINITIONS" <<'PY'
import base64, hashlib, json, os, sys
vhost = "platform"
def password_hash(password):  # rabbit_password_hashing_sha256: base64(salt + sha256(salt + password))
    salt = os.urandom(4)
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()
users, permissions = [], []
for line in os.environ["BROKER_USERS"].splitlines():
    name, password, tags, configure, write, read = line.split("\t")
    users.append({"name": name, "password_hash": password_hash(password),
                  "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": [tags] if tags else []})
    permissions.append({"user": name, "vhost": vhost, "configure": configure, "write": write, "read": read})
definitions = {
    "users": users, "vhosts": [{"name": vhost}], "permissions": permissions,
    "policies": [{"vhost": vhost, "name": "cqv2", "pattern": ".*", "apply-to": "queues",
                  "definition": {"queue-version": 2}, "priority": 0}],
}
# Readable by the container's rabbitmq user; it holds salted hashes of 192-bit random passwords, not the passwords.
with open(sys.argv[1], "w") as f:
    json.dump(definitions, f, indent=1)
os.chmod(sys.argv[1], 0o644)
PY
echo "[compose] $ENV_FILE and $DEFINITIONS are ready (demo password: $(value PLATFORM_DEMO_PASSWORD))"
