#!/usr/bin/env bash
# Makes sure the local PostgreSQL runs and has the role dreamloop's services and tests use.
#
#   deploy/postgres.sh ensure     start the server if it is down; create role 'dreamloop' (CREATEDB)
#
# Databases are created by whoever needs them (the test infrastructure creates its own; the
# services expect dreamloop_<service>, see deploy/README.md). The password is for local use only;
# production takes DREAMLOOP_DB_PASSWORD from a secret.
set -euo pipefail
host=${DREAMLOOP_DB_HOST:-127.0.0.1}
port=${DREAMLOOP_DB_PORT:-5432}

as_admin() {
  if psql -h "$host" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@" 2>/dev/null; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    su postgres -c "psql -p $port -d postgres -v ON_ERROR_STOP=1 -qAt $(printf '%q ' "$@")"
    return $?
  fi
  return 1
}

ensure() {
  if ! pg_isready -h "$host" -p "$port" -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      version=$(ls /etc/postgresql | sort -V | tail -n 1)
      echo "postgres.sh: starting PostgreSQL $version" >&2
      pg_ctlcluster --skip-systemctl-redirect "$version" main start
    fi
    for _ in $(seq 1 60); do
      pg_isready -h "$host" -p "$port" -q 2>/dev/null && break
      sleep 0.5
    done
    pg_isready -h "$host" -p "$port" -q || { echo "postgres.sh: PostgreSQL on $host:$port is not reachable" >&2; exit 1; }
  fi
  as_admin -c "do \$\$ begin
      if not exists (select from pg_roles where rolname = 'dreamloop') then
        create role dreamloop login createdb password 'dreamloop';
      end if;
    end \$\$;" || { echo "postgres.sh: cannot create role dreamloop (need admin access as postgres)" >&2; exit 1; }
  echo "postgres.sh: PostgreSQL ready on $host:$port with role dreamloop"
}

case "${1:-}" in
  ensure) ensure ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
