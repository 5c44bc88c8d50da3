/*
 * The full-text index and its queries (see store.h and store_impl.h).
 * Each meeting has a row in "search" (its text as written, rowid = meeting
 * id) and one in "search_fold" (the same text folded by minutes_fold(),
 * which is search_fold() registered as an SQL function: FTS5's unicode61
 * tokenizer folds tone marks but not đ/Đ, so the folding is ours, and the
 * same code folds the queries).  "search_fold" is contentless, so the text
 * is stored once; to forget a row, FTS5 must be handed the folded text it
 * indexed, which is refolded from "search" before that row is replaced.
 *
 * The index is kept current by the store's own writes, not by triggers on
 * the attendee, section and action tables: a trigger would rebuild the
 * meeting's rows once per row written (an import writes dozens), while a
 * write function rebuilds them once, before its commit.  A new write
 * function must call st_search_refresh the same way.  Deleting a meeting
 * is caught by a trigger (migration 2), whoever deletes it; the trigger
 * cannot fold, so it parks the deleted text in search_stale and the next
 * refresh removes its folded rows.  Searches join "search", so a parked
 * meeting is never a hit.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "core/search.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

/* The folding's identity: the utf8proc tables and our own rules.  Bump
 * FOLD_REVISION whenever search_fold() changes what it produces: the
 * contentless index can only forget text folded exactly as it was when
 * indexed, and a changed identity makes st_search_check refold it. */
#define FOLD_REVISION "1"

static void
fold_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *t;
	int n;

	(void)argc;
	t = sqlite3_value_text(argv[0]);
	if (t == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	n = sqlite3_value_bytes(argv[0]);
	sqlite3_result_text(cx, search_fold((const char *)t, (size_t)n), -1, free);
}

static void
fold_version_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(cx, sqlite3_mprintf("utf8proc %s, rules %s",
	    utf8_unicode_version(), FOLD_REVISION), -1, sqlite3_free);
}

int
st_search_register(struct store *s, struct err *e)
{
	if (sqlite3_create_function_v2(s->db, "minutes_fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, fold_fn, NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "minutes_fold_version", 0,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fold_version_fn, NULL, NULL,
	    NULL) != SQLITE_OK)
		return st_fail(s, _("opening"), e);
	return 0;
}

/* Forgets the folded rows of meetings deleted since the last refresh. */
static const char SQL_PURGE[] =
    "INSERT INTO search_fold (search_fold, " SEARCH_FOLD_COLUMNS ")"
    " SELECT 'delete', id, minutes_fold(title), minutes_fold(head),"
    " minutes_fold(roster), minutes_fold(body), minutes_fold(tasks)"
    " FROM search_stale";
static const char SQL_PURGED[] = "DELETE FROM search_stale";
static const char SQL_FORGET_FOLD[] =
    "INSERT INTO search_fold (search_fold, " SEARCH_FOLD_COLUMNS ")"
    " SELECT 'delete', * FROM (" SEARCH_FOLD_SELECT " WHERE rowid = ?1)";
static const char SQL_FORGET[] = "DELETE FROM search WHERE rowid = ?1";
static const char SQL_INDEX[] =
    "INSERT INTO search (" SEARCH_COLUMNS ") " SEARCH_DOC_SELECT
    " WHERE m.id = ?1";
static const char SQL_INDEX_FOLD[] =
    "INSERT INTO search_fold (" SEARCH_FOLD_COLUMNS ") " SEARCH_FOLD_SELECT
    " WHERE rowid = ?1";
static const char SQL_INDEX_ALL[] =
    "INSERT INTO search (" SEARCH_COLUMNS ") " SEARCH_DOC_SELECT;
static const char SQL_INDEX_ALL_FOLD[] =
    "INSERT INTO search_fold (" SEARCH_FOLD_COLUMNS ") " SEARCH_FOLD_SELECT;

/* Runs the statement sql, with ?1 bound to id if it is not 0. */
static int
step_id(struct store *s, const char *sql, int64_t id, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, sql, e);

	if (st == NULL)
		return ERR_RUNTIME;
	if (id)
		sqlite3_bind_int64(st, 1, id);
	return st_done(s, st, _("updating the search index"), e);
}

static const char SQL_DEFER[] =
    "INSERT OR IGNORE INTO search_pending (id) VALUES (?1)";
static const char SQL_UNDEFER[] = "DELETE FROM search_pending WHERE id = ?1";
static const char SQL_PENDING[] = "SELECT id FROM search_pending LIMIT 1";

