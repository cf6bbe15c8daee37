#!/usr/bin/env bash
# Run by the one-shot db-setup container of docker-compose.yml on every `docker compose up`, as the postgres
# superuser over the network (PGHOST, PGUSER, PGPASSWORD). Idempotent, like infra/postgres.sh: one LOGIN role
# per service with its own password (PLATFORM_DB_PASSWORD_<DB>, from .env via infra/compose-env.sh) owning a
# database of the same name that only it may connect to; pg_trgm in template1 and every service database.
# Passwords are re-applied each run, so a changed .env takes effect. No platform_test role: tests do not run here.
set -euo pipefail
: "${PLATFORM_DATABASES:?run infra/compose-env.sh first}"
psql_su() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

for _ in $(seq 1 60); do pg_isready -q && break; sleep 1; done
psql_su -d template1 -c 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_trgm;'
for db in $PLATFORM_DATABASES; do
  var=PLATFORM_DB_PASSWORD_$(tr '[:lower:]' '[:upper:]' <<<"$db" | tr -c 'A-Z0-9\n' '_')
  password=${!var:?$var is not set; run infra/compose-env.sh}
  psql_su -d postgres -v name="$db" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
ALTER ROLE :"name" LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name') \gexec
REVOKE CONNECT, TEMPORARY ON DATABASE :"name" FROM PUBLIC;
SQL
  psql_su -d "$db" -c 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_trgm;'
done
echo "[db-setup] roles and databases ready: $PLATFORM_DATABASES"
