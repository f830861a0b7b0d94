#!/usr/bin/env bash
# Runs once, when the PostgreSQL container initialises its volume (docker-compose.yml mounts it into
# /docker-entrypoint-initdb.d, where the image runs it as the postgres user). One database per app,
# owned by the app's own login role, and closed to everyone else: a service can reach its own data
# only, as the design says. Each app creates its tables itself at start (migrations), as the owner of
# its database. Each role's password is the one the secrets job generated into the secrets volume,
# postgres-<role>.password, which the app reads too (DATABASE_PASSWORD_FILE).
set -euo pipefail

create_app_database() {
  local database="$1" role="$2"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v database="$database" -v role="$role" \
    -v password="$(cat "/run/secrets/platform/postgres-$role.password")" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create_app_database order order_service
create_app_database inventory inventory_service
create_app_database payment payment_service
create_app_database notification notification_service
