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
SCRATCH_DLL=$ROOT/artifacts/bin/ProjectLibrary.Api/release/ProjectLibrary.Api.dll
source bench/lib/scratch-service.sh

scratch_database
echo "==> starting a benchmark project library on :$PORT (database $DB, events to the platform_test virtual host)"
scratch_start RabbitMq__VirtualHost=platform_test Messaging__EndpointPrefix=import-bench \
  Logging__LogLevel__ProjectLibrary.Api.Features.Imports=Information
TOKEN=$(sign_in project-office@140522)

echo "==> project import vs bare COPY (sizes $SIZES)"
dotnet "$BENCH_DLL" import "http://127.0.0.1:$PORT" "$TOKEN" "$CONNECTION" "$SIZES"
echo "==> where the import's time went (service log)"
grep '"Category":"ProjectLibrary.Api.Features.Imports' "$LOG" | jq -r '.Message' | grep -o '[^:]*: [0-9]* created, .*' | sed 's/^/  /' || true
