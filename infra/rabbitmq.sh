#!/usr/bin/env bash
# Idempotent: installs rabbitmq-server (Debian package) if absent, starts it without systemd,
# creates vhosts platform + platform_test, user "platform" with full permissions on both,
# and a policy selecting classic queue version 2 on each vhost.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=infra/services.sh
source infra/services.sh

MQ_USER=platform
MQ_VHOSTS=(platform platform_test)

log() { echo "[rabbitmq] $*"; }
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
ctl() { as_root rabbitmqctl -q "$@"; }

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
if ! command -v rabbitmq-server >/dev/null 2>&1 || ! dpkg -s rabbitmq-server >/dev/null 2>&1; then
  log "installing rabbitmq-server"
  wait_for_apt_lock
  as_root apt-get update -qq
  wait_for_apt_lock
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
fi

# 2. running (the SysV init script works without systemd: start-stop-daemon + rabbitmqctl wait)
node_up() { timeout 20 rabbitmq-diagnostics -q ping >/dev/null 2>&1; }
app_running() { timeout 20 rabbitmq-diagnostics -q check_running >/dev/null 2>&1; }
wait_app() { # seconds
  local _
  for _ in $(seq 1 "$1"); do
    if app_running; then return 0; fi
    sleep 1
  done
  return 1
}
fail() {
  log "$1; last log lines:"
  tail -n 40 /var/log/rabbitmq/startup_err /var/log/rabbitmq/startup_log /var/log/rabbitmq/rabbit@*.log 2>/dev/null || true
  exit 1
}
if ! app_running; then
  if node_up; then
    # node is up but the rabbit app is not (booting, or stopped with stop_app)
    if ! wait_app 30; then
      log "starting the rabbit application (rabbitmqctl start_app)"
      as_root timeout 120 rabbitmqctl -q start_app >/dev/null || true
      wait_app 60 || fail "the rabbit application did not start"
    fi
  else
    log "starting rabbitmq-server"
    as_root timeout 180 /etc/init.d/rabbitmq-server start >/dev/null || true
    wait_app 90 || fail "RabbitMQ did not start"
  fi
fi

# 3. vhosts, user, permissions, policies
existing_vhosts=$(ctl list_vhosts --no-table-headers name)
for vh in "${MQ_VHOSTS[@]}"; do
  if ! grep -qx "$vh" <<<"$existing_vhosts"; then
    log "creating vhost $vh"
    ctl add_vhost "$vh" >/dev/null
  fi
done

users=$(ctl list_users --no-table-headers)
if awk '{print $1}' <<<"$users" | grep -qx "$MQ_USER"; then
  # keep the password in sync with PLATFORM_MQ_PASSWORD (cheap no-op check first)
  if ! ctl authenticate_user "$MQ_USER" "$PLATFORM_MQ_PASSWORD" >/dev/null 2>&1; then
    log "updating password of user $MQ_USER"
    ctl change_password "$MQ_USER" "$PLATFORM_MQ_PASSWORD" >/dev/null
  fi
else
  log "creating user $MQ_USER"
  ctl add_user "$MQ_USER" "$PLATFORM_MQ_PASSWORD" >/dev/null
fi
if ! grep -E "^${MQ_USER}[[:space:]]" <<<"$users" | grep -q management; then
  ctl set_user_tags "$MQ_USER" management >/dev/null
fi

perms=$(ctl list_user_permissions --no-table-headers "$MQ_USER" 2>/dev/null || true)
for vh in "${MQ_VHOSTS[@]}"; do
  if ! grep -qxE "${vh}[[:space:]]+\.\*[[:space:]]+\.\*[[:space:]]+\.\*" <<<"$perms"; then
    ctl set_permissions -p "$vh" "$MQ_USER" ".*" ".*" ".*" >/dev/null
  fi
  if ! ctl list_policies -p "$vh" --no-table-headers 2>/dev/null | grep -q 'queue-version'; then
    ctl set_policy -p "$vh" cqv2 ".*" '{"queue-version":2}' --apply-to queues >/dev/null
  fi
done

log "ready on 127.0.0.1:5672 (vhosts: ${MQ_VHOSTS[*]}, user: $MQ_USER)"
