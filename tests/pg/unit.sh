#!/bin/sh
# The store's unit tests again, each against a fresh database of a
# throwaway PostgreSQL cluster (tests/pg/pglib.sh); skipped (77) where
# PostgreSQL is not installed.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/pg/pglib.sh"
pg_start

for t in t_store t_search t_series t_actions; do
	bin="${top_builddir:-.}/tests/unit/$t"
	if [ ! -x "$bin" ]; then
		_result 1 "$t: not built"
		continue
	fi
	uri=$(pg_newdb "$t")
	relay "$t" env MINUTES_TEST_DB="$uri" "$bin"
done
done_testing
