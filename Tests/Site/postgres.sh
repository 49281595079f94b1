#!/usr/bin/env bash
# Debian's PostgreSQL for the view counters of `bantin serve --site` (SiteServeTests, make bench):
# installs it when missing, starts its cluster, makes a role `bantin` and the database named
# (default bantin_test) when missing, and prints the URL the tests and the bench are given.
# Whatever the database holds may be dropped by them. Run as root, or with sudo.
set -euo pipefail
database=${1:-bantin_test}
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
if ! dpkg -s postgresql >/dev/null 2>&1; then
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | awk '{ print $1, $2 }' | grep -qx "$version main" || $sudo pg_createcluster "$version" main >&2
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }' | grep -qx online || $sudo pg_ctlcluster "$version" main start >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
as_postgres psql -p "$port" -q -v ON_ERROR_STOP=1 >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bantin') THEN CREATE ROLE bantin LOGIN PASSWORD 'bantin'; END IF;
END $$;
SQL
as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -qx 1 \
  || as_postgres createdb -p "$port" -O bantin "$database" >&2
echo "postgres://bantin:bantin@127.0.0.1:$port/$database"