int
st_search_refresh(struct store *s, int64_t id, struct err *e)
{
	/* The order matters: the folded rows are forgotten using the text
	 * in "search", so before that text is replaced. */
	if (step_id(s, SQL_PURGE, 0, e) || step_id(s, SQL_PURGED, 0, e) ||
	    step_id(s, SQL_FORGET_FOLD, id, e) || step_id(s, SQL_FORGET, id, e) ||
	    step_id(s, SQL_INDEX, id, e) || step_id(s, SQL_INDEX_FOLD, id, e) ||
	    step_id(s, SQL_UNDEFER, id, e))
		return ERR_RUNTIME;
	return 0;
}

int
st_search_defer(struct store *s, int64_t id, struct err *e)
{
	return step_id(s, SQL_DEFER, id, e);
}

static int
row_id(sqlite3_stmt *st, void *arg)
{
	*(int64_t *)arg = sqlite3_column_int64(st, 0);
	return 0;
}

static int
tx_catch_up(struct store *s, void *arg, struct err *e)
{
	return st_search_refresh(s, *(int64_t *)arg, e);
}

int
store_search_catch_up(struct store *s, struct err *e)
{
	if (s->pg)
		return pgs_search_catch_up(s->pg, e);
	for (;;) {
		sqlite3_stmt *st = st_prep(s, SQL_PENDING, e);
		int64_t id = 0;

		if (st == NULL || st_each(s, st, row_id, &id,
		    _("updating the search index"), e))
			return ERR_RUNTIME;
		if (id == 0)
			return 0;
		/* One meeting per transaction: a long catch-up never holds
		 * the write lock for long. */
		if (st_tx(s, tx_catch_up, &id, e))
			return ERR_RUNTIME;
	}
}

static const char SQL_FORGET_ALL[] = "DELETE FROM search";
static const char SQL_FORGET_ALL_FOLD[] =
    "INSERT INTO search_fold (search_fold) VALUES ('delete-all')";
static const char SQL_FOLD_META[] =
    "INSERT OR REPLACE INTO search_meta VALUES ('fold',"
    " minutes_fold_version())";

/* Rebuilds the folded rows, or (all) both tables, inside a transaction. */
static int
rebuild(struct store *s, bool all, struct err *e)
{
	if (st_begin(s, e))
		return ERR_RUNTIME;
	if (step_id(s, SQL_FORGET_ALL_FOLD, 0, e) || step_id(s, SQL_PURGED, 0, e) ||
	    (all && (step_id(s, SQL_FORGET_ALL, 0, e) ||
	    step_id(s, SQL_INDEX_ALL, 0, e))) ||
	    step_id(s, SQL_INDEX_ALL_FOLD, 0, e) ||
	    step_id(s, SQL_FOLD_META, 0, e)) {
		st_rollback(s);
		return ERR_RUNTIME;
	}
	return st_commit(s, e);
}

int
store_search_rebuild(struct store *s, struct err *e)
{
	if (s->pg)
		return pgs_search_rebuild(s->pg, e);
	return rebuild(s, true, e);
}

static const char SQL_FOLD_CHANGED[] =
    "SELECT 1 FROM search_meta WHERE key = 'fold'"
    " AND value IS NOT minutes_fold_version()";

void
st_search_check(struct store *s)
{
	sqlite3_stmt *st = st_prep(s, SQL_FOLD_CHANGED, NULL);
	bool changed;

	if (st == NULL)
		return;
	changed = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	/* A read-only database keeps its index; searching it still works,
	 * and it cannot be written, so it cannot be damaged. */
	if (changed)
		rebuild(s, false, NULL);
}

static const char SQL_INDEX_SIZE[] =
    "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search!_%' ESCAPE '!'"
    " OR name IN ('search', 'search_fold')";

