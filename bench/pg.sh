#!/bin/sh
# make bench's PostgreSQL figures, beside SQLite's: the same three
# benchmarks (import, the action review over 100,000 tasks, search over
# 10,000 meetings), each building its store in a fresh database of a
# throwaway local cluster (tests/pg/pglib.sh) with the server's default
# durability (fsync on, synchronous commit), then the figures of both
# stores side by side (SQLite's from bench/out/sqlite-*.txt, which make
# bench writes first).  Says so and stops where PostgreSQL is not
# installed.
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
out="$b/bench/out"
mkdir -p "$out"
export MINUTES_DATADIR="$src/share"
echo "=== PostgreSQL $(pg_sql -c 'SHOW server_version'), local socket ==="
# pgbench NAME: bench/bench_NAME on a fresh database, into pg-NAME.txt.
pgbench() {
	MINUTES_BENCH_DB=$(pg_newdb "bench_$1") "$b/bench/bench_$1" -n "$n" \
	    "$b/src/minutes" "$out" >"$out/pg-$1.txt"
	rc=$?
	cat "$out/pg-$1.txt"
	return $rc
}
pgbench store
pgbench actions
pgbench search

# figure FILE LABEL: the value on LABEL's line of FILE ("-" if none).
figure() {
	[ -f "$1" ] || { echo -; return; }
	awk -v l="$2" 'substr($0, 1, length(l)) == l {
		split(substr($0, 45), f, " ")
		print f[1] " " f[2]
		found = 1
		exit
	    }
	    END { if (!found) print "-" }' "$1"
}
echo "=== SQLite beside PostgreSQL ==="
printf '%-44s %14s %14s  %s\n' "" SQLite PostgreSQL \
    "target (SQLite / PostgreSQL)"
while IFS='|' read -r name label target; do
	printf '%-44s %14s %14s  %s\n' "$label" \
	    "$(figure "$out/sqlite-$name.txt" "$label")" \
	    "$(figure "$out/pg-$name.txt" "$label")" "$target"
done <<'LIST'
store|import rate (parse + store)|>= 500 meetings/s
store|minutes list, wall (best of 5)|<= 50 ms
actions|minutes actions, wall (best of 9)|<= 30 / <= 100 ms
actions|minutes actions --json (best of 5)|<= 100 ms
search|search, a name, no diacritics (20 hits)|<= 20 / <= 50 ms
search|minutes search (whole process)|<= 20 / <= 50 ms
LIST
