#!/usr/bin/env bash
# The city aggregation service at scale (run by bench/run.sh, or alone: bash bench/city.sh):
#  loads CITY_BENCH_PROJECTS (100,000) projects with a year of monthly progress into a scratch city service's read
#  models, then measures the overview and the lists directly on it (city-hq and a county), and the lag from a
#  change event to the read model. The live demo is left alone: the scratch service has its own database
#  (city_bench), its own port and its own temporary queues, and is stopped and dropped at the end.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
ROOT=$PWD
source infra/services.sh

PROJECTS=${CITY_BENCH_PROJECTS:-100000}
REQUESTS=${CITY_BENCH_REQUESTS:-500}
RATE=${CITY_BENCH_RATE:-50}
LAG_SECONDS=${CITY_BENCH_LAG_SECONDS:-10}
PORT=${CITY_BENCH_PORT:-15107}
DB=city_bench
PREFIX=city-bench
COUNTY=${CITY_BENCH_COUNTY:-140522}
PIDFILE=$ROOT/.platform/bench-city.pid
LOG=/tmp/bench-city.log
CITY_DLL=$ROOT/artifacts/bin/City.Api/release/City.Api.dll
BENCH_DLL=$ROOT/artifacts/bin/Bench/release/Bench.dll

command -v jq >/dev/null || { echo "==> installing jq"; apt-get install -y -qq jq >/dev/null; }
command -v psql >/dev/null || { echo "==> installing postgresql-client"; apt-get install -y -qq postgresql-client >/dev/null; }

if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PLATFORM_PORT/health/ready")" != 200 ]]; then
  echo "==> the platform is not running: starting it"
  ./platform up
fi
[[ -f "$CITY_DLL" && -f "$BENCH_DLL" ]] || dotnet build bench/Bench -c Release -nologo -v q

admin_sql() { PGPASSWORD=$PLATFORM_DB_PASSWORD psql -h 127.0.0.1 -U platform_test -d postgres -v ON_ERROR_STOP=1 -qc "$1" >/dev/null; }

# A process of an earlier run that did not get to clean up (killed, crashed) goes first; then a fresh database.
stop_bench_city() {
  if [[ -f "$PIDFILE" ]]; then
    local pid; pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'City.Api.dll'; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE"
  fi
}
cleanup() {
  stop_bench_city
  [[ -n "${CITY_BENCH_KEEP_DB:-}" ]] || admin_sql "drop database if exists $DB with (force)" || true
}
stop_bench_city
admin_sql "drop database if exists $DB with (force)"
admin_sql "create database $DB"
trap cleanup EXIT

CONNECTION="Host=127.0.0.1;Port=5432;Database=$DB;Username=platform_test;Password=$PLATFORM_DB_PASSWORD"
echo "==> starting a benchmark city service on :$PORT (database $DB, queues $PREFIX-*)"
mkdir -p "$(dirname "$PIDFILE")"
(cd "$(dirname "$CITY_DLL")" && exec env ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  ASPNETCORE_ENVIRONMENT="${PLATFORM_ENVIRONMENT:-Development}" ASPNETCORE_CONTENTROOT="$(dirname "$CITY_DLL")" \
  ConnectionStrings__Database="$CONNECTION" \
  RabbitMq__Host=127.0.0.1 RabbitMq__Port=5672 RabbitMq__VirtualHost=platform RabbitMq__Username=platform \
  RabbitMq__Password="$PLATFORM_MQ_PASSWORD" Messaging__EndpointPrefix=$PREFIX Messaging__TemporaryQueues=true \
  Auth__PublicKeyPath="$ROOT/.platform/keys/jwt-public.pem" Platform__SeedDemoData=false \
  Logging__LogLevel__Default=Warning dotnet "$CITY_DLL" >"$LOG" 2>&1 </dev/null) &
echo $! >"$PIDFILE"
for _ in $(seq 120); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" == 200 ]] && break
  kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { echo "the benchmark city service exited:" >&2; tail -20 "$LOG" >&2; exit 1; }
  sleep 0.5
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" == 200 ]] \
  || { echo "the benchmark city service did not become ready:" >&2; tail -20 "$LOG" >&2; exit 1; }

token() {
  curl -s -X POST "http://127.0.0.1:$PLATFORM_PORT/api/identity/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$PLATFORM_DEMO_PASSWORD\"}" | jq -r .access_token
}
CITY_TOKEN=$(token city-hq@140500)
COUNTY_TOKEN=$(token "project-office@$COUNTY")
[[ "$CITY_TOKEN" != null && -n "$CITY_TOKEN" && "$COUNTY_TOKEN" != null && -n "$COUNTY_TOKEN" ]] \
  || { echo "could not sign in as city-hq@140500 and project-office@$COUNTY" >&2; exit 1; }

CITY_BENCH_PG="$CONNECTION" CITY_BENCH_URL="http://127.0.0.1:$PORT" CITY_BENCH_TOKEN_CITY="$CITY_TOKEN" \
  CITY_BENCH_TOKEN_COUNTY="$COUNTY_TOKEN" CITY_BENCH_QUEUE_PREFIX=$PREFIX CITY_BENCH_MQ_VHOST=platform \
  dotnet "$BENCH_DLL" city "$PROJECTS" "$REQUESTS" "$RATE" "$LAG_SECONDS"
