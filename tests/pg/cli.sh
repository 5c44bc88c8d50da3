#!/bin/sh
# The command-line tests again, each against a fresh database of a
# throwaway PostgreSQL cluster (tests/pg/pglib.sh) named in
# MINUTES_TEST_DB (tests/cli/lib.sh makes it the test's store); the
# checks that only mean something for a file ask on_pg.  Skipped (77)
# where PostgreSQL is not installed; a test that skips itself (no
# Taskwarrior) is reported as skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/pg/pglib.sh"
pg_start

for t in basics roundtrip import_errors export bienban search actions dates \
    series uuid taskwarrior pipes; do
	uri=$(pg_newdb "cli_$t")
	relay "$t" env MINUTES_TEST_DB="$uri" sh "$top_srcdir/tests/cli/$t.sh"
done
done_testing
