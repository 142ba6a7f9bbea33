#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own data folder, loopback only, a free port, trust auth,
# no fsync (nothing in it outlives the run). Used by .ci/run, and by hand to run the PostgreSQL tests locally.
#
#   eval "$(scripts/postgres-throwaway-cluster.sh start [DIR])"   # exports POSTGRES_TEST_URL and POSTGRES_TEST_DIR
#   scripts/postgres-throwaway-cluster.sh stop DIR                # stops the server and deletes DIR
#
# `start` prints only shell `export` lines on stdout (progress goes to stderr). DIR defaults to a new
# /tmp/politely-pg-XXXXXX. As root, the cluster is run by the `postgres` user, since initdb refuses root.
set -euo pipefail

usage() {
  echo "usage: $0 start [DIR] | stop DIR" >&2
  exit 2
}

find_pg_bin() {
  local dir
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return; fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found: install them (Debian: apt-get install postgresql) or set PG_BIN." >&2
  exit 1
}

# Runs a command as the cluster's owner: the postgres user when we are root, ourselves otherwise.
# From /, since the postgres user may not be allowed into the current folder (paths given are absolute).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && su -s /bin/sh postgres -c "$(printf '%q ' "$@")")
    fi
  else
    "$@"
  fi
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start_cluster() {
  local dir="${1:-}" bin port
  bin="$(find_pg_bin)"
  if [ -z "$dir" ]; then dir="$(mktemp -d /tmp/politely-pg-XXXXXX)"; else mkdir -p "$dir"; fi
  dir="$(cd "$dir" && pwd)"
  if [ -e "$dir/data" ]; then
    echo "$dir/data already exists: pick an empty folder, or stop that cluster first ($0 stop $dir)." >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "Running as root needs the 'postgres' user (created by the Debian postgresql package)." >&2
      exit 1
    fi
    chown postgres "$dir"
    if ! as_owner test -w "$dir"; then
      echo "The postgres user cannot reach $dir (a parent folder is closed to it): use a folder under /tmp." >&2
      exit 1
    fi
  fi
  port="$(free_port)"
  echo "Starting a throwaway PostgreSQL ($("$bin/postgres" --version)) in $dir on 127.0.0.1:$port" >&2
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null; then
    tail -n 30 "$dir/postgres.log" >&2 || true
    exit 1
  fi
  as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c 'CREATE DATABASE politely_test' >/dev/null
  echo "export POSTGRES_TEST_URL=postgres://postgres@127.0.0.1:$port/politely_test"
  echo "export POSTGRES_TEST_DIR=$dir"
}

stop_cluster() {
  local dir="${1:-}" bin
  [ -n "$dir" ] || usage
  [ -d "$dir" ] || { echo "$dir does not exist: nothing to stop." >&2; return 0; }
  dir="$(cd "$dir" && pwd)"
  bin="$(find_pg_bin)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
  # Only delete what this script made: a folder holding a cluster data directory (or nothing at all).
  if [ -d "$dir/data" ] || [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then rm -rf "$dir"; fi
  echo "Stopped the throwaway PostgreSQL in $dir" >&2
}

case "${1:-}" in
  start) start_cluster "${2:-}" ;;
  stop) stop_cluster "${2:-}" ;;
  *) usage ;;
esac
