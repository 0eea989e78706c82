# Shared by backup.sh and restore.sh (sourced, not run). See deploy/backup/README.md.
#
# Where PostgreSQL is reached (one of):
#   --compose [--compose-file FILE] [--service postgres]   docker compose exec -T <service> <tool> ...
#   --kubernetes [--namespace NS] [--context CTX] [--selector LABELS | --target pod/NAME] [--container postgres]
#                                                          kubectl exec -i <target> -- <tool> ...; the target is the first
#                                                          pod matching --selector, by default CloudNativePG's primary
#                                                          (cnpg.io/instanceRole=primary), or --target (e.g. statefulset/postgres)
#   --host (default)                                       the local client tools with libpq's PG* variables
#                                                          (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass, PGSSLMODE)
# In every mode the tools connect as PGUSER (default postgres), a superuser.

set -Eeuo pipefail
umask 077

# The platform's databases and the login that owns each (deploy/postgres/init-databases.sql), in backup order:
# consumers of events before the services they consume from (see README.md, "Consistency").
PLATFORM_DATABASES=(reportingdb notificationsdb dxindexdb monthlyscoringdb intakedb gatewaydb keycloakdb)
# Databases that may be absent from a cluster without it being an error.
OPTIONAL_DATABASES=(gatewaydb)

owner_of() {
  case "$1" in
    intakedb) echo intake ;;
    monthlyscoringdb) echo monthly_scoring ;;
    dxindexdb) echo dx_index ;;
    notificationsdb) echo notifications ;;
    reportingdb) echo reporting ;;
    gatewaydb) echo gateway ;;
    keycloakdb) echo keycloak ;;
    *) echo "" ;;
  esac
}

# The .env variable holding a login's password: intake -> INTAKE_DB_PASSWORD, monthly_scoring -> MONTHLY_SCORING_DB_PASSWORD.
password_variable_of() { echo "$(echo "$1" | tr '[:lower:]-' '[:upper:]_')_DB_PASSWORD"; }

MODE=host
COMPOSE_FILE_ARG=""
COMPOSE_SERVICE=postgres
KUBE_NAMESPACE=""
KUBE_CONTEXT=""
KUBE_TARGET=""
KUBE_SELECTOR="cnpg.io/instanceRole=primary"
KUBE_CONTAINER=""
export PGUSER="${PGUSER:-postgres}"

# The comment block at the top of a script (after the #! line), then the connection options of this file.
help_of() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"
  echo
  awk 'NR > 0 && /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"
}

fail() {
  echo "${SCRIPT_NAME}: error: $*" >&2
  exit 1
}

note() { echo "${SCRIPT_NAME}: $*" >&2; }

trap 'rc=$?; echo "${SCRIPT_NAME}: error: command failed (exit ${rc}) at line ${LINENO}: ${BASH_COMMAND}" >&2; exit ${rc}' ERR

