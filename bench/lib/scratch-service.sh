# shellcheck shell=bash
# Shared by bench/city.sh and bench/import.sh: one platform service started on its own port against its own
# scratch database, so a benchmark never touches the live demo. Callers set, before sourcing:
#   SCRATCH_DLL (the service's dll), DB, PORT, PIDFILE, LOG; and ROOT with infra/services.sh already sourced.
BENCH_DLL=$ROOT/artifacts/bin/Bench/release/Bench.dll
CONNECTION="Host=127.0.0.1;Port=5432;Database=$DB;Username=platform_test;Password=$PLATFORM_TEST_DB_PASSWORD"
# Bench.dll signs in to the broker as the operator user ("platform") with this password.
export PLATFORM_MQ_PASSWORD=$PLATFORM_MQ_OPERATOR_PASSWORD

command -v jq >/dev/null || { echo "==> installing jq"; apt-get install -y -qq jq >/dev/null; }
command -v psql >/dev/null || { echo "==> installing postgresql-client"; apt-get install -y -qq postgresql-client >/dev/null; }
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PLATFORM_PORT/health/ready")" != 200 ]]; then
  echo "==> the platform is not running: starting it" # the benchmarks sign in through its identity service
  ./platform up
fi
[[ -f "$SCRATCH_DLL" && -f "$BENCH_DLL" ]] || dotnet build bench/Bench -c Release -nologo -v q

admin_sql() { PGPASSWORD=$PLATFORM_TEST_DB_PASSWORD psql -h 127.0.0.1 -U platform_test -d postgres -v ON_ERROR_STOP=1 -qc "$1" >/dev/null; }

# Stops the scratch service of this or an earlier run that did not get to clean up (killed, crashed).
scratch_stop() {
  [[ -f "$PIDFILE" ]] || return 0
  local pid; pid=$(cat "$PIDFILE")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$(basename "$SCRATCH_DLL")"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

# A fresh scratch database, dropped again on exit unless KEEP_DB is set.
scratch_database() {
  scratch_stop
  admin_sql "drop database if exists $DB with (force)"
  admin_sql "create database $DB"
  trap 'scratch_stop; [[ -n "${KEEP_DB:-}" ]] || admin_sql "drop database if exists $DB with (force)" || true' EXIT
}

# Starts the service on $PORT against $DB with the given extra settings (NAME=value ...) and waits until it is ready.
scratch_start() {
  mkdir -p "$(dirname "$PIDFILE")"
  (cd "$(dirname "$SCRATCH_DLL")" && exec env ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    ASPNETCORE_ENVIRONMENT="${PLATFORM_ENVIRONMENT:-Development}" ASPNETCORE_CONTENTROOT="$(dirname "$SCRATCH_DLL")" \
    ConnectionStrings__Database="$CONNECTION" RabbitMq__Host=127.0.0.1 RabbitMq__Port=5672 RabbitMq__Username="$PLATFORM_MQ_OPERATOR_USER" \
    RabbitMq__Password="$PLATFORM_MQ_OPERATOR_PASSWORD" Messaging__TemporaryQueues=true \
    Auth__PublicKeyPath="$ROOT/.platform/keys/jwt-public.pem" Platform__SeedDemoData=false \
    Logging__LogLevel__Default=Warning "$@" dotnet "$SCRATCH_DLL" >"$LOG" 2>&1 </dev/null) &
  echo $! >"$PIDFILE"
  local name; name=$(basename "$SCRATCH_DLL" .dll)
  for _ in $(seq 120); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" == 200 ]] && return 0
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { echo "the benchmark $name exited:" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 0.5
  done
  echo "the benchmark $name did not become ready:" >&2; tail -20 "$LOG" >&2; exit 1
}

# A demo account's token from the running platform's identity service; fails the run when sign-in fails.
sign_in() {
  local token
  token=$(curl -s -X POST "http://127.0.0.1:$PLATFORM_PORT/api/identity/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$PLATFORM_DEMO_PASSWORD\"}" | jq -r .access_token)
  [[ "$token" != null && -n "$token" ]] || { echo "could not sign in as $1" >&2; exit 1; }
  echo "$token"
}
