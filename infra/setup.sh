#!/usr/bin/env bash
# Idempotent local infrastructure: PostgreSQL 15, RabbitMQ, JWT keys. Used by `./platform up` and `./platform test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/postgres.sh
bash infra/rabbitmq.sh
bash infra/keys.sh
