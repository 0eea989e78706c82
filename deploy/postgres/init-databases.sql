-- One database and one login per service: each login owns its own database and nothing else, may not
-- connect to any other database, and may not create roles or databases.
--
-- Two ways to run it, both as a superuser (or, on managed PostgreSQL, the provider's admin role with
-- CREATEROLE and CREATEDB):
--   * compose: mounted in /docker-entrypoint-initdb.d, run by the postgres image on the FIRST start of an
--     empty data volume, with ON_ERROR_STOP;
--   * an existing cluster, managed PostgreSQL or a Kubernetes Job: deploy/postgres/create-logins.sh.
-- It is idempotent: run again, it creates what is missing, resets every password to the environment's
-- value and re-applies the restrictions (a way to rotate passwords or repair drifted rights).
--
-- Passwords come from the environment (psql 15 \getenv); an unset or empty one, or one still containing
-- CHANGE-ME, stops the script before anything changes. Optional: PLATFORM_DB_CONNECTION_LIMIT caps each
-- service login's connections (unset: no cap; mind replicas × pool size, Npgsql's pool holds up to 100).
--
-- Needs PostgreSQL 15 or later: there the public schema of a new database belongs to its owner
-- (pg_database_owner) and PUBLIC may no longer create in it, so the owner is the only login that can
-- create or change anything in its database. The services' start-up migrator finds its database present
-- and migrates it as its owner.

\set ON_ERROR_STOP on
\set QUIET on

\getenv intake_password INTAKE_DB_PASSWORD
\getenv monthly_scoring_password MONTHLY_SCORING_DB_PASSWORD
\getenv dx_index_password DX_INDEX_DB_PASSWORD
\getenv notifications_password NOTIFICATIONS_DB_PASSWORD
\getenv reporting_password REPORTING_DB_PASSWORD
\getenv gateway_password GATEWAY_DB_PASSWORD
\getenv keycloak_password KEYCLOAK_DB_PASSWORD
-- An unset variable becomes empty, so the check below names it instead of psql failing on a bare :'name'.
\if :{?intake_password} \else \set intake_password '' \endif
\if :{?monthly_scoring_password} \else \set monthly_scoring_password '' \endif
\if :{?dx_index_password} \else \set dx_index_password '' \endif
\if :{?notifications_password} \else \set notifications_password '' \endif
\if :{?reporting_password} \else \set reporting_password '' \endif
\if :{?gateway_password} \else \set gateway_password '' \endif
\if :{?keycloak_password} \else \set keycloak_password '' \endif
\getenv connection_limit PLATFORM_DB_CONNECTION_LIMIT
\if :{?connection_limit} \else \set connection_limit -1 \endif

-- The logins, their databases and their passwords, checked before any change.
CREATE TEMPORARY TABLE platform_login (login name PRIMARY KEY, db name NOT NULL, password text, variable text NOT NULL);
INSERT INTO platform_login VALUES
    ('intake',          'intakedb',         :'intake_password', 'INTAKE_DB_PASSWORD'),
    ('monthly_scoring', 'monthlyscoringdb', :'monthly_scoring_password', 'MONTHLY_SCORING_DB_PASSWORD'),
    ('dx_index',        'dxindexdb',        :'dx_index_password', 'DX_INDEX_DB_PASSWORD'),
    ('notifications',   'notificationsdb',  :'notifications_password', 'NOTIFICATIONS_DB_PASSWORD'),
    ('reporting',       'reportingdb',      :'reporting_password', 'REPORTING_DB_PASSWORD'),
    ('gateway',         'gatewaydb',        :'gateway_password', 'GATEWAY_DB_PASSWORD'),
    ('keycloak',        'keycloakdb',       :'keycloak_password', 'KEYCLOAK_DB_PASSWORD');

DO $$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(variable, ', ' ORDER BY variable) INTO missing
    FROM platform_login
    WHERE password IS NULL OR btrim(password) = '' OR password LIKE '%CHANGE-ME%';
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'Set a real password in % (unset, empty or CHANGE-ME); nothing was changed.', missing;
    END IF;
END
$$;

-- Roles: created when missing, otherwise their password and attributes are set again. A login may not create
-- roles or databases, replicate, bypass row security or be a superuser. (Only a superuser may set SUPERUSER,
-- REPLICATION and BYPASSRLS, so on managed PostgreSQL those three are left as CREATE ROLE made them: off.)
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT', login)
FROM platform_login WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login)
\gexec

SELECT format('ALTER ROLE %I LOGIN NOCREATEDB NOCREATEROLE INHERIT CONNECTION LIMIT %s PASSWORD %L',
              login, :'connection_limit'::int, password)
FROM platform_login
\gexec

SELECT format('ALTER ROLE %I NOSUPERUSER NOREPLICATION NOBYPASSRLS', login)
FROM platform_login WHERE (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
\gexec

-- A login belongs to no other role (a GRANT made by hand would give it that role's rights).
SELECT format('REVOKE %I FROM %I', r.rolname, l.login)
FROM platform_login l
JOIN pg_roles m ON m.rolname = l.login
JOIN pg_auth_members am ON am.member = m.oid
JOIN pg_roles r ON r.oid = am.roleid
\gexec

-- Not a superuser (managed PostgreSQL): CREATE DATABASE ... OWNER needs membership in the owning role.
SELECT format('GRANT %I TO %I', login, current_user)
FROM platform_login
WHERE NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
  AND NOT pg_has_role(current_user, login, 'MEMBER')
\gexec

-- Databases: created when missing, owned by their login.
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', db, login, 'UTF8')
FROM platform_login WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = db)
\gexec

SELECT format('ALTER DATABASE %I OWNER TO %I', db, login)
FROM platform_login
\gexec

-- Nobody but the owner connects: PUBLIC loses CONNECT and TEMPORARY on each service's database, and on the
-- maintenance databases (postgres, template1), which the services do not need.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', db)
FROM platform_login
\gexec

-- Superuser only: on managed PostgreSQL the admin role may itself depend on PUBLIC's CONNECT to postgres.
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', datname)
FROM pg_database WHERE datname IN ('postgres', 'template1')
  AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
\gexec

-- No login keeps a right on another service's database (e.g. one granted by hand before this script ran).
SELECT format('REVOKE ALL ON DATABASE %I FROM %I', d.db, l.login)
FROM platform_login d CROSS JOIN platform_login l
WHERE d.login <> l.login
\gexec

DROP TABLE platform_login;
\echo platform logins and databases ready: intake, monthly_scoring, dx_index, notifications, reporting, gateway, keycloak
