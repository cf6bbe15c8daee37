#!/usr/bin/env bash
# Idempotent: installs rabbitmq-server (Debian package) if absent, starts it without systemd,
# creates vhosts platform + platform_test with a policy selecting classic queue version 2, the operator
# user ($PLATFORM_MQ_OPERATOR_USER, full rights: tests and people, never services) and one user per backend
# service whose permissions come from infra/broker-permissions.sh. Passwords: infra/secrets.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=infra/services.sh
source infra/services.sh

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

# 3. vhosts, users, permissions, policies
existing_vhosts=$(ctl list_vhosts --no-table-headers name)
for vh in "${MQ_VHOSTS[@]}"; do
  if ! grep -qx "$vh" <<<"$existing_vhosts"; then
    log "creating vhost $vh"
    ctl add_vhost "$vh" >/dev/null
  fi
  if ! ctl list_policies -p "$vh" --no-table-headers 2>/dev/null | grep -q 'queue-version'; then
    ctl set_policy -p "$vh" cqv2 ".*" '{"queue-version":2}' --apply-to queues >/dev/null
  fi
done

user_list=$(ctl list_users --no-table-headers) # "name<TAB>[tag, ...]"
users=$(awk '{print $1}' <<<"$user_list")
ensure_user() { # name password tags: create, or bring the password and tags in line with the secrets
  if grep -qx "$1" <<<"$users"; then
    if ! ctl authenticate_user "$1" "$2" >/dev/null 2>&1; then
      log "updating the password of user $1"
      ctl change_password "$1" "$2" >/dev/null
    fi
  else
    log "creating user $1"
    ctl add_user "$1" "$2" >/dev/null
  fi
  if [[ "$(awk -F'\t' -v u="$1" '$1 == u {print $2}' <<<"$user_list")" != "[$3]" ]]; then
    ctl set_user_tags "$1" $3 >/dev/null
  fi
}
declare -A current=() # "vhost user" -> "configure write read" as the broker has it now
for vh in "${MQ_VHOSTS[@]}"; do
  while IFS=$'\t' read -r user conf write read; do
    current["$vh $user"]="$conf"$'\t'"$write"$'\t'"$read"
  done < <(ctl list_permissions -p "$vh" --no-table-headers)
done
ensure_permissions() { # user configure write read (on every vhost)
  local vh
  for vh in "${MQ_VHOSTS[@]}"; do
    if [[ "${current["$vh $1"]:-}" != "$2"$'\t'"$3"$'\t'"$4" ]]; then
      ctl set_permissions -p "$vh" "$1" "$2" "$3" "$4" >/dev/null
    fi
  done
}

# The operator (and test harness): full rights, never given to a service.
ensure_user "$PLATFORM_MQ_OPERATOR_USER" "$PLATFORM_MQ_OPERATOR_PASSWORD" management
ensure_permissions "$PLATFORM_MQ_OPERATOR_USER" ".*" ".*" ".*"

# RabbitMQ's built-in guest/guest administrator: any process on this host could use it to publish anything.
if grep -qx guest <<<"$users"; then
  ctl delete_user guest >/dev/null
  log "deleted the built-in guest user"
fi

# One user per backend service, allowed to publish only its own contracts (infra/broker-permissions.sh,
# derived for all services at once in the background).
perm_dir=$(mktemp -d)
trap 'rm -rf "$perm_dir"' EXIT
pids=()
for svc in $(platform_backends); do
  bash infra/broker-permissions.sh "$svc" >"$perm_dir/$svc" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
for svc in $(platform_backends); do
  var=PLATFORM_MQ_PASSWORD_$(platform_env_name "$svc")
  [[ "$svc" == "$PLATFORM_MQ_OPERATOR_USER" ]] && { log "error: the operator user must not be named like service $svc"; exit 1; }
  ensure_user "$svc" "${!var}" ""
  mapfile -t perms <"$perm_dir/$svc"
  [[ ${#perms[@]} -eq 3 ]] || { log "error: infra/broker-permissions.sh $svc printed no permissions"; exit 1; }
  ensure_permissions "$svc" "${perms[@]}"
done

log "ready on 127.0.0.1:5672 (vhosts: ${MQ_VHOSTS[*]}; operator: $PLATFORM_MQ_OPERATOR_USER; services: $(platform_backends | paste -sd " "))"
