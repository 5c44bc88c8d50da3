/*
 * A throwaway database for the unit tests of the store: a fresh folder
 * under $TMPDIR (or /tmp) holding one database file, opened with
 * STORE_CREATE, and removed again with everything SQLite and the store
 * put beside it.  Each test function opens its own, so a failed set-up
 * stops only that test: tdb_open reports "not ok" and returns false.
 * Under the PostgreSQL suite (tests/pg/) tdb_open opens the database
 * MINUTES_TEST_DB names instead, emptied first (testdb.h); db is what
 * was opened, for a second connection to the same store.
 */
#ifndef MINUTES_TDB_H
#define MINUTES_TDB_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/model.h"
#include "core/search.h"
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tap.h"
#include "testdb.h"
#include "tmeet.h"

struct tdb {
	char		*dir;
	char		*path;	/* dir/m.db */
	const char	*db;	/* path, or the PostgreSQL store's URI */
	struct store	*s;
};

/* Makes the folder; opens the database unless open is false (for a test
 * that opens it its own way).  false after saying "not ok - what". */
__attribute__((unused))
static bool
tdb_make(struct tdb *t, const char *what, bool open)
{
	const char *tmp = getenv("TMPDIR");
	struct err e;

	t->s = NULL;
	t->dir = xasprintf("%s/minutes-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	t->path = NULL;
	if (mkdtemp(t->dir) == NULL) {
		ok(0, "%s: set-up: cannot make a folder in %s", what,
		    tmp && *tmp ? tmp : "/tmp");
		free(t->dir);
		t->dir = NULL;
		return false;
	}
	t->path = xasprintf("%s/m.db", t->dir);
	t->db = test_db(t->path);
	if (open && !test_db_reset()) {
		ok(0, "%s: set-up: cannot empty the store %s (MINUTES_TEST_RESET)",
		    what, t->db);
		return false;
	}
	if (open && store_open(t->db, STORE_CREATE, &t->s, &e) != 0) {
		ok(0, "%s: set-up: %s", what, e.msg);
		return false;
	}
	return true;
}

__attribute__((unused))
static bool
tdb_open(struct tdb *t, const char *what)
{
	return tdb_make(t, what, true);
}

/* A meeting with what the store requires (template, title, date), m
 * initialised here. */
__attribute__((unused))
static void
tdb_meeting(struct meeting *m, const char *title)
{
	tm_meeting(m, title, "2025-12-15");
}

/* The number of hits a search for query finds in s (at most 10), -1 when
 * the query or the search fails: a failure is never "nothing found". */
__attribute__((unused))
static long
tdb_hits(struct store *s, const char *query)
{
	struct search_query q;
	struct search_hit *v;
	struct err e;
	size_t n = 0;

	if (search_query_parse(query, 0, &q, &e) != 0)
		return -1;
	if (store_search(s, &q, 10, &v, &n, &e) != 0)
		n = (size_t)-1;
	else
		store_search_hits_free(v, n);
	search_query_free(&q);
	return (long)n;
}

/* Closes the store and removes the folder and all it holds (one level:
 * the tests make no sub-folders but those they remove themselves). */
__attribute__((unused))
static void
tdb_close(struct tdb *t)
{
	DIR *d;
	struct dirent *de;

	if (t->s)
		store_close(t->s);
	t->s = NULL;
	if (t->dir && (d = opendir(t->dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			char *p;

			if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
			    (de->d_name[1] == '.' && de->d_name[2] == '\0')))
				continue;
			p = xasprintf("%s/%s", t->dir, de->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
		rmdir(t->dir);
	}
	free(t->dir);
	free(t->path);
	t->dir = t->path = NULL;
	t->db = NULL;
}

#endif
