/*
 * Saving a meeting that another instance may be saving too (see store.h),
 * on SQLite: opening a meeting with its base, and the reads and writes
 * of store_merge.c's merging save, which runs inside one BEGIN IMMEDIATE
 * transaction (store_pg_sync.c is the PostgreSQL twin).  Only the
 * revisions are read for a section that did not move on, from an index
 * (section_rev), without walking a long text's pages.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"
#include "store/store_merge.h"

static const char SQL_REVS[] =
    "SELECT key, rev FROM section WHERE meeting_id = ?1";
static const char SQL_REV[] =
    "SELECT rev FROM section WHERE meeting_id = ?1 AND key = ?2";
static const char SQL_BODY[] =
    "SELECT body FROM section WHERE meeting_id = ?1 AND key = ?2";
static const char SQL_INSERT_TEXT[] =
    "INSERT INTO section (meeting_id, key, body, rev) VALUES (?1, ?2, ?3, 1)";
static const char SQL_UPDATE_TEXT[] =
    "UPDATE section SET body = ?3, rev = rev + 1,"
    " updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
    " WHERE meeting_id = ?1 AND key = ?2";

/* Each section's revision, to fn(arg, key, rev). */
struct each_rev {
	void	(*fn)(void *, const char *, int64_t);
	void	*arg;
};

static int
row_rev(sqlite3_stmt *st, void *arg)
{
	struct each_rev *r = arg;

	r->fn(r->arg, (const char *)sqlite3_column_text(st, 0),
	    sqlite3_column_int64(st, 1));
	return 0;
}

static int
sq_revs(void *db, int64_t id, void (*fn)(void *, const char *, int64_t),
    void *arg, struct err *e)
{
	struct store *s = db;
	struct each_rev r = { fn, arg };
	sqlite3_stmt *st = st_prep(s, SQL_REVS, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	return st_each(s, st, row_rev, &r, _("reading a meeting"), e);
}

static void
base_rev(void *base, const char *key, int64_t rev)
{
	merge_base_set_rev(base, key, rev);
}

int
store_meeting_open(struct store *s, int64_t id, struct meeting *out,
    struct store_base **base, struct err *e)
{
	if (s->pg)
		return pgs_meeting_open(s->pg, id, out, base, e);
	struct store_base *b = merge_base_new();
	int rc;

	meeting_init(out);
	*base = NULL;
	if (st_read_begin(s, _("reading a meeting"), e)) {
		store_base_free(b);
		return ERR_RUNTIME;
	}
	/* The same read twice in one transaction: the copy the caller
	 * edits, and the one it started from. */
	rc = st_meeting_read(s, id, out, e);
	if (rc == 0 && (rc = st_meeting_read(s, id, &b->m, e)) != 0)
		meeting_free(out);
	if (rc == 0 && (rc = sq_revs(s, id, base_rev, b, e)) != 0)
		meeting_free(out);
	st_rollback(s);
	if (rc != 0) {
		store_base_free(b);
		return rc;
	}
	*base = b;
	return 0;
}

/* Runs sql with ?1 the meeting and ?2 key, one column read by row. */
static int
by_key(struct store *s, const char *sql, int64_t id, const char *key,
    int (*row)(sqlite3_stmt *, void *), void *arg, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, sql, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	return st_each(s, st, row, arg, _("reading a meeting"), e);
}

static int
row_int(sqlite3_stmt *st, void *arg)
{
	*(int64_t *)arg = sqlite3_column_int64(st, 0);
	return 0;
}

static int
sq_rev(void *db, int64_t id, const char *key, int64_t *rev, struct err *e)
{
	*rev = 0;
	return by_key(db, SQL_REV, id, key, row_int, rev, e);
}

static int
sq_body(void *db, int64_t id, const char *key, char **body, struct err *e)
{
	*body = NULL;
	return by_key(db, SQL_BODY, id, key, st_row_text, body, e);
}

static int
sq_write_text(void *db, int64_t id, const char *key, const char *body,
    int64_t stored, struct err *e)
{
	struct store *s = db;
	sqlite3_stmt *st = st_prep(s, stored ? SQL_UPDATE_TEXT :
	    SQL_INSERT_TEXT, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	return st_done(s, st, _("saving a section"), e);
}

static int
sq_read(void *db, enum merge_part part, int64_t id, struct meeting *m,
    struct err *e)
{
	static const enum st_part parts[] = { [MERGE_HEADER] = ST_HEADER,
	    [MERGE_ROSTER] = ST_ROSTER, [MERGE_TASKS] = ST_TASKS };

	return st_read_part(db, parts[part], id, m, e);
}

static int
sq_write_header(void *db, const struct meeting *m, struct err *e)
{
	return st_update_header(db, m, e);
}

static int
sq_write_attendees(void *db, int64_t id, struct attendee *v, size_t n,
    struct err *e)
{
	return st_write_attendees(db, id, v, n, e);
}

static int
sq_write_action(void *db, int64_t id, size_t pos, struct action *a,
    const char *old, struct err *e)
{
	return st_write_action(db, id, pos, a, old, e);
}

static int
sq_delete_actions_except(void *db, int64_t id, const struct action *v,
    size_t n, struct err *e)
{
	return st_delete_actions_except(db, id, v, n, e);
}

static int
sq_index(void *db, const struct meeting *m, bool later, struct err *e)
{
	return later ? st_search_defer(db, m->id, e) :
	    st_search_refresh(db, m->id, e);
}

static const struct merge_ops sq_ops = {
	.rev = sq_rev, .body = sq_body, .revs = sq_revs,
	.write_text = sq_write_text, .read = sq_read,
	.write_header = sq_write_header,
	.write_attendees = sq_write_attendees,
	.write_action = sq_write_action,
	.delete_actions_except = sq_delete_actions_except,
	.index = sq_index,
};

static int
tx_sync(struct store *s, void *arg, struct err *e)
{
	(void)s;
	return merge_run(arg, e);
}

int
store_meeting_sync(struct store *s, struct store_base *base,
    struct meeting *m, const char *const *keys, size_t nkeys, unsigned parts,
    struct store_sync_report *rep, struct err *e)
{
	if (s->pg)
		return pgs_meeting_sync(s->pg, base, m, keys, nkeys, parts, rep,
		    e);
	struct merge y;
	int rc;

	if ((rc = merge_begin(&y, &sq_ops, s, base, m, keys, nkeys, parts, rep,
	    e)) != 0)
		return rc;
	rc = st_tx(s, tx_sync, &y, e);
	merge_end(&y, rc);
	return rc;
}
