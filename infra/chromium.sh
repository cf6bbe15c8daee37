#!/usr/bin/env bash
# Idempotent: Debian's chromium for the console's browser tests (web/e2e). No browser download works here,
# so Playwright drives this one (executablePath /usr/bin/chromium). Only `./platform test` needs it.
set -euo pipefail
# CJK fonts too, or the Chinese pages render as boxes in screenshots.
if [[ -x /usr/bin/chromium ]] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "error: /usr/bin/chromium is missing; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "==> installing chromium (Debian package) for the browser tests"
export DEBIAN_FRONTEND=noninteractive
for _ in $(seq 1 150); do # another apt/dpkg (e.g. infra/postgres.sh) may hold the lock
  fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1 || break
  sleep 2
done
log=$(mktemp)
if ! { apt-get update -qq || apt-get update -qq; } >"$log" 2>&1 ||
   ! apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >>"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "error: could not install chromium for the browser tests" >&2
  exit 1
fi
rm -f "$log"
/usr/bin/chromium --version 2>/dev/null
