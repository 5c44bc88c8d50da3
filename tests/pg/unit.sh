#!/bin/sh
# The store's unit tests again, against a PostgreSQL database of a
# throwaway cluster (tests/pg/pglib.sh), one database per test program;
# each test function that opens a store through tests/unit/tdb.h starts
# from an empty one (MINUTES_TEST_RESET drops the store's schema, as the
# database's owner, and the store makes it again).  Skipped (77) where
# PostgreSQL is not installed.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/pg/pglib.sh"
pg_start

for t in t_store t_search t_series t_actions t_sync t_lock; do
	bin="${top_builddir:-.}/tests/unit/$t"
	if [ ! -x "$bin" ]; then
		_result 1 "$t: not built"
		continue
	fi
	uri=$(pg_newdb "$t")
	reset="psql -X -q -v ON_ERROR_STOP=1 -c 'SET client_min_messages = warning' -c 'DROP SCHEMA IF EXISTS minutes CASCADE' '$uri'"
	relay "$t" env MINUTES_TEST_DB="$uri" MINUTES_TEST_RESET="$reset" "$bin"
done
done_testing
