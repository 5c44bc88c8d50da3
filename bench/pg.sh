#!/bin/sh
# make bench's PostgreSQL figures, beside SQLite's: the same three
# benchmarks (import, the action review over 100,000 tasks, search over
# 10,000 meetings), each building its store in a fresh database of a
# throwaway local cluster (tests/pg/pglib.sh) with the server's default
# durability (fsync on, synchronous commit).  Says so and stops where
# PostgreSQL is not installed.
#   bench/pg.sh BUILDDIR SRCDIR N
set -u
b=$1 src=$2 n=$3
T=$(mktemp -d "${TMPDIR:-/tmp}/minutes-bench-pg.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
. "$src/tests/pg/pglib.sh"
if ! pg_bindir >/dev/null || ! command -v psql >/dev/null 2>&1; then
	echo "postgresql: not installed; no figures"
	exit 0
fi
PG_DURABLE=1
pg_start >/dev/null
mkdir -p "$b/bench/out"
export MINUTES_DATADIR="$src/share"
echo "=== PostgreSQL $(pg_sql -c 'SHOW server_version'), local socket ==="
MINUTES_BENCH_DB=$(pg_newdb bench_store) "$b/bench/bench_store" -n "$n" \
    "$b/src/minutes" "$b/bench/out"
MINUTES_BENCH_DB=$(pg_newdb bench_actions) "$b/bench/bench_actions" -n "$n" \
    "$b/src/minutes" "$b/bench/out"
MINUTES_BENCH_DB=$(pg_newdb bench_search) "$b/bench/bench_search" -n "$n" \
    "$b/src/minutes" "$b/bench/out"
