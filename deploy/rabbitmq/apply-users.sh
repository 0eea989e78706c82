#!/bin/sh
# Creates (or updates) one RabbitMQ user per service with the permissions of deploy/rabbitmq/permissions.json, through
# the management HTTP API, so it runs from a small container (curl + jq) or a Kubernetes Job. Idempotent: run it at
# every deployment; it sets each password to the environment's value (a way to rotate them) and the permissions to
# the file's. It touches nothing else: not the admin user, not other users, not queues or exchanges.
#
#   RABBITMQ_HOST=rabbitmq RABBITMQ_ADMIN_USER=admin RABBITMQ_ADMIN_PASSWORD=... \
#   INTAKE_AMQP_PASSWORD=... MONTHLY_SCORING_AMQP_PASSWORD=... DX_INDEX_AMQP_PASSWORD=... \
#   NOTIFICATIONS_AMQP_PASSWORD=... REPORTING_AMQP_PASSWORD=... sh deploy/rabbitmq/apply-users.sh [permissions.json]
#
# Environment:
#   RABBITMQ_HOST (default rabbitmq), RABBITMQ_MANAGEMENT_PORT (default 15672), RABBITMQ_MANAGEMENT_SCHEME (http|https,
#   default http), RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD (an administrator; setup only), RABBITMQ_VHOST (default:
#   the file's vhost, platform; created when missing), RABBITMQ_WAIT_SECONDS (default 120: how long to wait for the
#   management API), and one password per user, named in the file (password_env), e.g. INTAKE_AMQP_PASSWORD.
# Exit codes: 0 done; 1 the management API did not answer or refused a change; 2 a required value is unset, empty or
# still CHANGE-ME (nothing was changed).
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
file=${1:-$here/permissions.json}
host=${RABBITMQ_HOST:-rabbitmq}
port=${RABBITMQ_MANAGEMENT_PORT:-15672}
scheme=${RABBITMQ_MANAGEMENT_SCHEME:-http}
api="$scheme://$host:$port/api"

fail() { echo "apply-users: $*" >&2; exit "${code:-1}"; }
for tool in curl jq; do command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (the script needs curl and jq)."; done
[ -r "$file" ] || fail "cannot read $file"
vhost=${RABBITMQ_VHOST:-$(jq -r '.vhost' "$file")}

# Every required value first, so a missing one changes nothing.
missing=""
check() { # name value
  case "$2" in
    "" | *CHANGE-ME*) missing="$missing $1" ;;
  esac
}
check RABBITMQ_ADMIN_USER "${RABBITMQ_ADMIN_USER:-}"
check RABBITMQ_ADMIN_PASSWORD "${RABBITMQ_ADMIN_PASSWORD:-}"
for variable in $(jq -r '.users[].password_env' "$file"); do
  case "$variable" in "" | *[!A-Z0-9_]*) fail "$file: password_env '$variable' is not an environment variable name" ;; esac
  eval "value=\${$variable:-}"
  check "$variable" "$value"
done
[ -z "$missing" ] || code=2 fail "set a real value in:$missing (unset, empty or CHANGE-ME); nothing was changed."

# Percent-encodes one path segment (user and vhost names).
segment() { jq -rn --arg s "$1" '$s | @uri'; }

# call METHOD PATH [BODY]: fails with the API's answer on anything but 2xx.
call() {
  answer=$(printf '%s' "${3:-}" | curl -sS -o "$tmp" -w '%{http_code}' -u "$RABBITMQ_ADMIN_USER:$RABBITMQ_ADMIN_PASSWORD" \
    -H 'content-type: application/json' -X "$1" --data-binary @- "$api/$2" 2>>"$tmp") || true
  case "$answer" in
    2??) ;;
    *) fail "$1 $2 answered ${answer:-nothing}: $(cat "$tmp")" ;;
  esac
}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

waited=0
until curl -fsS -o /dev/null -u "$RABBITMQ_ADMIN_USER:$RABBITMQ_ADMIN_PASSWORD" "$api/overview" 2>"$tmp"; do
  if [ "$waited" -ge "${RABBITMQ_WAIT_SECONDS:-120}" ]; then
    fail "the management API at $api did not answer within ${RABBITMQ_WAIT_SECONDS:-120} s: $(cat "$tmp"). Is the rabbitmq_management plugin enabled (deploy/rabbitmq/enabled_plugins) and the admin user right?"
  fi
  sleep 2
  waited=$((waited + 2))
done

v=$(segment "$vhost")
call PUT "vhosts/$v" '{}'
for user in $(jq -r '.users | keys[]' "$file"); do
  variable=$(jq -r --arg u "$user" '.users[$u].password_env' "$file")
  eval "password=\${$variable}"
  u=$(segment "$user")
  call PUT "users/$u" "$(jq -cn --arg p "$password" --arg t "$(jq -r --arg u "$user" '.users[$u].tags // ""' "$file")" '{password: $p, tags: $t}')"
  call PUT "permissions/$v/$u" "$(jq -c --arg u "$user" '.users[$u] | {configure, write, read}' "$file")"
  echo "apply-users: $user ready on vhost $vhost"
done
