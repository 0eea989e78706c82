#!/bin/sh
# Creates (or repairs) the services' logins and databases on an existing PostgreSQL 15+ cluster: a managed
# PostgreSQL, a cluster started without deploy/postgres in docker-entrypoint-initdb.d, or from a Kubernetes Job.
# Idempotent: safe to run at every deployment; it also resets each login's password to the environment's value.
#
#   PGHOST=db.example PGUSER=postgres PGPASSWORD=... \
#   INTAKE_DB_PASSWORD=... MONTHLY_SCORING_DB_PASSWORD=... DX_INDEX_DB_PASSWORD=... NOTIFICATIONS_DB_PASSWORD=... \
#   REPORTING_DB_PASSWORD=... GATEWAY_DB_PASSWORD=... KEYCLOAK_DB_PASSWORD=... sh deploy/postgres/create-logins.sh
#
# Connection: libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGSSLMODE, ...); PGDATABASE defaults to postgres.
# Waits up to PG_WAIT_SECONDS (default 120) for the server. Needs psql 15 or later (the postgres:15 image has it).
# Exit codes: 0 done; 1 the server did not answer; 3 the SQL failed (e.g. a password unset: nothing was changed).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
: "${PGDATABASE:=postgres}"
export PGDATABASE

waited=0
until psql -X -q -t -c 'SELECT 1' >/dev/null 2>&1; do
  if [ "$waited" -ge "${PG_WAIT_SECONDS:-120}" ]; then
    echo "PostgreSQL at ${PGHOST:-local socket}:${PGPORT:-5432} did not answer within ${PG_WAIT_SECONDS:-120} s as ${PGUSER:-$(id -un)}:" >&2
    psql -X -q -t -c 'SELECT 1' >&2 || true
    exit 1
  fi
  sleep 2
  waited=$((waited + 2))
done

exec psql -X -v ON_ERROR_STOP=1 -f "$here/init-databases.sql"
