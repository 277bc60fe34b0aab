#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: the app's own login role, without
# ownership. The app migrates as POSTGRES_USER (MIGRATION_DATABASE_URL) and grants this role row
# access only (README, Security: database roles).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'EOSQL'
CREATE ROLE hp_app LOGIN PASSWORD :'app_password';
EOSQL
