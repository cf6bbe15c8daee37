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
SCRATCH_DLL=$ROOT/artifacts/bin/City.Api/release/City.Api.dll
KEEP_DB=${CITY_BENCH_KEEP_DB:-}
source bench/lib/scratch-service.sh

scratch_database
echo "==> starting a benchmark city service on :$PORT (database $DB, queues $PREFIX-*)"
scratch_start RabbitMq__VirtualHost=platform Messaging__EndpointPrefix=$PREFIX
CITY_TOKEN=$(sign_in city-hq@140500)
COUNTY_TOKEN=$(sign_in "project-office@$COUNTY")

CITY_BENCH_PG="$CONNECTION" CITY_BENCH_URL="http://127.0.0.1:$PORT" CITY_BENCH_TOKEN_CITY="$CITY_TOKEN" \
  CITY_BENCH_TOKEN_COUNTY="$COUNTY_TOKEN" CITY_BENCH_QUEUE_PREFIX=$PREFIX CITY_BENCH_MQ_VHOST=platform \
  dotnet "$BENCH_DLL" city "$PROJECTS" "$REQUESTS" "$RATE" "$LAG_SECONDS"
