# Shared by the federation scripts: the management HTTP API of the broker they configure.
# RABBITMQ_API (e.g. http://127.0.0.1:15672), RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD, RABBITMQ_VHOST (default platform).
set -euo pipefail

require() {
  local name=$1 value=${!1:-}
  if [[ -z "$value" || "$value" == *CHANGE-ME* ]]; then
    echo "error: $name is not set (or still CHANGE-ME). Fix: export $name=… and run again." >&2
    exit 2
  fi
}

require RABBITMQ_API
require RABBITMQ_ADMIN_USER
require RABBITMQ_ADMIN_PASSWORD
RABBITMQ_VHOST=${RABBITMQ_VHOST:-platform}
VHOST_PATH=$(jq -rn --arg v "$RABBITMQ_VHOST" '$v|@uri')

# api METHOD PATH [JSON]: one call; any answer but 2xx stops the script with the broker's reason.
api() {
  local method=$1 path=$2 body=${3:-} out status
  out=$(mktemp)
  if [[ -n "$body" ]]; then
    status=$(curl -sS -o "$out" -w '%{http_code}' -u "$RABBITMQ_ADMIN_USER:$RABBITMQ_ADMIN_PASSWORD" -X "$method" \
      -H 'content-type: application/json' --data-binary "$body" "$RABBITMQ_API/api/$path")
  else
    status=$(curl -sS -o "$out" -w '%{http_code}' -u "$RABBITMQ_ADMIN_USER:$RABBITMQ_ADMIN_PASSWORD" -X "$method" "$RABBITMQ_API/api/$path")
  fi
  if [[ "$status" != 2* ]]; then
    echo "error: $method $path answered $status: $(cat "$out")" >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

uri() { jq -rn --arg v "$1" '$v|@uri'; }

# The contract exchanges as MassTransit declares them: durable fanout.
declare_exchange() { api PUT "exchanges/$VHOST_PATH/$(uri "$1")" '{"type":"fanout","durable":true,"auto_delete":false,"internal":false,"arguments":{}}' >/dev/null; }
declare_queue() { api PUT "queues/$VHOST_PATH/$(uri "$1")" '{"durable":true,"auto_delete":false,"arguments":{}}' >/dev/null; }
bind_queue() { api POST "bindings/$VHOST_PATH/e/$(uri "$1")/q/$(uri "$2")" '{"routing_key":"","arguments":{}}' >/dev/null; }

# Results the centre returns to a province (deploy/README.md, Federation): exchange → suffix of the centre's queue.
RESULT_EXCHANGES=("Platform.Contracts:ScoresPublished" "Platform.Contracts:ScoresPublishedPart" "Platform.Contracts:DxIndexPublished")
result_queue() { echo "federation.to.$1.${2#Platform.Contracts:}"; }

check_code() {
  if [[ ! "$1" =~ ^[a-z0-9-]+$ ]]; then
    echo "error: '$1' is not a province unit code (a-z, 0-9, '-'), e.g. lao-cai." >&2
    exit 2
  fi
}
