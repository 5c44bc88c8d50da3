/*
 * Which store a store test opens: the SQLite file it names, or, when the
 * PostgreSQL suite (tests/pg/) runs it, the database that
 * MINUTES_TEST_DB names.  There, test_db_reset empties that store
 * before a test starts on it, with the command the suite gives in
 * MINUTES_TEST_RESET (tests/pg/unit.sh: drop the store's schema, as the
 * database's owner), so that each test function starts from an empty
 * store as it does from a new file.  Checks that only mean something
 * for a file (modes, -wal files, a missing file, SQLite poked at
 * directly) ask test_on_pg() first.
 */
#ifndef MINUTES_TESTDB_H
#define MINUTES_TESTDB_H

#include <stdbool.h>
#include <stdio.h>
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

/* True when the store is empty now (or is a file, new anyway). */
__attribute__((unused))
static bool
test_db_reset(void)
{
	const char *cmd = getenv("MINUTES_TEST_RESET");

	if (!test_on_pg())
		return true;
	if (cmd == NULL || *cmd == '\0')
		return false;
	fflush(stdout);
	return system(cmd) == 0;
}

#endif
