# shellcheck shell=bash
# Single source of truth for the platform's services.
# Sourced by ./platform and infra/*.sh. One line per service:
#   name  csproj-path (relative to repo root)  port  database ("-" = none)
# The gateway must stay last: it is started after every backend service.
# A service whose csproj does not exist yet is skipped automatically.
# A backend's line is all it needs: its database role, broker user, random passwords (infra/secrets.sh) and
# broker permissions (infra/broker-permissions.sh, from services/<Context>/ and shared/Platform.Contracts/<Context>.cs)
# follow from it.
PLATFORM_SERVICES=(
  "identity   services/Identity/Identity.Api/Identity.Api.csproj                    5101 identity"
  "projects   services/ProjectLibrary/ProjectLibrary.Api/ProjectLibrary.Api.csproj  5102 projects"
  "approvals  services/Approvals/Approvals.Api/Approvals.Api.csproj                 5103 approvals"
  "attraction services/Attraction/Attraction.Api/Attraction.Api.csproj              5104 attraction"
  "statistics services/Statistics/Statistics.Api/Statistics.Api.csproj             5105 statistics"
  "funding    services/Funding/Funding.Api/Funding.Api.csproj                       5106 funding"
  "city       services/City/City.Api/City.Api.csproj                                5107 city"
  "notifications services/Notifications/Notifications.Api/Notifications.Api.csproj 5108 notifications"
  "gateway    gateway/Gateway/Gateway.csproj                                        ${PLATFORM_PORT:-8080} -"
)

# Databases (one LOGIN role of the same name owns each), derived from the list above.
platform_databases() {
  local line db
  for line in "${PLATFORM_SERVICES[@]}"; do
    read -r _ _ _ db <<<"$line"
    [[ "$db" != "-" ]] && echo "$db"
  done
  return 0
}

# Backend services (every line with a database, i.e. all but the gateway). Each gets its own database role
# (named like its database) and its own RabbitMQ user (named like the service).
platform_backends() {
  local line name db
  for line in "${PLATFORM_SERVICES[@]}"; do
    read -r name _ _ db <<<"$line"
    [[ "$db" != "-" ]] && echo "$name"
  done
  return 0
}

# Environment-variable-safe upper-case form of a service or database name (e.g. projects -> PROJECTS).
platform_env_name() { local n=${1^^}; echo "${n//[^A-Z0-9]/_}"; }

: "${PLATFORM_PORT:=8080}"
export PLATFORM_PORT

# Secrets (database, broker and demo passwords) live in .platform/secrets.env; see infra/secrets.sh.
# shellcheck source=infra/secrets.sh
source "$(dirname "${BASH_SOURCE[0]}")/secrets.sh"
