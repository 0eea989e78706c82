#!/usr/bin/env bash
# Restores a backup made by backup.sh into a fresh PostgreSQL cluster.
#
#   deploy/backup/restore.sh [--compose|--kubernetes|--host] [options] BACKUP_DIR
#
# In order, stopping at the first problem and changing nothing before step 3:
#   1. verifies every file against SHA256SUMS and the manifest (a changed or missing file stops the restore);
#   2. checks the target: each database of the backup must be absent or empty (no table, view, sequence or schema
#      of its own), otherwise it refuses, unless --force (which DROPS and re-creates those databases);
#   3. creates what deploy/postgres/init-databases.sql creates: the owning login (password from the .env variable
#      <LOGIN>_DB_PASSWORD, e.g. INTAKE_DB_PASSWORD; an existing login is kept with its password) and the database
#      (OWNER the login, UTF8, REVOKE ALL FROM PUBLIC);
#   4. pg_restore --no-owner --role=<login> --single-transaction --exit-on-error: every object belongs to the
#      service's login, whoever owned it in the source; a database is restored entirely or not at all.
#
# Options (connection options below):
#   --force                  replace non-empty databases (DROP DATABASE ... WITH (FORCE)); stop the services first
#   --tenant T               refuse a backup of another tenant (default: $PLATFORM_TENANT when set)
#   --replay-outbox[=SINCE]  after restoring, mark outbox rows published since SINCE (ISO time; default: one hour before
#                            the first dump's snapshot) as unpublished, so the services publish them again when they
#                            start and consumers restored from an older snapshot catch up (inboxes drop duplicates)
#   --databases "A B"        restore only these databases of the backup
SCRIPT_NAME=restore.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { help_of "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

BACKUP=""
FORCE=false
EXPECT_TENANT="${PLATFORM_TENANT:-}"
REPLAY=false
REPLAY_SINCE=""
ONLY=()

while [[ $# -gt 0 ]]; do
  if parse_connection_option "$@"; then shift "$SHIFT"; continue; fi
  case "$1" in
    --force) FORCE=true; shift ;;
    --tenant) [[ $# -ge 2 ]] || fail "--tenant needs a value"; EXPECT_TENANT="$2"; shift 2 ;;
    --replay-outbox) REPLAY=true; shift ;;
    --replay-outbox=*) REPLAY=true; REPLAY_SINCE="${1#--replay-outbox=}"; shift ;;
    --databases) [[ $# -ge 2 ]] || fail "--databases needs a list"; read -r -a ONLY <<<"$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    -*) fail "unknown option '$1' (see --help)" ;;
    *) [[ -z "$BACKUP" ]] || fail "one backup folder only ('$BACKUP' and '$1')"; BACKUP="$1"; shift ;;
  esac
done

[[ -n "$BACKUP" ]] || fail "say which backup to restore: restore.sh [options] BACKUP_DIR"
[[ -d "$BACKUP" ]] || fail "$BACKUP is not a folder"
BACKUP="$(cd "$BACKUP" && pwd)"
MANIFEST="$BACKUP/manifest.txt"
[[ -f "$MANIFEST" && -f "$BACKUP/SHA256SUMS" ]] || fail "$BACKUP has no manifest.txt and SHA256SUMS: not a backup made by backup.sh (or an incomplete one)"
grep -qx 'format: platform-backup 1' "$MANIFEST" || fail "$MANIFEST is not a platform-backup 1 manifest"

# 1. Checksums, before anything touches the target.
if ! (cd "$BACKUP" && sha256sum --check --quiet --strict SHA256SUMS >&2); then
  fail "checksum mismatch in $BACKUP (see above): the backup was changed or damaged; nothing was restored"
fi
declare -A FILE_OF OWNER_OF
BACKED_UP=()
while read -r _ db rest; do
  file="" bytes="" sum="" owner=""
  for field in $rest; do
    case "$field" in
      file=*) file="${field#file=}" ;;
      bytes=*) bytes="${field#bytes=}" ;;
      sha256=*) sum="${field#sha256=}" ;;
      owner=*) owner="${field#owner=}" ;;
    esac
  done
  [[ -f "$BACKUP/$file" ]] || fail "$file (database $db) is missing from $BACKUP"
  [[ "$(stat -c %s "$BACKUP/$file")" == "$bytes" ]] || fail "$file is not the size the manifest records ($bytes bytes): damaged; nothing was restored"
  [[ "$(sha256sum "$BACKUP/$file" | cut -d' ' -f1)" == "$sum" ]] || fail "checksum mismatch for $file: the backup was changed or damaged; nothing was restored"
  FILE_OF[$db]="$file"
  # The platform's own owner for its databases (a development cluster's may be postgres); otherwise the source's.
  platform_owner="$(owner_of "$db")"
  OWNER_OF[$db]="${platform_owner:-$owner}"
  BACKED_UP+=("$db")
