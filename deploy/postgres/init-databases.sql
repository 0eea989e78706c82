-- One database and one login role per service, so a service can read and change only its own data.
-- Run by the postgres:15 image on the FIRST start of an empty data volume (docker-entrypoint-initdb.d),
-- as the superuser, with ON_ERROR_STOP. Passwords come from the container's environment (psql 15
-- \getenv); compose refuses to start while any of them is unset. A database added later must be
-- created by hand with the same three statements (the script does not run again).
--
-- The services' start-up migrator finds its database present and migrates it as its owner; in
-- PostgreSQL 15 the owner of a database also owns its public schema.

\getenv intake_password INTAKE_DB_PASSWORD
\getenv monthly_scoring_password MONTHLY_SCORING_DB_PASSWORD
\getenv dx_index_password DX_INDEX_DB_PASSWORD
\getenv notifications_password NOTIFICATIONS_DB_PASSWORD
\getenv reporting_password REPORTING_DB_PASSWORD
\getenv keycloak_password KEYCLOAK_DB_PASSWORD

CREATE ROLE intake LOGIN PASSWORD :'intake_password';
CREATE DATABASE intakedb OWNER intake ENCODING 'UTF8';
REVOKE ALL ON DATABASE intakedb FROM PUBLIC;

CREATE ROLE monthly_scoring LOGIN PASSWORD :'monthly_scoring_password';
CREATE DATABASE monthlyscoringdb OWNER monthly_scoring ENCODING 'UTF8';
REVOKE ALL ON DATABASE monthlyscoringdb FROM PUBLIC;

CREATE ROLE dx_index LOGIN PASSWORD :'dx_index_password';
CREATE DATABASE dxindexdb OWNER dx_index ENCODING 'UTF8';
REVOKE ALL ON DATABASE dxindexdb FROM PUBLIC;

CREATE ROLE notifications LOGIN PASSWORD :'notifications_password';
CREATE DATABASE notificationsdb OWNER notifications ENCODING 'UTF8';
REVOKE ALL ON DATABASE notificationsdb FROM PUBLIC;

CREATE ROLE reporting LOGIN PASSWORD :'reporting_password';
CREATE DATABASE reportingdb OWNER reporting ENCODING 'UTF8';
REVOKE ALL ON DATABASE reportingdb FROM PUBLIC;

CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloakdb OWNER keycloak ENCODING 'UTF8';
REVOKE ALL ON DATABASE keycloakdb FROM PUBLIC;
