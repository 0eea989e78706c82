#!/bin/sh
# Gives an outside system read-only access to the platform's events: a RabbitMQ user <name> that may declare, bind and
# consume only queues named <name>.<anything>, bind them to (read) the Platform.Contracts:<Event> exchanges, and write
# nowhere else: it cannot publish an event, touch a service's queue or declare a contract exchange.
#
#   RABBITMQ_HOST=rabbitmq RABBITMQ_ADMIN_USER=admin RABBITMQ_ADMIN_PASSWORD=... \
#   SUBSCRIBER_PASSWORD=... sh deploy/rabbitmq/add-subscriber.sh he-thong-57
#
# <name>: 2 to 40 characters, a-z, 0-9 and '-', starting with a letter; not a service's user nor a reserved word.
# SUBSCRIBER_PASSWORD unset: a random one is generated and printed once (give it to the subscriber's operators).
# Same environment as apply-users.sh (RABBITMQ_HOST, RABBITMQ_MANAGEMENT_PORT, RABBITMQ_MANAGEMENT_SCHEME,
# RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD, RABBITMQ_VHOST). Idempotent: run again, it resets the password and
# the permissions. Remove a subscriber: sh deploy/rabbitmq/add-subscriber.sh --remove <name> (its queues stay until
# deleted in the management UI).
# Exit codes: 0 done; 1 the management API failed; 2 a bad name or a missing admin value.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
file=$here/permissions.json
remove=false
if [ "${1:-}" = "--remove" ]; then remove=true; shift; fi
name=${1:-}
host=${RABBITMQ_HOST:-rabbitmq}
port=${RABBITMQ_MANAGEMENT_PORT:-15672}
scheme=${RABBITMQ_MANAGEMENT_SCHEME:-http}
api="$scheme://$host:$port/api"

fail() { echo "add-subscriber: $*" >&2; exit "${code:-1}"; }
for tool in curl jq; do command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (the script needs curl and jq)."; done
vhost=${RABBITMQ_VHOST:-$(jq -r '.vhost' "$file")}

case "$name" in
  "" ) code=2 fail "usage: add-subscriber.sh [--remove] <name>  (a-z, 0-9, '-'; e.g. he-thong-57)" ;;
esac
if ! printf '%s' "$name" | grep -Eq '^[a-z][a-z0-9-]{1,39}$'; then
  code=2 fail "'$name' is not a subscriber name: 2 to 40 characters, a-z, 0-9 and '-', starting with a letter."
fi
if jq -e --arg n "$name" '.users | has($n)' "$file" >/dev/null; then
  code=2 fail "'$name' is a service's user (permissions.json); choose another name."
fi
case "$name" in
  platform | federation | province | amq | admin | guest | masstransit | "${RABBITMQ_ADMIN_USER:-}")
    code=2 fail "'$name' is reserved; choose another name." ;;
esac
case "${RABBITMQ_ADMIN_USER:-}" in "" | *CHANGE-ME*) code=2 fail "set RABBITMQ_ADMIN_USER." ;; esac
case "${RABBITMQ_ADMIN_PASSWORD:-}" in "" | *CHANGE-ME*) code=2 fail "set RABBITMQ_ADMIN_PASSWORD." ;; esac

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
segment() { jq -rn --arg s "$1" '$s | @uri'; }
call() {
  answer=$(printf '%s' "${3:-}" | curl -sS -o "$tmp" -w '%{http_code}' -u "$RABBITMQ_ADMIN_USER:$RABBITMQ_ADMIN_PASSWORD" \
    -H 'content-type: application/json' -X "$1" --data-binary @- "$api/$2" 2>>"$tmp") || true
  case "$answer" in
    2??) ;;
    404) [ "$1" = DELETE ] || fail "$1 $2 answered 404: $(cat "$tmp")" ;;
    *) fail "$1 $2 answered ${answer:-nothing}: $(cat "$tmp")" ;;
  esac
}

u=$(segment "$name")
v=$(segment "$vhost")
if [ "$remove" = true ]; then
  call DELETE "users/$u"
  echo "add-subscriber: $name removed"
  exit 0
fi

generated=false
password=${SUBSCRIBER_PASSWORD:-}
case "$password" in *CHANGE-ME*) code=2 fail "set a real SUBSCRIBER_PASSWORD (or leave it unset to generate one)." ;; esac
if [ -z "$password" ]; then
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n' | cut -c 1-28)
  generated=true
fi

# The template's <name> becomes the subscriber's name; names hold no regex metacharacters but '-', literal here.
permissions=$(jq -c --arg n "$name" '.subscriber | {configure, write, read} | map_values(gsub("<name>"; $n))' "$file")
call PUT "users/$u" "$(jq -cn --arg p "$password" '{password: $p, tags: ""}')"
call PUT "permissions/$v/$u" "$permissions"
echo "add-subscriber: $name may read the platform's events on vhost $vhost from its own queues $name.<anything>"
echo "add-subscriber: permissions $permissions"
if [ "$generated" = true ]; then
  echo "add-subscriber: generated password (shown once): $password"
fi
