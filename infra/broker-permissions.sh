#!/usr/bin/env bash
# Prints the RabbitMQ permissions of one service's broker user, derived from the code:
#   ./infra/broker-permissions.sh <service> [endpoint-prefix]
# Three lines: configure, write, read (anchored regular expressions for rabbitmqctl set_permissions).
#
#   publishes: the types named in Publishes<T>() in the service's source (services/<Context>/...) that are
#              declared in its own contracts file shared/Platform.Contracts/<Context>.cs. A Publishes<T>() of
#              another context's type gets no permission (and fails BrokerPermissionTests).
#   consumes:  the contract types named in a consumer's base type (InboxConsumer<T, ...>, IConsumer<T>,
#              ProjectionConsumer<T>) in the service's source.
#   own:       everything named "<prefix>-..." (Messaging:EndpointPrefix; default the service name, tests
#              use "<service>-<run id>"): its queues, their same-named exchanges, _error/_skipped queues,
#              and its bus endpoint queue.
# MassTransit names a message type's exchange "<namespace>:<type>". When a consumer gives up on a message it
# moves it to "<queue>_error" and publishes Fault<T> to "MassTransit:Fault--<namespace>:<type>--" (bound to
# "MassTransit:Fault"); a message it cannot even read also goes to "MassTransit:ReceiveFault". A refused fault
# publish would keep the message from reaching the error queue (RestrictedBrokerUserTests), so consumers get them.
# The bus endpoint queue (host_process_bus_...) is created only for request/response, which no service uses.
#
#   configure = own | published | consumed | faults of consumed | fault bases   (declare what MassTransit declares)
#   write     = own | published | faults of consumed | fault bases              (publish, bind into)
#   read      = own | consumed | faults of consumed | ReceiveFault               (consume, bind from)
# Write on another context's exchange is what a forged event needs; nobody has it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=infra/services.sh
source infra/services.sh

service=${1:?usage: $0 <service> [endpoint-prefix]}
prefix=${2:-$service}
CONTRACTS=shared/Platform.Contracts

line=$(printf '%s\n' "${PLATFORM_SERVICES[@]}" | awk -v s="$service" '$1 == s')
[[ -n "$line" ]] || { echo "unknown service $service (see infra/services.sh)" >&2; exit 2; }
read -r _ project _ _ <<<"$line"
context=$(cut -d/ -f2 <<<"$project")  # services/<Context>/<Context>.Api/... -> <Context>
source_dir=$(dirname "$project")

# "Namespace:Type" for every record declared in the contracts files.
contract_exchanges() {
  local file ns
  for file in "$CONTRACTS"/*.cs; do
    ns=$(sed -nE 's/^namespace ([A-Za-z0-9_.]+);.*/\1/p' "$file" | head -1)
    grep -oE 'public (sealed )?record [A-Za-z0-9_]+' "$file" | awk -v ns="$ns" '{print ns ":" $NF}'
  done
}
all=$(contract_exchanges)
own_contracts=$([[ -f "$CONTRACTS/$context.cs" ]] && sed -nE 's/^namespace ([A-Za-z0-9_.]+);.*/\1/p' "$CONTRACTS/$context.cs" || true)

names_in_source() { # regex with one group -> the distinct type names it captures in the service's C# source
  grep -rhoE --include='*.cs' "$1" "$source_dir" 2>/dev/null | sed -E "s/$1/\1/" | sort -u
}
exchange_of() { # type name -> its exchange, if it is a contract type
  awk -F: -v t="$1" '$2 == t' <<<"$all"
}

published=() consumed=()
for type in $(names_in_source 'Publishes<([A-Za-z0-9_]+)>'); do
  ex=$(exchange_of "$type")
  [[ -n "$ex" && -n "$own_contracts" && "$ex" == "$own_contracts:"* ]] && published+=("$ex")
done
for type in $(names_in_source 'Consumer<([A-Za-z0-9_]+)[,>]'); do
  ex=$(exchange_of "$type")
  [[ -n "$ex" ]] && consumed+=("$ex")
done

quote() { sed -e 's/[.]/\\./g'; } # exchange names hold letters, digits, "." and ":" only
alt() { # exchange names -> one alternation, quoted
  local out="" x
  for x in "$@"; do out+="|$(quote <<<"$x")"; done
  echo "$out"
}
faults=()
for ex in ${consumed[@]+"${consumed[@]}"}; do faults+=("MassTransit:Fault--$ex--"); done
fault_base=() receive_fault=() # shared; nobody consumes them, so write lets a consumer report into the void
if [[ ${#consumed[@]} -gt 0 ]]; then
  fault_base=("MassTransit:Fault" "MassTransit:ReceiveFault")
  receive_fault=("MassTransit:ReceiveFault") # read: MassTransit binds it to MassTransit:Fault (ReceiveFault is a Fault)
fi

own="$(quote <<<"$prefix")-.*"
echo "^($own$(alt ${published[@]+"${published[@]}"} ${consumed[@]+"${consumed[@]}"} ${faults[@]+"${faults[@]}"} ${fault_base[@]+"${fault_base[@]}"}))\$"
echo "^($own$(alt ${published[@]+"${published[@]}"} ${faults[@]+"${faults[@]}"} ${fault_base[@]+"${fault_base[@]}"}))\$"
echo "^($own$(alt ${consumed[@]+"${consumed[@]}"} ${faults[@]+"${faults[@]}"} ${receive_fault[@]+"${receive_fault[@]}"}))\$"
