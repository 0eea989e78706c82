#!/usr/bin/env bash
# Dumps every platform database (pg_dump -Fc, one snapshot per database) and the cluster's roles
# (pg_dumpall --globals-only) into a new timestamped folder with a manifest and SHA256SUMS.
#
#   deploy/backup/backup.sh [--compose|--kubernetes|--host] [options] --output DIR
#
# Options (connection options below):
#   --output DIR        parent folder; the backup goes into DIR/platform-<tenant>-<UTC time>/ (never overwritten)
#   --name NAME         the backup folder's name instead of platform-<tenant>-<UTC time>
#   --tenant T          recorded in the manifest (default: $PLATFORM_TENANT, else "unknown")
#   --databases "A B"   dump these instead of the platform's list (every one must exist)
#   --rabbitmq          also export RabbitMQ's definitions (users, vhosts, permissions, queues, shovels) with
#                       rabbitmqctl export_definitions (compose service / kubernetes target rabbitmq, or local rabbitmqctl)
#   --rabbitmq-target T kubernetes target for --rabbitmq (default statefulset/platform-broker-server: the RabbitMQ
#                       Cluster Operator's, deploy/kubernetes/examples/operators); compose: --rabbitmq-service NAME (rabbitmq)
#
# Exit status 0 only when every dump was written and checksummed; anything else stops the script with a message
# and leaves the folder named *.incomplete.
SCRIPT_NAME=backup.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { help_of "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

OUTPUT=""
NAME=""
TENANT="${PLATFORM_TENANT:-unknown}"
DATABASES=()
EXPLICIT_DATABASES=false
RABBITMQ=false
RABBITMQ_SERVICE=rabbitmq
RABBITMQ_TARGET=statefulset/platform-broker-server

while [[ $# -gt 0 ]]; do
  if parse_connection_option "$@"; then shift "$SHIFT"; continue; fi
  case "$1" in
    --output|-o) [[ $# -ge 2 ]] || fail "--output needs a folder"; OUTPUT="$2"; shift 2 ;;
    --name) [[ $# -ge 2 ]] || fail "--name needs a name"; NAME="$2"; shift 2 ;;
    --tenant) [[ $# -ge 2 ]] || fail "--tenant needs a value"; TENANT="$2"; shift 2 ;;
    --databases) [[ $# -ge 2 ]] || fail "--databases needs a list"; read -r -a DATABASES <<<"$2"; EXPLICIT_DATABASES=true; shift 2 ;;
    --rabbitmq) RABBITMQ=true; shift ;;
    --rabbitmq-service) [[ $# -ge 2 ]] || fail "--rabbitmq-service needs a name"; RABBITMQ_SERVICE="$2"; shift 2 ;;
    --rabbitmq-target) [[ $# -ge 2 ]] || fail "--rabbitmq-target needs a target"; RABBITMQ_TARGET="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done

[[ -n "$OUTPUT" ]] || fail "say where to write the backup: --output DIR"
[[ "$TENANT" =~ ^[a-z0-9-]+$ ]] || fail "tenant '$TENANT' is not a tenant code (national or a province code such as lao-cai)"
check_tools

started_utc="$(date -u +%Y%m%dT%H%M%SZ)"
NAME="${NAME:-platform-${TENANT}-${started_utc}}"
mkdir -p "$OUTPUT"
FINAL="$(cd "$OUTPUT" && pwd)/${NAME}"
WORK="${FINAL}.incomplete"
[[ -e "$FINAL" ]] && fail "$FINAL already exists: a backup is never overwritten (choose another --output or --name)"
[[ -e "$WORK" ]] && fail "$WORK exists (an earlier backup failed or is running): remove it first"
mkdir "$WORK"
trap 'rc=$?; echo "${SCRIPT_NAME}: error: command failed (exit ${rc}) at line ${LINENO}: ${BASH_COMMAND}; the partial backup is in ${WORK}" >&2; exit ${rc}' ERR

server_version="$(echo "SHOW server_version" | sql postgres)"
dump_version="$(pg pg_dump --version)"

existing="$(list_databases)"
if ! $EXPLICIT_DATABASES; then
  present=()
  for db in "${PLATFORM_DATABASES[@]}"; do
    if contains_line "$existing" "$db"; then
      present+=("$db")
    elif [[ " ${OPTIONAL_DATABASES[*]} " == *" $db "* ]]; then
      note "$db is not in this cluster (optional): skipped"
    else
      rm -rf "$WORK"
      fail "database $db is missing from $(describe_target); a platform cluster has every one of: ${PLATFORM_DATABASES[*]} (use --databases to choose)"
    fi
  done
  DATABASES=("${present[@]}")
fi
[[ ${#DATABASES[@]} -gt 0 ]] || fail "no database to dump"
for db in "${DATABASES[@]}"; do
  contains_line "$existing" "$db" || { rm -rf "$WORK"; fail "database $db does not exist on $(describe_target)"; }
done

vietnam() { TZ=Asia/Ho_Chi_Minh date -d "@$1" '+%Y-%m-%d %H:%M:%S +07:00'; }
utc() { date -u -d "@$1" '+%Y-%m-%dT%H:%M:%SZ'; }

{
  echo "format: platform-backup 1"
  echo "tenant: ${TENANT}"
  echo "source: $(describe_target)"
  echo "server_version: ${server_version}"
  echo "pg_dump_version: ${dump_version}"
} >"$WORK/manifest.txt"

started_epoch="$(date +%s)"
echo "started_utc: $(utc "$started_epoch")" >>"$WORK/manifest.txt"
echo "started_vietnam: $(vietnam "$started_epoch")" >>"$WORK/manifest.txt"

# Roles (and their SCRAM password hashes): for reference and for roles the platform's list does not create.
pg pg_dumpall --globals-only --no-tablespaces -U "$PGUSER" >"$WORK/globals.sql"

owners="$(echo "SELECT datname || ' ' || pg_get_userbyid(datdba) FROM pg_database" | sql postgres)"
total_bytes=0
for db in "${DATABASES[@]}"; do
  owner="$(awk -v d="$db" '$1 == d { print $2 }' <<<"$owners")"
  begin_ns="$(date +%s%N)"
  # One transaction at REPEATABLE READ: the dump is one snapshot of this database, taken as it starts.
  pg pg_dump -Fc -U "$PGUSER" -d "$db" >"$WORK/${db}.dump"
  end_ns="$(date +%s%N)"
  bytes="$(stat -c %s "$WORK/${db}.dump")"
  [[ "$bytes" -gt 0 ]] || fail "pg_dump of $db wrote nothing"
  sum="$(sha256sum "$WORK/${db}.dump" | cut -d' ' -f1)"
  total_bytes=$((total_bytes + bytes))
  ms=$(((end_ns - begin_ns) / 1000000))
  echo "database: ${db} owner=${owner} file=${db}.dump bytes=${bytes} sha256=${sum} snapshot_utc=$(utc $((begin_ns / 1000000000))) milliseconds=${ms}" >>"$WORK/manifest.txt"
  note "dumped ${db} (${bytes} bytes, ${ms} ms)"
done
globals_sum="$(sha256sum "$WORK/globals.sql" | cut -d' ' -f1)"
echo "globals: file=globals.sql bytes=$(stat -c %s "$WORK/globals.sql") sha256=${globals_sum}" >>"$WORK/manifest.txt"

if $RABBITMQ; then
  case "$MODE" in
    compose)
      args=(compose); [[ -n "$COMPOSE_FILE_ARG" ]] && args+=(-f "$COMPOSE_FILE_ARG")
      docker "${args[@]}" exec -T "$RABBITMQ_SERVICE" rabbitmqctl -q export_definitions - >"$WORK/rabbitmq-definitions.json" ;;
    kubernetes)
      args=(); [[ -n "$KUBE_CONTEXT" ]] && args+=(--context "$KUBE_CONTEXT"); [[ -n "$KUBE_NAMESPACE" ]] && args+=(--namespace "$KUBE_NAMESPACE")
      kubectl "${args[@]}" exec -i "$RABBITMQ_TARGET" -- rabbitmqctl -q export_definitions - >"$WORK/rabbitmq-definitions.json" ;;
    host)
      rabbitmqctl -q export_definitions - >"$WORK/rabbitmq-definitions.json" ;;
  esac
  echo "rabbitmq: file=rabbitmq-definitions.json bytes=$(stat -c %s "$WORK/rabbitmq-definitions.json") sha256=$(sha256sum "$WORK/rabbitmq-definitions.json" | cut -d' ' -f1)" >>"$WORK/manifest.txt"
fi

finished_epoch="$(date +%s)"
{
  echo "finished_utc: $(utc "$finished_epoch")"
  echo "finished_vietnam: $(vietnam "$finished_epoch")"
  echo "total_bytes: ${total_bytes}"
  echo "consistency: each database is one snapshot taken at its snapshot_utc; databases were dumped one after another, not at one instant (deploy/backup/README.md)"
} >>"$WORK/manifest.txt"

(cd "$WORK" && sha256sum -- *.dump globals.sql $([[ -f rabbitmq-definitions.json ]] && echo rabbitmq-definitions.json) manifest.txt >SHA256SUMS)
mv "$WORK" "$FINAL"
trap - ERR
note "backup of ${#DATABASES[@]} database(s), ${total_bytes} bytes, in $((finished_epoch - started_epoch)) s: ${FINAL}"
echo "$FINAL"
