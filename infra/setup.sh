#!/usr/bin/env bash
# Idempotent local infrastructure: PostgreSQL 15, RabbitMQ, JWT keys, each applying the current secrets of
# .platform/secrets.env (generated on first use by infra/secrets.sh). Used by `./platform up` and `./platform test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/postgres.sh
bash infra/rabbitmq.sh
bash infra/keys.sh
