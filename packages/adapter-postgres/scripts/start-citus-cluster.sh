#!/usr/bin/env bash
# A developer tool, not run by CI: starts a throwaway Citus cluster on this machine (a coordinator
# and two workers on 127.0.0.1) for `npm run test:citus`. See "Scaling out with Citus" in
# docs/guide/postgres.md for building Citus from source against Debian's PostgreSQL.
#
#   scripts/start-citus-cluster.sh start   # prints the CITUS_URL to export
#   scripts/start-citus-cluster.sh stop    # stops the three servers and deletes their folders
#
# Settings (environment): CITUS_PG_BINDIR (default: pg_config --bindir), CITUS_DIR (default
# $TMPDIR/remit-citus), CITUS_PORT (coordinator; the workers take the next two ports, default
# 55432), CITUS_USER (the OS user the servers run as when started by root, default postgres).
set -euo pipefail

bindir="${CITUS_PG_BINDIR:-$(pg_config --bindir)}"
dir="${CITUS_DIR:-${TMPDIR:-/tmp}/remit-citus}"
port="${CITUS_PORT:-55432}"
user="${CITUS_USER:-postgres}"
password="remit"
ports=("$port" "$((port + 1))" "$((port + 2))")
names=(coordinator worker1 worker2)

# PostgreSQL refuses to run as root: run its programs as $user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

psql_on() {
  PGPASSWORD="$password" PGOPTIONS="-c client_min_messages=warning" \
    "$bindir/psql" -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres \
    -c "$2"
}

start() {
  if [ ! -f "$bindir/pg_ctl" ]; then
    echo "No PostgreSQL in $bindir (set CITUS_PG_BINDIR)" >&2
    exit 1
  fi
  if [ ! -f "$(dirname "$bindir")/lib/citus.so" ]; then
    echo "citus.so is not installed for this PostgreSQL (build Citus first; see the guide)" >&2
    exit 1
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"
  local passfile="$dir/password"
  echo "$password" >"$passfile"
  [ "$(id -u)" = 0 ] && chown "$user" "$passfile"
  for index in 0 1 2; do
    local data="$dir/${names[$index]}"
    if [ ! -d "$data" ]; then
      as_owner "$bindir/initdb" -D "$data" -U postgres --auth=scram-sha-256 \
        --pwfile="$passfile" --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      cat >>"$data/postgresql.conf" <<EOF
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
port = ${ports[$index]}
max_connections = 200
max_prepared_transactions = 200
fsync = off
synchronous_commit = off
full_page_writes = off
citus.shard_count = 8
EOF
      # The nodes connect to one another with the same password, without SSL (loopback).
      echo "127.0.0.1:*:*:postgres:$password" >"$data/pgpass"
      chmod 600 "$data/pgpass"
      [ "$(id -u)" = 0 ] && chown "$user" "$data/pgpass"
      echo "citus.node_conninfo = 'sslmode=disable'" >>"$data/postgresql.conf"
    fi
    # The server's libpq, which Citus uses between nodes, reads the password from PGPASSFILE.
    if ! as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      as_owner env PGPASSFILE="$data/pgpass" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" \
        -w start >/dev/null
    fi
  done
  for index in 0 1 2; do
    psql_on "${ports[$index]}" "CREATE EXTENSION IF NOT EXISTS citus"
  done
  psql_on "$port" "SELECT citus_set_coordinator_host('127.0.0.1', $port)" >/dev/null
  for index in 1 2; do
    psql_on "$port" "SELECT citus_add_node('127.0.0.1', ${ports[$index]})
      WHERE NOT EXISTS (SELECT 1 FROM pg_dist_node WHERE nodeport = ${ports[$index]})" >/dev/null
  done
  echo "Citus $(psql_on "$port" "SELECT extversion FROM pg_extension WHERE extname = 'citus'") on" \
    "$(psql_on "$port" "SELECT count(*) FROM pg_dist_node") nodes, in $dir" >&2
  echo "CITUS_URL=postgres://postgres:$password@127.0.0.1:$port/postgres"
}

stop() {
  for index in 2 1 0; do
    local data="$dir/${names[$index]}"
    if [ -d "$data" ]; then as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true; fi
  done
  rm -rf "$dir"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
