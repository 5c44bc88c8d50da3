/*
 * Saving beside another writer in the PostgreSQL store, the twin of
 * store_sync.c: opening a meeting with its base, and the reads and
 * writes of store_merge.c's merging save.  Where SQLite has one writer
 * at a time, the save here first locks the meeting's row (SELECT ... FOR
 * UPDATE, which also refuses a unit's meeting to the office) and its
 * task rows, so two instances' saves of one meeting, or a save and a
 * status set from the command line, run one after the other, each
 * reading what the other committed; other meetings are not held up.
 *
 * The search index is brought up to date inside the save unless the
 * caller leaves it for later (STORE_SYNC_INDEX_LATER) and the meeting's
 * texts are long (PG_INDEX_LATER_BYTES): the server folds and tokenizes
 * about a megabyte in a second, which must not hold up typing, but
 * another role's search -- the office's -- cannot index a unit's
 * meeting itself, so a short text, indexed in milliseconds, is found by
 * everyone as soon as it is saved.  A long one is found by the others
 * once its writer catches up (store_search_catch_up, which the editor
 * calls when idle, and every search of its own).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_merge.h"
#include "store/store_pg_impl.h"

static const char SQL_REVS[] =
    "SELECT key, rev FROM section WHERE meeting_id = $1";
static const char SQL_REV[] =
    "SELECT rev FROM section WHERE meeting_id = $1 AND key = $2";
static const char SQL_BODY[] =
    "SELECT body FROM section WHERE meeting_id = $1 AND key = $2";
static const char SQL_INSERT_TEXT[] =
    "INSERT INTO section (meeting_id, key, body, rev) VALUES ($1, $2, $3, 1)";
static const char SQL_UPDATE_TEXT[] =
    "UPDATE section SET body = $3, rev = rev + 1, updated = minutes.stamp()"
    " WHERE meeting_id = $1 AND key = $2";

/* The one cell sql gives with $1 the meeting and $2 key, malloc'd; NULL
 * when there is no row. */
static int
by_key(struct pgs *p, const char *sql, int64_t id, const char *key,
    char **out, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	*out = NULL;
	pgp_int(&a, id);
	pgp_str(&a, key);
	if ((r = pg_run(p, sql, &a, _("reading a meeting"), e)) == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r))
		*out = pg_dup(r, 0, 0);
	PQclear(r);
	return 0;
}

static int
pq_rev(void *db, int64_t id, const char *key, int64_t *rev, struct err *e)
{
	char *v;

	*rev = 0;
	if (by_key(db, SQL_REV, id, key, &v, e))
		return ERR_RUNTIME;
	if (v)
		*rev = (int64_t)strtoll(v, NULL, 10);
	free(v);
	return 0;
}

static int
pq_body(void *db, int64_t id, const char *key, char **body, struct err *e)
{
	return by_key(db, SQL_BODY, id, key, body, e);
}

static int
pq_revs(void *db, int64_t id, void (*fn)(void *, const char *, int64_t),
    void *arg, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	pgp_int(&a, id);
	if ((r = pg_run(db, SQL_REVS, &a, _("reading a meeting"), e)) == NULL)
		return ERR_RUNTIME;
	for (int i = 0; i < PQntuples(r); i++)
		fn(arg, PQgetvalue(r, i, 0), pg_int(r, i, 1));
	PQclear(r);
	return 0;
}

static int
pq_write_text(void *db, int64_t id, const char *key, const char *body,
    int64_t stored, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, id);
	pgp_str(&a, key);
	pgp_str(&a, body);
	return pg_do(db, stored ? SQL_UPDATE_TEXT : SQL_INSERT_TEXT, &a,
	    _("saving a section"), e);
}

static int
pq_read(void *db, enum merge_part part, int64_t id, struct meeting *m,
    struct err *e)
{
	static const enum pg_part parts[] = { [MERGE_HEADER] = PG_HEADER,
	    [MERGE_ROSTER] = PG_ROSTER, [MERGE_TASKS] = PG_TASKS_LOCKED };

	return pg_read_part(db, parts[part], id, m, e);
}

static int
pq_write_header(void *db, const struct meeting *m, struct err *e)
{
	return pg_update_header(db, m, e);
}

static int
pq_write_attendees(void *db, int64_t id, struct attendee *v, size_t n,
    struct err *e)
{
	return pg_write_attendees(db, id, v, n, e);
}

static int
pq_write_action(void *db, int64_t id, size_t pos, struct action *a,
    const char *old, struct err *e)
{
	return pg_write_action(db, id, pos, a, old, e);
}

static int
pq_delete_actions_except(void *db, int64_t id, const struct action *v,
    size_t n, struct err *e)
{
	return pg_delete_actions_except(db, id, v, n, e);
}

static int
pq_index(void *db, const struct meeting *m, bool later, struct err *e)
{
	size_t bytes = 0;

	for (size_t i = 0; later && i < m->nsec; i++)
		bytes += m->sec[i].body ? strlen(m->sec[i].body) : 0;
	if (later && bytes >= PG_INDEX_LATER_BYTES)
		return pg_search_defer(db, m->id, e);
	return pg_search_refresh(db, m->id, e);
}

static const struct merge_ops pq_ops = {
	.rev = pq_rev, .body = pq_body, .revs = pq_revs,
	.write_text = pq_write_text, .read = pq_read,
	.write_header = pq_write_header,
	.write_attendees = pq_write_attendees,
	.write_action = pq_write_action,
	.delete_actions_except = pq_delete_actions_except,
	.index = pq_index,
};

static void
base_rev(void *base, const char *key, int64_t rev)
{
	merge_base_set_rev(base, key, rev);
}

int
pgs_meeting_open(struct pgs *p, int64_t id, struct meeting *out,
    struct store_base **base, struct err *e)
{
	struct store_base *b = merge_base_new();
	int rc;

	meeting_init(out);
	*base = NULL;
	if (pg_read_begin(p, _("reading a meeting"), e)) {
		store_base_free(b);
		return ERR_RUNTIME;
	}
	/* The same read twice in one snapshot: the copy the caller edits,
	 * and the one it started from. */
	rc = pg_meeting_read(p, id, out, e);
	if (rc == 0 && (rc = pg_meeting_read(p, id, &b->m, e)) != 0)
		meeting_free(out);
	if (rc == 0 && (rc = pq_revs(p, id, base_rev, b, e)) != 0)
		meeting_free(out);
	pg_rollback(p);
	if (rc != 0) {
		store_base_free(b);
		return rc;
	}
	*base = b;
	return 0;
}

static int
tx_sync(struct pgs *p, void *arg, struct err *e)
{
	struct merge *y = arg;
	int rc;

	/* This role's meeting, held until the commit. */
	if ((rc = pg_own_meeting(p, y->m->id, e)) != 0)
		return rc;
	return merge_run(y, e);
}

int
pgs_meeting_sync(struct pgs *p, struct store_base *base, struct meeting *m,
    const char *const *keys, size_t nkeys, unsigned parts,
    struct store_sync_report *rep, struct err *e)
{
	struct merge y;
	int rc;

	if ((rc = merge_begin(&y, &pq_ops, p, base, m, keys, nkeys, parts, rep,
	    e)) != 0)
		return rc;
	rc = pg_tx(p, tx_sync, &y, e);
	merge_end(&y, rc);
	return rc;
}
