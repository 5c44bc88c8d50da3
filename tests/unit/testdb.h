/*
 * Which store a store test opens: the SQLite file it names, or, when the
 * PostgreSQL suite (tests/pg/) runs it, the fresh database that
 * MINUTES_TEST_DB names.  Checks that only mean something for a file
 * (modes, -wal files, a missing file) ask test_on_pg() first.
 */
#ifndef MINUTES_TESTDB_H
#define MINUTES_TESTDB_H

#include <stdbool.h>
#include <stdlib.h>

__attribute__((unused))
static const char *
test_db(const char *path)
{
	const char *u = getenv("MINUTES_TEST_DB");

	return u && *u ? u : path;
}

__attribute__((unused))
static bool
test_on_pg(void)
{
	const char *u = getenv("MINUTES_TEST_DB");

	return u && *u;
}

#endif
