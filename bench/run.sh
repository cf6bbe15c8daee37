#!/usr/bin/env bash
# ./platform bench: measures, side by side in one run, on the running platform (started if needed):
#  1. a database-backed read (GET /api/projects/{id}) directly on the service vs through the gateway:
#     max throughput (wrk) and latency at half of the direct maximum (bombardier --rate);
#  2. event latency from a committed change to a consumer through the outbox vs a bare MassTransit publish;
#  3. the resident memory of every process of the platform when idle.
# Arms are alternated (A, B, A, B) so machine drift hits both alike. Ratios are what to compare.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
ROOT=$PWD
source infra/services.sh
DURATION=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
BENCH_GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18081}

need() { command -v "$1" >/dev/null || { echo "==> installing $1"; apt-get install -y -qq "$1" >/dev/null; }; }
need wrk
need hey # fixed-rate latency (Debian's "bombardier" package is a game, not the HTTP tool)
need jq

if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PLATFORM_PORT/health/ready")" != 200 ]]; then
  echo "==> the platform is not running: starting it"
  ./platform up
fi

echo "==> idle memory (resident set size of every platform process, PostgreSQL and RabbitMQ)"
total=0
for pidfile in .platform/run/*.pid; do
  pid=$(cat "$pidfile"); name=$(basename "$pidfile" .pid)
  rss=$(ps -o rss= -p "$pid" 2>/dev/null || echo 0); total=$((total + rss))
  printf '  %-12s %6d MiB\n' "$name" $((rss / 1024))
done
for proc in postgres beam.smp epmd; do
  rss=$(ps -C "$proc" -o rss= 2>/dev/null | awk '{s+=$1} END {print s+0}'); total=$((total + rss))
  printf '  %-12s %6d MiB\n' "$proc" $((rss / 1024))
done
printf '  %-12s %6d MiB  (target ≤ 1536 MiB)\n' "total" $((total / 1024))

# A second gateway on another port, pointing at the same services, with rate limits out of the way:
# the benchmark measures the proxy, not the per-client budget.
echo "==> starting a benchmark gateway on :$BENCH_GATEWAY_PORT"
ASPNETCORE_URLS=http://127.0.0.1:$BENCH_GATEWAY_PORT ASPNETCORE_CONTENTROOT=$ROOT/artifacts/bin/Gateway/release \
  Auth__PublicKeyPath=$ROOT/.platform/keys/jwt-public.pem RateLimiting__PermitsPerSecond=100000000 \
  RateLimiting__Burst=100000000 Logging__LogLevel__Default=Warning \
  dotnet artifacts/bin/Gateway/release/Gateway.dll >/tmp/bench-gateway.log 2>&1 &
BENCH_GATEWAY=$!
trap 'kill $BENCH_GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_GATEWAY_PORT/health/live")" == 200 ]] && break
  sleep 0.5
done

TOKEN=$(curl -s -X POST "http://127.0.0.1:$PLATFORM_PORT/api/identity/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"project-office@140522\",\"password\":\"$PLATFORM_DEMO_PASSWORD\"}" | jq -r .access_token)
[[ "$TOKEN" != null && -n "$TOKEN" ]] || { echo "could not sign in as project-office@140522" >&2; exit 1; }
PROJECT=$(curl -s -X POST "http://127.0.0.1:$PLATFORM_PORT/api/projects" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"基准测试项目","regionCode":"140522","category":"other","nature":"new","totalInvestment":1000,"annualPlannedInvestment":100,"year":2025}' | jq -r .id)
DIRECT="http://127.0.0.1:5102/api/projects/$PROJECT"
VIA="http://127.0.0.1:$BENCH_GATEWAY_PORT/api/projects/$PROJECT"

# wrk prints Requests/sec and, with --latency, the 50% and 99% lines.
wrk_run() { wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$1"; }
rps() { awk '/Requests\/sec/ {print $2}'; }
pct() { awk -v p="$1%" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}'; }

echo "==> warm-up"
wrk -t1 -c"$CONNECTIONS" -d3s -H "Authorization: Bearer $TOKEN" "$DIRECT" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d3s -H "Authorization: Bearer $TOKEN" "$VIA" >/dev/null

echo "==> max throughput, ${DURATION}s per arm, $CONNECTIONS connections, arms alternated"
declare -a d_rps v_rps
for round in 1 2; do
  out=$(wrk_run "$DIRECT"); d_rps+=("$(echo "$out" | rps)")
  out=$(wrk_run "$VIA");    v_rps+=("$(echo "$out" | rps)")
done
d_max=$(printf '%s\n' "${d_rps[@]}" | sort -n | tail -1)
v_max=$(printf '%s\n' "${v_rps[@]}" | sort -n | tail -1)

half=$(awk -v r="$d_max" 'BEGIN {printf "%d", r / 2}')
echo "==> latency at half load ($half req/s, fixed rate)"
# hey: 8 workers, each at half/8 req/s; prints "  50% in 0.0012 secs" lines, turned into milliseconds here.
lat() { hey -z "${DURATION}s" -c 8 -q "$(( (half + 7) / 8 ))" -H "Authorization: Bearer $TOKEN" "$1" \
  | awk '/ 50% in / {p50 = $3 * 1000} / 99% in / {p99 = $3 * 1000} END {printf "%.3f %.3f\n", p50, p99}'; }
read -r d_p50 d_p99 <<<"$(lat "$DIRECT")"
read -r v_p50 v_p99 <<<"$(lat "$VIA")"

printf '\n%-28s %12s %12s %12s\n' "GET /api/projects/{id}" "direct" "via gateway" "ratio"
printf '%-28s %12.0f %12.0f %11.2fx  (target ≥ 0.85)\n' "max req/s" "$d_max" "$v_max" "$(awk -v a="$v_max" -v b="$d_max" 'BEGIN {print a/b}')"
printf '%-28s %12.3f %12.3f %+11.3f ms (target ≤ +0.3)\n' "p50 ms at half load" "$d_p50" "$v_p50" "$(awk -v a="$v_p50" -v b="$d_p50" 'BEGIN {print a-b}')"
printf '%-28s %12.3f %12.3f %+11.3f ms\n' "p99 ms at half load" "$d_p99" "$v_p99" "$(awk -v a="$v_p99" -v b="$d_p99" 'BEGIN {print a-b}')"

echo
echo "==> events: commit → consumer through the outbox vs bare MassTransit"
export PLATFORM_TEST_PG=${PLATFORM_TEST_PG:-"Host=127.0.0.1;Port=5432;Username=platform_test;Password=$PLATFORM_TEST_DB_PASSWORD;Database=postgres"}
PLATFORM_MQ_PASSWORD=$PLATFORM_MQ_OPERATOR_PASSWORD dotnet artifacts/bin/Bench/release/Bench.dll events 200 "$DURATION" 2

# BENCH_EXTRAS=none skips the long import and city benchmarks (each can also be run alone).
for extra in bench/*.sh; do
  [[ "$extra" == bench/run.sh || "${BENCH_EXTRAS:-all}" == none ]] && continue
  echo; echo "==> $extra"; bash "$extra"
done
