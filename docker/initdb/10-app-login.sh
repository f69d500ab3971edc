#!/bin/sh
# Runs once, when the database volume is created: the login the app uses. It is not the owner of the tables and has
# no BYPASSRLS, so row-level security binds it; the owner (POSTGRES_USER) only migrates.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE legalcrm_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
CREATE ROLE legalcrm_web LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'app_password' IN ROLE legalcrm_app;
SQL
