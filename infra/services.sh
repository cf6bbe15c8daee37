# shellcheck shell=bash
# Single source of truth for the platform's services.
# Sourced by ./platform and infra/*.sh. One line per service:
#   name  csproj-path (relative to repo root)  port  database ("-" = none)
# The gateway must stay last: it is started after every backend service.
# A service whose csproj does not exist yet is skipped automatically.
PLATFORM_SERVICES=(
  "identity   services/Identity/Identity.Api/Identity.Api.csproj                    5101 identity"
  "projects   services/ProjectLibrary/ProjectLibrary.Api/ProjectLibrary.Api.csproj  5102 projects"
  "approvals  services/Approvals/Approvals.Api/Approvals.Api.csproj                 5103 approvals"
  "attraction services/Attraction/Attraction.Api/Attraction.Api.csproj              5104 attraction"
  "statistics services/Statistics/Statistics.Api/Statistics.Api.csproj             5105 statistics"
  "funding    services/Funding/Funding.Api/Funding.Api.csproj                       5106 funding"
  "city       services/City/City.Api/City.Api.csproj                                5107 city"
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

# Defaults for secrets / ports (override via environment).
: "${PLATFORM_DB_PASSWORD:=platform-dev-db}"
: "${PLATFORM_MQ_PASSWORD:=platform-dev-mq}"
: "${PLATFORM_DEMO_PASSWORD:=Demo@2025}"
: "${PLATFORM_PORT:=8080}"
export PLATFORM_DB_PASSWORD PLATFORM_MQ_PASSWORD PLATFORM_DEMO_PASSWORD PLATFORM_PORT