done < <(grep '^database: ' "$MANIFEST")
[[ ${#BACKED_UP[@]} -gt 0 ]] || fail "$MANIFEST lists no database"

tenant="$(sed -n 's/^tenant: //p' "$MANIFEST")"
if [[ -n "$EXPECT_TENANT" && "$tenant" != "$EXPECT_TENANT" ]]; then
  fail "this backup is of tenant '$tenant', not '$EXPECT_TENANT' (--tenant / PLATFORM_TENANT): refusing to restore another tenant's data"
fi

DATABASES=("${BACKED_UP[@]}")
if [[ ${#ONLY[@]} -gt 0 ]]; then
  for db in "${ONLY[@]}"; do [[ -n "${FILE_OF[$db]:-}" ]] || fail "database $db is not in this backup (it has: ${BACKED_UP[*]})"; done
  DATABASES=("${ONLY[@]}")
fi

check_tools
target_version="$(echo "SHOW server_version" | sql postgres)"
source_version="$(sed -n 's/^server_version: //p' "$MANIFEST")"
[[ "${target_version%%.*}" -ge "${source_version%%.*}" ]] \
  || fail "the target runs PostgreSQL ${target_version}, older than the backup's ${source_version}: restore into ${source_version%%.*} or later"

# 2. The target must be empty (or --force).
user_objects_sql="SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%')
                        + (SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('public', 'pg_catalog', 'information_schema')
                           AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%')"
existing_databases="$(list_databases)"
existing_roles="$(list_roles)"
NONEMPTY=()
for db in "${DATABASES[@]}"; do
  if contains_line "$existing_databases" "$db"; then
    count="$(echo "$user_objects_sql" | sql "$db")"
    [[ "$count" == "0" ]] || NONEMPTY+=("$db")
  fi
done
if [[ ${#NONEMPTY[@]} -gt 0 ]]; then
  $FORCE || fail "the target is not empty: ${NONEMPTY[*]} on $(describe_target) hold tables or schemas. Restore into a fresh cluster, or pass --force to DROP and replace these databases (stop the services first); nothing was restored"
  note "--force: replacing ${NONEMPTY[*]}"
fi

# Every login the backup needs that the target lacks must have its password in the environment, checked before any change.
for db in "${DATABASES[@]}"; do
  owner="${OWNER_OF[$db]}"
  if ! contains_line "$existing_roles" "$owner"; then
    variable="$(password_variable_of "$owner")"
    [[ -n "${!variable:-}" ]] || fail "login $owner (owner of $db) does not exist on the target and $variable is not set: set it as in deploy/.env; nothing was restored"
  fi
done

# 3 and 4.
started="$(date +%s%N)"
for db in "${DATABASES[@]}"; do
  owner="${OWNER_OF[$db]}"
  qowner="$(sql_identifier "$owner")"
  qdb="$(sql_identifier "$db")"
  create_role=""
  if ! contains_line "$existing_roles" "$owner"; then
    variable="$(password_variable_of "$owner")"
    create_role="$(printf 'CREATE ROLE %s LOGIN PASSWORD %s;' "$qowner" "$(sql_literal "${!variable}")")"
    existing_roles+=$'\n'"$owner"
    note "creating login $owner (password from $variable)"
  fi
  {
    [[ -z "$create_role" ]] || echo "$create_role"
    if [[ " ${NONEMPTY[*]} " == *" $db "* ]]; then
      printf 'DROP DATABASE %s WITH (FORCE);\n' "$qdb"
      printf "CREATE DATABASE %s OWNER %s ENCODING 'UTF8' TEMPLATE template0;\n" "$qdb" "$qowner"
    elif contains_line "$existing_databases" "$db"; then
      printf 'ALTER DATABASE %s OWNER TO %s;\n' "$qdb" "$qowner"
    else
      printf "CREATE DATABASE %s OWNER %s ENCODING 'UTF8' TEMPLATE template0;\n" "$qdb" "$qowner"
    fi
    printf 'REVOKE ALL ON DATABASE %s FROM PUBLIC;\n' "$qdb"
  } | sql postgres >/dev/null
  begin="$(date +%s%N)"
  if ! pg pg_restore -U "$PGUSER" -d "$db" --no-owner --role="$owner" --single-transaction --exit-on-error <"$BACKUP/${FILE_OF[$db]}"; then
    fail "pg_restore of $db failed (see above); $db was left empty. A role named in the error may have to be created first: its definition is in $BACKUP/globals.sql"
  fi
  note "restored $db as $owner ($((($(date +%s%N) - begin) / 1000000)) ms)"
done

if $REPLAY; then
  if [[ -z "$REPLAY_SINCE" ]]; then
    first="$(grep '^database: ' "$MANIFEST" | sed -n 's/.*snapshot_utc=\([^ ]*\).*/\1/p' | sort | head -n1)"
    REPLAY_SINCE="$(date -u -d "$first - 1 hour" '+%Y-%m-%dT%H:%M:%SZ')"
  fi
  date -u -d "$REPLAY_SINCE" >/dev/null 2>&1 || fail "--replay-outbox=$REPLAY_SINCE is not a time"
  for db in "${DATABASES[@]}"; do
    has="$(echo "SELECT to_regclass('public.outbox_messages') IS NOT NULL" | sql "$db")"
    [[ "$has" == "t" ]] || continue
    count="$(printf "WITH r AS (UPDATE outbox_messages SET published_at = NULL, next_attempt_at = now(), attempts = 0 WHERE published_at >= %s RETURNING 1) SELECT count(*) FROM r" \
      "$(sql_literal "$REPLAY_SINCE")" | pg psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGUSER" -d "$db" -c "SET ROLE $(sql_identifier "${OWNER_OF[$db]}")" -f - | tail -n1)"
    note "$db: ${count} outbox message(s) published since ${REPLAY_SINCE} will be published again"
  done
fi

note "restored ${#DATABASES[@]} database(s) of tenant ${tenant} from ${BACKUP} into $(describe_target) in $((($(date +%s%N) - started) / 1000000)) ms"
