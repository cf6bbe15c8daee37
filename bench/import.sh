#!/usr/bin/env bash
# The project library's spreadsheet import at scale (run by bench/run.sh, or alone: bash bench/import.sh):
#  imports IMPORT_BENCH_SIZES (50,000 and 200,000) generated rows, as .xlsx and as .csv, into a scratch project
#  library and prints rows/s beside a bare binary COPY of the same rows into a scratch table, in one run.
#  The live demo is left alone: the scratch service has its own database (projects_bench), its own port, and
#  publishes its events to the test virtual host; it is stopped and its database dropped at the end.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
ROOT=$PWD
source infra/services.sh

SIZES=${IMPORT_BENCH_SIZES:-50000,200000}
PORT=${IMPORT_BENCH_PORT:-15102}
DB=projects_bench
PIDFILE=$ROOT/.platform/bench-import.pid
LOG=/tmp/bench-import.log
SERVICE_DLL=$ROOT/artifacts/bin/ProjectLibrary.Api/release/ProjectLibrary.Api.dll
BENCH_DLL=$ROOT/artifacts/bin/Bench/release/Bench.dll

command -v jq >/dev/null || { echo "==> installing jq"; apt-get install -y -qq jq >/dev/null; }
command -v psql >/dev/null || { echo "==> installing postgresql-client"; apt-get install -y -qq postgresql-client >/dev/null; }

if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PLATFORM_PORT/health/ready")" != 200 ]]; then
  echo "==> the platform is not running: starting it"
  ./platform up
fi
[[ -f "$SERVICE_DLL" && -f "$BENCH_DLL" ]] || dotnet build bench/Bench -c Release -nologo -v q

admin_sql() { PGPASSWORD=$PLATFORM_DB_PASSWORD psql -h 127.0.0.1 -U platform_test -d postgres -v ON_ERROR_STOP=1 -qc "$1" >/dev/null; }

stop_bench_service() {
  if [[ -f "$PIDFILE" ]]; then
    local pid; pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'ProjectLibrary.Api.dll'; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE"
  fi
}
cleanup() {
  stop_bench_service
  admin_sql "drop database if exists $DB with (force)" || true
}
stop_bench_service
admin_sql "drop database if exists $DB with (force)"
admin_sql "create database $DB"
trap cleanup EXIT

CONNECTION="Host=127.0.0.1;Port=5432;Database=$DB;Username=platform_test;Password=$PLATFORM_DB_PASSWORD"
echo "==> starting a benchmark project library on :$PORT (database $DB, events to the platform_test virtual host)"
mkdir -p "$(dirname "$PIDFILE")"
(cd "$(dirname "$SERVICE_DLL")" && exec env ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  ASPNETCORE_ENVIRONMENT="${PLATFORM_ENVIRONMENT:-Development}" ASPNETCORE_CONTENTROOT="$(dirname "$SERVICE_DLL")" \
  ConnectionStrings__Database="$CONNECTION" \
  RabbitMq__Host=127.0.0.1 RabbitMq__Port=5672 RabbitMq__VirtualHost=platform_test RabbitMq__Username=platform \
  RabbitMq__Password="$PLATFORM_MQ_PASSWORD" Messaging__EndpointPrefix=import-bench Messaging__TemporaryQueues=true \
  Auth__PublicKeyPath="$ROOT/.platform/keys/jwt-public.pem" Platform__SeedDemoData=false \
  Logging__LogLevel__Default=Warning Logging__LogLevel__ProjectLibrary.Api.Features.Imports=Information dotnet "$SERVICE_DLL" >"$LOG" 2>&1 </dev/null) &
echo $! >"$PIDFILE"
for _ in $(seq 120); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" == 200 ]] && break
  kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { echo "the benchmark project library exited:" >&2; tail -20 "$LOG" >&2; exit 1; }
  sleep 0.5
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" == 200 ]] \
  || { echo "the benchmark project library did not become ready:" >&2; tail -20 "$LOG" >&2; exit 1; }

TOKEN=$(curl -s -X POST "http://127.0.0.1:$PLATFORM_PORT/api/identity/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"project-office@140522\",\"password\":\"$PLATFORM_DEMO_PASSWORD\"}" | jq -r .access_token)
[[ "$TOKEN" != null && -n "$TOKEN" ]] || { echo "could not sign in as project-office@140522" >&2; exit 1; }

echo "==> project import vs bare COPY (sizes $SIZES)"
dotnet "$BENCH_DLL" import "http://127.0.0.1:$PORT" "$TOKEN" "$CONNECTION" "$SIZES"
echo "==> where the import's time went (service log)"
grep '"Category":"ProjectLibrary.Api.Features.Imports' "$LOG" | jq -r '.Message' | grep -o '[^:]*: [0-9]* created, .*' | sed 's/^/  /' || true
