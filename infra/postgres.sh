#!/usr/bin/env bash
# Idempotent: installs PostgreSQL 15 (Debian packages) if absent, starts cluster 15/main on
# 127.0.0.1:5432 without systemd, creates one role+database per service and the platform_test role, each
# role with its own password from infra/secrets.sh (re-applied every run).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=infra/services.sh
source infra/services.sh

PG_VER=15
PG_CLUSTER=main
PG_CONF="/etc/postgresql/$PG_VER/$PG_CLUSTER/postgresql.conf"
PG_HBA="/etc/postgresql/$PG_VER/$PG_CLUSTER/pg_hba.conf"
WANT_MAX_CONNECTIONS=300

log() { echo "[postgres] $*"; }

as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

wait_for_apt_lock() {
  local i
  for i in $(seq 1 300); do
    if ! fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1; then return 0; fi
    [[ $i -eq 1 ]] && log "waiting for another apt/dpkg process to finish..."
    sleep 2
  done
  log "dpkg lock still held after 10 minutes"; return 1
}

# 1. install
if [[ ! -x "/usr/lib/postgresql/$PG_VER/bin/postgres" ]] || ! dpkg -s postgresql-contrib >/dev/null 2>&1; then
  log "installing PostgreSQL $PG_VER (postgresql postgresql-contrib)"
  wait_for_apt_lock
  as_root apt-get update -qq
  wait_for_apt_lock
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi

# 2. cluster exists
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "$PG_VER/$PG_CLUSTER"; then
  log "creating cluster $PG_VER/$PG_CLUSTER"
  as_root pg_createcluster "$PG_VER" "$PG_CLUSTER" --port 5432
fi

# 3. configuration (listen on loopback, max_connections, scram over TCP)
needs_restart=0
current_listen=$(grep -E "^[[:space:]]*listen_addresses" "$PG_CONF" | tail -1 | sed -E "s/.*=[[:space:]]*'([^']*)'.*/\1/" || true)
if [[ -n "$current_listen" && "$current_listen" != "localhost" && "$current_listen" != "127.0.0.1" && "$current_listen" != "*" ]]; then
  as_root sed -i -E "s/^[[:space:]]*listen_addresses.*/listen_addresses = 'localhost'/" "$PG_CONF"
  needs_restart=1
fi
current_max=$(grep -E "^[[:space:]]*max_connections" "$PG_CONF" | tail -1 | sed -E 's/^[^=]*=[[:space:]]*([0-9]+).*/\1/' || true)
if [[ -z "$current_max" || "$current_max" -lt $WANT_MAX_CONNECTIONS ]]; then
  log "setting max_connections = $WANT_MAX_CONNECTIONS (was ${current_max:-default})"
  if grep -qE "^[[:space:]]*max_connections" "$PG_CONF"; then
    as_root sed -i -E "s/^[[:space:]]*max_connections[[:space:]]*=.*/max_connections = $WANT_MAX_CONNECTIONS\t\t# raised by infra\/postgres.sh/" "$PG_CONF"
  else
    echo "max_connections = $WANT_MAX_CONNECTIONS	# raised by infra/postgres.sh" | as_root tee -a "$PG_CONF" >/dev/null
  fi
  needs_restart=1
fi
if ! grep -qE "^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+(scram-sha-256|md5)" "$PG_HBA"; then
  log "adding scram-sha-256 rule for 127.0.0.1 to pg_hba.conf"
  echo "host    all             all             127.0.0.1/32            scram-sha-256" | as_root tee -a "$PG_HBA" >/dev/null
  needs_restart=1
fi

# 4. running
cluster_status() { pg_lsclusters -h | awk -v v="$PG_VER" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}'; }
status=$(cluster_status)
if [[ "$status" == online* ]]; then
  if [[ $needs_restart -eq 1 ]]; then
    log "restarting cluster $PG_VER/$PG_CLUSTER to apply configuration"
    as_root pg_ctlcluster "$PG_VER" "$PG_CLUSTER" restart
  fi
else
  log "starting cluster $PG_VER/$PG_CLUSTER"
  # a stale pid file from an unclean shutdown would block the start
  pidfile="/var/lib/postgresql/$PG_VER/$PG_CLUSTER/postmaster.pid"
  if [[ -f "$pidfile" ]] && ! kill -0 "$(head -1 "$pidfile")" 2>/dev/null; then as_root rm -f "$pidfile"; fi
  as_root pg_ctlcluster "$PG_VER" "$PG_CLUSTER" start || [[ "$(cluster_status)" == online* ]]
fi
for i in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p 5432; then break; fi
  [[ $i -eq 60 ]] && { log "PostgreSQL did not become ready on 127.0.0.1:5432"; tail -n 40 "/var/log/postgresql/postgresql-$PG_VER-$PG_CLUSTER.log" || true; exit 1; }
  sleep 1
done

# 5. roles and databases (one psql round trip when everything already exists). Every role has its own
# password (infra/secrets.sh), applied on every run so a changed or regenerated secret takes effect.
psql_pg() { as_pg psql -X -q -v ON_ERROR_STOP=1 "$@"; }
role_sql() { # name, password, extra attributes: create if missing, else keep attributes/password in sync
  local pw=${2//\'/\'\'}
  cat <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$1') THEN
    CREATE ROLE "$1" LOGIN $3 PASSWORD '$pw';
  ELSE
    ALTER ROLE "$1" LOGIN $3 PASSWORD '$pw';
  END IF;
END
\$\$;
SQL
}
db_password() { local var="PLATFORM_DB_PASSWORD_$(platform_env_name "$1")"; echo "${!var}"; }
{
  for db in $(platform_databases); do role_sql "$db" "$(db_password "$db")" ""; done
  role_sql platform_test "$PLATFORM_TEST_DB_PASSWORD" "CREATEDB"
  # pg_trgm in template1 so databases created later (e.g. throw-away test databases) have it too
  echo '\c template1'
  echo 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_trgm;'
} | psql_pg -d postgres

existing_dbs=$(as_pg psql -X -At -d postgres -c "select datname from pg_database")
for db in $(platform_databases); do
  if ! grep -qx "$db" <<<"$existing_dbs"; then
    log "creating database $db"
    psql_pg -d postgres -c "CREATE DATABASE \"$db\" OWNER \"$db\""
    # pg_trgm is a trusted extension, but create it up front (as superuser) anyway
    psql_pg -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_trgm;"
  fi
done
# Only its owner (and superusers) may connect to a service's database: one service's password opens no other.
for db in $(platform_databases); do echo "REVOKE CONNECT, TEMPORARY ON DATABASE \"$db\" FROM PUBLIC;"; done | psql_pg -d postgres

log "ready on 127.0.0.1:5432 (max_connections=$(as_pg psql -X -At -d postgres -c 'show max_connections'))"