int64_t
store_search_size(struct store *s)
{
	if (s->pg)
		return pgs_search_size(s->pg);
	sqlite3_stmt *st;
	int64_t n = -1;

	/* Not through st_prep: a SQLite without dbstat is not an error. */
	if (sqlite3_prepare_v2(s->db, SQL_INDEX_SIZE, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Hits come newest first within a tier: FTS5 walks its rowids backwards
 * and stops at the limit, so a word in every meeting costs no more than a
 * rare one, and recent minutes are the likelier target. */
static const char SQL_SEARCH[] =
    "SELECT rowid, (SELECT date FROM meeting WHERE id = search.rowid),"
    " title, head, roster, body, tasks, keys"
    " FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?2";
/* Folded matches, less those that match as typed (?3). */
static const char SQL_SEARCH_FOLD[] =
    "SELECT s.rowid, (SELECT date FROM meeting WHERE id = s.rowid),"
    " s.title, s.head, s.roster, s.body, s.tasks, s.keys"
    " FROM search_fold JOIN search s ON s.rowid = search_fold.rowid"
    " WHERE search_fold MATCH ?1 AND search_fold.rowid NOT IN"
    " (SELECT rowid FROM search WHERE search MATCH ?3)"
    " ORDER BY search_fold.rowid DESC LIMIT ?2";

#define PLAIN_COLS "{title head roster body tasks}"
#define FOLDED_COLS "{ftitle fhead froster fbody ftasks}"

/* Picks the part of the meeting in row st where most of q's phrases are
 * (store_hit.c): its columns 2 to 7 are the parts in store_hit_part's
 * order. */
static void
best_part(sqlite3_stmt *st, const struct search_query *q,
    struct search_hit *h)
{
	const char *parts[6];

	/* Title, header, roster, body, tasks, keys: as store_hit_part
	 * takes them. */
	for (int k = 0; k < 6; k++)
		parts[k] = (const char *)sqlite3_column_text(st, 2 + k);
	store_hit_part(h, parts, q);
}

/* The hits read so far, and the query that picks their best part. */
struct hits {
	const struct search_query *q;
	bool			 exact;
	struct search_hit	*v;
	size_t			 n, cap;
};

static int
row_hit(sqlite3_stmt *st, void *arg)
{
	struct hits *hs = arg;
	const char *d = (const char *)sqlite3_column_text(st, 1);
	const char *t = (const char *)sqlite3_column_text(st, 2);
	struct search_hit *h;

	XPUSH(hs->v, hs->n, hs->cap);
	h = &hs->v[hs->n++];
	h->id = sqlite3_column_int64(st, 0);
	snprintf(h->date, sizeof h->date, "%s", d ? d : "");
	h->title = xstrdup(t ? t : "");
	h->exact = hs->exact;
	best_part(st, hs->q, h);
	return 0;
}

/* Runs one MATCH, appending up to limit hits. */
static int
run(struct store *s, const char *match, const char *unless, size_t limit,
    struct hits *hs, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, unless ? SQL_SEARCH_FOLD : SQL_SEARCH, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	if (unless)
		sqlite3_bind_text(st, 3, unless, -1, SQLITE_STATIC);
	hs->exact = unless == NULL;
	return st_each(s, st, row_hit, hs, _("searching"), e);
}

int
store_search(struct store *s, const struct search_query *q, size_t limit,
    struct search_hit **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_search(s->pg, q, limit, out, n, e);
	/* Tiers, best first, each without the hits of those before: the
	 * words as typed and next to each other, as typed anywhere, folded
	 * and next to each other, folded anywhere.  Diacritics as typed rank
	 * first because folding merges different words ("đảng", "đang").
	 * With one word, "next to each other" adds nothing: two tiers. */
	bool several = q->n > 1;
	char *ew = search_query_fts(q, PLAIN_COLS, true, false);
	char *ep = several ? search_query_fts(q, PLAIN_COLS, true, true) : NULL;
	char *fw = search_query_fts(q, FOLDED_COLS, false, false);
	char *fp = several ? search_query_fts(q, FOLDED_COLS, false, true) : NULL;
	char *ew_rest = several ? xasprintf("(%s) NOT (%s)", ew, ep) : NULL;
	char *fw_rest = several ? xasprintf("(%s) NOT (%s)", fw, fp) : NULL;
	const char *tiers[4][2] = {	/* the MATCH, and what not to repeat */
		{ several ? ep : ew, NULL },
		{ several ? ew_rest : fw, several ? NULL : ew },
		{ fp, ew },
		{ fw_rest, ew }
	};
	struct hits hs = { .q = q };
	int rc;

	*out = NULL;
	*n = 0;
	/* Meetings whose index was left for later are indexed first; a
	 * database that cannot be written is searched as it is. */
	store_search_catch_up(s, NULL);
	/* One read transaction, so the tiers see the same index. */
	rc = st_read_begin(s, _("searching"), e);
	for (size_t t = 0; t < (several ? 4u : 2u) && rc == 0 && hs.n < limit; t++)
		rc = run(s, tiers[t][0], tiers[t][1], limit - hs.n, &hs, e);
	st_rollback(s);
	if (rc) {
		store_search_hits_free(hs.v, hs.n);
		hs.v = NULL;
		hs.n = 0;
	}
	*out = hs.v;
	*n = hs.n;
	free(ew);
	free(ep);
	free(fw);
	free(fp);
	free(ew_rest);
	free(fw_rest);
	return rc;
}

void
store_search_hits_free(struct search_hit *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].section);
		free(v[i].text);
	}
	free(v);
}