# Parses one connection option; returns 1 when the argument is not one. Sets SHIFT to how many arguments it took.
parse_connection_option() {
  SHIFT=1
  case "$1" in
    --compose) MODE=compose ;;
    --compose-file) [[ $# -ge 2 ]] || fail "--compose-file needs a file"; COMPOSE_FILE_ARG="$2"; MODE=compose; SHIFT=2 ;;
    --service) [[ $# -ge 2 ]] || fail "--service needs a name"; COMPOSE_SERVICE="$2"; SHIFT=2 ;;
    --kubernetes) MODE=kubernetes ;;
    --namespace|-n) [[ $# -ge 2 ]] || fail "--namespace needs a name"; KUBE_NAMESPACE="$2"; SHIFT=2 ;;
    --context) [[ $# -ge 2 ]] || fail "--context needs a name"; KUBE_CONTEXT="$2"; SHIFT=2 ;;
    --target) [[ $# -ge 2 ]] || fail "--target needs pod/NAME or statefulset/NAME"; KUBE_TARGET="$2"; SHIFT=2 ;;
    --selector|-l) [[ $# -ge 2 ]] || fail "--selector needs labels"; KUBE_SELECTOR="$2"; KUBE_TARGET=""; SHIFT=2 ;;
    --container) [[ $# -ge 2 ]] || fail "--container needs a name"; KUBE_CONTAINER="$2"; SHIFT=2 ;;
    --host) MODE=host ;;
    *) return 1 ;;
  esac
}

# Host mode: call Debian's binaries directly (newest installed major version, as pg_wrapper would choose for a remote
# server) rather than through the pg_wrapper Perl script, which costs a few hundred milliseconds per call. PG_BIN overrides.
resolve_host_binaries() {
  if [[ -z "${PG_BIN:-}" ]]; then
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  fi
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/psql" ]] || fail "PG_BIN=$PG_BIN has no psql"
    PATH="$PG_BIN:$PATH"
  fi
}

# Runs a PostgreSQL client tool where the server is; standard input and output pass through (binary-safe).
pg() {
  case "$MODE" in
    compose)
      local args=(compose)
      [[ -n "$COMPOSE_FILE_ARG" ]] && args+=(-f "$COMPOSE_FILE_ARG")
      docker "${args[@]}" exec -T "$COMPOSE_SERVICE" "$@"
      ;;
    kubernetes)
      local args=()
      [[ -n "$KUBE_CONTEXT" ]] && args+=(--context "$KUBE_CONTEXT")
      [[ -n "$KUBE_NAMESPACE" ]] && args+=(--namespace "$KUBE_NAMESPACE")
      args+=(exec -i "$KUBE_TARGET")
      [[ -n "$KUBE_CONTAINER" ]] && args+=(--container "$KUBE_CONTAINER")
      kubectl "${args[@]}" -- "$@"
      ;;
    host)
      "$@"
      ;;
  esac
}

# psql returning unaligned rows; -X ignores any ~/.psqlrc. SQL on standard input (never on the command line: passwords).
sql() {
  local database="$1"
  pg psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGUSER" -d "$database"
}

describe_target() {
  case "$MODE" in
    compose) echo "compose service ${COMPOSE_SERVICE}${COMPOSE_FILE_ARG:+ (${COMPOSE_FILE_ARG})}" ;;
    kubernetes) echo "kubernetes ${KUBE_CONTEXT:+${KUBE_CONTEXT}/}${KUBE_NAMESPACE:-<current namespace>}/${KUBE_TARGET:-<${KUBE_SELECTOR}>}" ;;
    host) echo "host ${PGHOST:-<local socket>}:${PGPORT:-5432}" ;;
  esac
}

check_tools() {
  [[ "$MODE" == host ]] && resolve_host_binaries
  case "$MODE" in
    compose) command -v docker >/dev/null || fail "docker is not installed (needed for --compose)" ;;
    kubernetes)
      command -v kubectl >/dev/null || fail "kubectl is not installed (needed for --kubernetes)"
      if [[ -z "$KUBE_TARGET" ]]; then
        local args=()
        [[ -n "$KUBE_CONTEXT" ]] && args+=(--context "$KUBE_CONTEXT")
        [[ -n "$KUBE_NAMESPACE" ]] && args+=(--namespace "$KUBE_NAMESPACE")
        KUBE_TARGET="$(kubectl "${args[@]}" get pods --selector "$KUBE_SELECTOR" --field-selector status.phase=Running -o name | head -n1)"
        [[ -n "$KUBE_TARGET" ]] || fail "no running pod matches --selector $KUBE_SELECTOR in ${KUBE_NAMESPACE:-the current namespace}: say which with --selector or --target"
      fi
      ;;
    host) command -v psql >/dev/null || fail "psql is not installed (Debian: apt-get install postgresql-client-15)" ;;
  esac
  command -v sha256sum >/dev/null || fail "sha256sum is not installed (coreutils)"
  if ! echo "SELECT 1" | sql postgres >/dev/null; then
    fail "cannot connect to PostgreSQL as ${PGUSER} on $(describe_target); check the connection options / PG* variables"
  fi
  [[ "$(echo "SELECT rolsuper FROM pg_roles WHERE rolname = current_user" | sql postgres)" == "t" ]] \
    || fail "${PGUSER} is not a superuser on $(describe_target): backups and restores need one (PGUSER=postgres)"
}

# Names of the cluster's databases, one per line.
list_databases() { echo "SELECT datname FROM pg_database WHERE NOT datistemplate" | sql postgres; }
list_roles() { echo "SELECT rolname FROM pg_roles" | sql postgres; }
contains_line() { grep -qxF -- "$2" <<<"$1"; }

database_exists() {
  [[ "$(printf "SELECT 1 FROM pg_database WHERE datname = '%s'" "$1" | sql postgres)" == "1" ]]
}

sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }
sql_identifier() { printf '"%s"' "${1//\"/\"\"}"; }
