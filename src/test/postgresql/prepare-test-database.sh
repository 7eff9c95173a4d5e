#!/usr/bin/env bash
# Gives the PostgreSQL run of the in-container tests a new, empty database on this machine's local
# cluster (the build calls it before the tests; Flyway creates the schema when the WAR deploys).
# Starts the cluster when it is down, creates the role when missing, and drops and creates the
# database every time, so no run sees an earlier run's rows. Beside it, an empty <database>_restore of the
# same owner, into which AuditApiIT restores a backup (docs/operations.md, "Backup and restore").
#   IT_PG_DATABASE, IT_PG_USER, IT_PG_PASSWORD  the test database, its owner and password
#   (defaults smu_it / smu_it / smu_it: a throwaway database on localhost, nothing secret)
# Needs Debian's postgresql (src/build/provision-test-tools.sh, the build's first step, installs it);
# skip the PostgreSQL run with -Dit.postgresql=false.
set -euo pipefail
database="${IT_PG_DATABASE:-smu_it}"
user="${IT_PG_USER:-smu_it}"
password="${IT_PG_PASSWORD:-smu_it}"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: sudo bash src/build/provision-test-tools.sh," \
         "or run only the H2 tests with -Dit.postgresql=false" >&2
    exit 1
fi
cluster=$(pg_lsclusters --no-header | head -n 1)
if [ -z "$cluster" ]; then
    echo "PostgreSQL is installed but has no cluster: sudo bash src/build/provision-test-tools.sh" >&2
    exit 1
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
    echo "Starting PostgreSQL cluster $version/$name"
    pg_ctlcluster "$version" "$name" start
fi

# the cluster's superuser: peer authentication as the postgres system user
as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@";
    elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@";
    else sudo -u postgres "$@"; fi
}
as_postgres psql --quiet -v ON_ERROR_STOP=1 -p "$port" -d postgres \
    -v db="$database" -v usr="$user" -v pwd="$password" <<'SQL'
SELECT :'db' || '_restore' AS restore \gset
SELECT count(pg_terminate_backend(pid)) AS closed FROM pg_stat_activity WHERE datname IN (:'db', :'restore') \gset
DROP DATABASE IF EXISTS :"db";
DROP DATABASE IF EXISTS :"restore";
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'usr') AS missing \gset
\if :missing
CREATE ROLE :"usr" LOGIN;
\endif
ALTER ROLE :"usr" PASSWORD :'pwd';
CREATE DATABASE :"db" OWNER :"usr" ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE :"restore" OWNER :"usr" ENCODING 'UTF8' TEMPLATE template0;
SQL
echo "PostgreSQL test database $database on localhost:$port is ready (owner $user)"
