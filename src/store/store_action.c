/*
 * The review of action items across meetings (see store.h): the filtered,
 * ordered list every review shows (command line and screen alike), one
 * item with its history and source text, and status changes that append to
 * the history in the same transaction.  The list uses the (status, due)
 * index; the assignee filter folds case and diacritics, which SQL cannot
 * do, so it runs here in C over the indexed rows, remembering the verdict
 * for each distinct assignee: organisations recur on nearly every item,
 * so each name is folded once per query, not once per row.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* Columns shared by the list and the single item, in this order. */
#define ROW_SELECT \
    "SELECT a.id, a.meeting_id, m.title, m.date, m.series, a.assignee," \
    " a.task, a.due, a.due_text, a.status, a.src_section, a.src_start," \
    " a.src_end, a.created, a.updated," \
    " (a.status IN ('open', 'doing') AND a.due IS NOT NULL AND a.due < ?1)," \
    " CASE WHEN ?10 IS NOT 0 THEN" \
    "  (SELECT h.note FROM action_history h WHERE h.action_id = a.id" \
    "   AND h.note IS NOT NULL AND h.note <> '' ORDER BY h.id DESC LIMIT 1)" \
    "  END," \
    " a.uuid, CASE WHEN a.status IN ('done', 'dropped') THEN" \
    "  (SELECT h.at FROM action_history h WHERE h.action_id = a.id" \
    "   ORDER BY h.id DESC LIMIT 1) END"
#define ROW_COLUMNS ROW_SELECT \
    " FROM action a JOIN meeting m ON m.id = a.meeting_id"

/*
 * The review is read in two steps: the ids of the matching items in review
 * order, which the (status, due) index alone answers, then the rows of any
 * run of those ids.  A screen can so draw its first page without reading
 * every row, each of which lies on its own page of the table.  The
 * statuses come as four bound values so that one statement serves every
 * scope and the IN list still drives the index; the table row is read only
 * for a meeting or series filter (SQLite defers the seek until a column
 * outside the index is needed) or, in the second statement, the assignee.
 */
#define IDS_WHERE \
    " FROM action a WHERE a.status IN (?2, ?3, ?4, ?5)" \
    " AND (?6 IS NULL OR a.due < ?6)" \
    " AND (?7 IS NULL OR a.meeting_id = ?7)" \
    " AND (?8 IS NULL OR a.meeting_id IN" \
    "  (SELECT id FROM meeting WHERE series = ?8))"
#define IDS_COLUMNS \
    "SELECT a.id, a.due," \
    " (a.status IN ('open', 'doing') AND a.due IS NOT NULL AND a.due < ?1)"
static const char SQL_IDS[] = IDS_COLUMNS IDS_WHERE;
static const char SQL_IDS_ASSIGNEE[] = IDS_COLUMNS ", a.assignee" IDS_WHERE;

static const char SQL_GET[] = ROW_COLUMNS " WHERE a.id = ?2";
/*
 * The review of open items in one statement: every column it shows is in
 * the partial index action_open (migration 4), so the table is never
 * read, only the meeting of each item.  The status test is written out,
 * not bound, so that it matches the index's own; INDEXED BY because,
 * without statistics, the planner prefers the smaller (status, due).
 * The items closed since a date (for calendars and task lists, which
 * must learn that an item is done) are found by their history.
 */
#define ROWS_WHERE \
    " AND (?6 IS NULL OR a.due < ?6)" \
    " AND (?7 IS NULL OR a.meeting_id = ?7)" \
    " AND (?8 IS NULL OR m.series = ?8)"
#define OPEN_FROM \
    " FROM action a INDEXED BY action_open" \
    " JOIN meeting m ON m.id = a.meeting_id" \
    " WHERE a.status IN ('open', 'doing')" ROWS_WHERE " ORDER BY a.due, a.id"
static const char SQL_OPEN_ROWS[] = ROW_SELECT OPEN_FROM;
/* The same, with only the columns a table of the review shows (the rest
 * NULL, in the same places): every column left out is a copy less on
 * each of thousands of rows. */
static const char SQL_OPEN_BRIEF[] =
    "SELECT a.id, a.meeting_id, m.title, NULL, NULL, a.assignee, a.task," \
    " a.due, NULL, a.status, NULL, NULL, NULL, NULL, NULL," \
    " (a.due IS NOT NULL AND a.due < ?1), NULL, NULL, NULL" OPEN_FROM;
/* "+a.status": by the tasks the history names, not by the (status, due)
 * index over every closed task ever (90,000 in the benchmark), which
 * took three times as long. */
static const char SQL_CLOSED_ROWS[] = ROW_COLUMNS
    " WHERE +a.status IN ('done', 'dropped') AND a.id IN"
    "  (SELECT action_id FROM action_history WHERE at >= ?9"
    "   AND new_status IN ('done', 'dropped'))" ROWS_WHERE;
/* A run of items by id, given as a JSON array: one statement keeps its
 * cursor between rows, where one lookup per id would start each from the
 * top of the table. */
static const char SQL_FETCH[] = ROW_COLUMNS
    " WHERE a.id IN (SELECT value FROM json_each(?2))";

static const char SQL_HISTORY[] =
    "SELECT at, old_status, new_status, note, review_meeting_id"
    " FROM action_history WHERE action_id = ?1 ORDER BY id";

static const char SQL_STATUS[] = "SELECT status FROM action WHERE id = ?1";

static const char SQL_SET_STATUS[] =
    "UPDATE action SET status = ?2, updated = " NOW " WHERE id = ?1";

static const char SQL_ADD_HISTORY[] =
    "INSERT INTO action_history (action_id, old_status, new_status, note)"
    " VALUES (?1, ?2, ?3, ?4)";

/* What the minutes of a meeting review: every task its review answered
 * (with the status and note of its last answer there), and every task
 * carried from earlier meetings of its series that is still open or in
 * progress, answered or not (issue 13: the biên bản lists every carried
 * task). */
static const char SQL_REVIEWED[] =
    "SELECT a.assignee, a.task, a.due, coalesce(h.new_status, a.status),"
    " h.note"
    " FROM action a JOIN meeting m ON m.id = a.meeting_id"
    " LEFT JOIN action_history h ON h.id = (SELECT max(h2.id)"
    "  FROM action_history h2 WHERE h2.action_id = a.id"
    "  AND h2.review_meeting_id = ?1)"
    " WHERE a.id IN ("
    "  SELECT action_id FROM action_history WHERE review_meeting_id = ?1"
    "  UNION SELECT a2.id FROM meeting me JOIN meeting m2"
    "   ON m2.series = me.series AND m2.date <= me.date AND m2.id <> me.id"
    "   JOIN action a2 ON a2.meeting_id = m2.id"
    "   WHERE me.id = ?1 AND a2.status IN ('open', 'doing'))"
    " ORDER BY m.date, a.meeting_id, a.pos, a.id";
static const char SQL_SECTION[] =
    "SELECT body FROM section WHERE meeting_id = ?1 AND key = ?2";

static void
copy_stamp(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	size_t len = t ? (size_t)sqlite3_column_bytes(st, col) : 0;

	/* Not snprintf: five stamps a row of a long review add up. */
	if (len >= n)
		len = n - 1;
	memcpy(dst, t ? t : "", len);
	dst[len] = '\0';
}

static void
fill_row(sqlite3_stmt *st, struct action_row *r)
{
	memset(r, 0, sizeof *r);
	r->a.id = sqlite3_column_int64(st, 0);
	r->a.meeting_id = sqlite3_column_int64(st, 1);
	r->meeting_title = st_col_dup(st, 2);
	copy_stamp(r->meeting_date, sizeof r->meeting_date, st, 3);
	r->meeting_series = st_col_dup(st, 4);
	r->a.assignee = st_col_dup(st, 5);
	r->a.task = st_col_dup(st, 6);
	r->a.due = st_col_dup(st, 7);
	r->a.due_text = st_col_dup(st, 8);
	status_parse((const char *)sqlite3_column_text(st, 9), &r->a.status);
	r->a.src_section = st_col_dup(st, 10);
	r->a.src_start = sqlite3_column_int64(st, 11);
	r->a.src_end = sqlite3_column_int64(st, 12);
	copy_stamp(r->created, sizeof r->created, st, 13);
	copy_stamp(r->updated, sizeof r->updated, st, 14);
	r->overdue = sqlite3_column_int(st, 15) != 0;
	r->last_note = st_col_dup(st, 16);
	copy_stamp(r->uuid, sizeof r->uuid, st, 17);
	copy_stamp(r->closed, sizeof r->closed, st, 18);
}

/*
 * Verdicts of the assignee filter by assignee text: an open-addressing
 * table that stops remembering (but keeps answering) once it is full.
 */
#define MEMO_SLOTS 4096

struct memo {
	const char	*needle;	/* folded */
	char		*key[MEMO_SLOTS];
	bool		 hit[MEMO_SLOTS];
	size_t		 used;
};

static bool
memo_match(struct memo *mm, const char *assignee)
{
	size_t h = 5381, i;
	char *f;
	bool hit;

	if (assignee == NULL)
		return false;
	for (const unsigned char *p = (const unsigned char *)assignee; *p; p++)
		h = h * 33 ^ *p;
	for (i = h % MEMO_SLOTS; mm->key[i]; i = (i + 1) % MEMO_SLOTS)
		if (strcmp(mm->key[i], assignee) == 0)
			return mm->hit[i];
	f = utf8_fold(assignee, strlen(assignee));
	hit = strstr(f, mm->needle) != NULL;
	free(f);
	/* Keep a quarter free so probes stay short. */
	if (mm->used < MEMO_SLOTS / 4 * 3) {
		mm->key[i] = xstrdup(assignee);
		mm->hit[i] = hit;
		mm->used++;
	}
	return hit;
}

static void
memo_free(struct memo *mm)
{
	for (size_t i = 0; i < MEMO_SLOTS; i++)
		free(mm->key[i]);
	free(mm);
}

/* What the review order needs of an item: the index holds all of it. */
struct act_key {
	int64_t	 id;
	char	 due[11];	/* "" when undated */
	bool	 overdue;
};

/* Overdue first, then by due date, undated last, then by id. */
static int
review_order(const void *pa, const void *pb)
{
	const struct act_key *a = pa, *b = pb;
	int c;

	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if ((a->due[0] == '\0') != (b->due[0] == '\0'))
		return a->due[0] == '\0' ? 1 : -1;
	if ((c = strcmp(a->due, b->due)) != 0)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The keys of the items store_act_ids reads, those of another assignee
 * left out when mm is set. */
struct keys {
	struct memo	*mm;
	struct act_key	*k;
	size_t		 n, cap;
};

static int
row_key(sqlite3_stmt *st, void *arg)
{
	struct keys *ks = arg;
	struct act_key *k;

	if (ks->mm && !memo_match(ks->mm,
	    (const char *)sqlite3_column_text(st, 3)))
		return 0;
	XPUSH(ks->k, ks->n, ks->cap);
	k = &ks->k[ks->n++];
	k->id = sqlite3_column_int64(st, 0);
	copy_stamp(k->due, sizeof k->due, st, 1);
	k->overdue = sqlite3_column_int(st, 2) != 0;
	return 0;
}

const char *const *
store_act_scope(const struct store_act_filter *f, const char **limit)
{
	static const char *const scopes[][4] = {
		[STORE_ACT_OPEN] = { "open", "doing", "open", "doing" },
		[STORE_ACT_OVERDUE] = { "open", "doing", "open", "doing" },
		[STORE_ACT_ALL] = { "open", "doing", "done", "dropped" },
	};

	*limit = f->due_before;
	/* Overdue is "due before today", so it is one more upper bound. */
	if (f->scope == STORE_ACT_OVERDUE &&
	    (*limit == NULL || strcmp(f->today, *limit) < 0))
		*limit = f->today;
	return scopes[f->scope];
}

/* Binds the filter to SQL_IDS or SQL_IDS_ASSIGNEE. */
static void
bind_filter(sqlite3_stmt *st, const struct store_act_filter *f)
{
	const char *limit;
	const char *const *scope = store_act_scope(f, &limit);

	sqlite3_bind_text(st, 1, f->today, -1, SQLITE_STATIC);
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(st, 2 + i, scope[i], -1, SQLITE_STATIC);
	st_bind_text(st, 6, limit);
	if (f->meeting_id)
		sqlite3_bind_int64(st, 7, f->meeting_id);
	st_bind_text(st, 8, f->series);
}

int
store_act_ids(struct store *s, const struct store_act_filter *f,
    int64_t **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_act_ids(s->pg, f, out, n, e);
	bool by_assignee = f->assignee && *f->assignee;
	sqlite3_stmt *st = st_prep(s, by_assignee ? SQL_IDS_ASSIGNEE : SQL_IDS,
	    e);
	struct keys ks = { 0 };
	char *needle = NULL;
	int64_t *ids;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	bind_filter(st, f);
	if (by_assignee) {
		needle = utf8_fold(f->assignee, strlen(f->assignee));
		ks.mm = xcalloc(1, sizeof *ks.mm);
		ks.mm->needle = needle;
	}
	rc = st_each(s, st, row_key, &ks, _("listing action items"), e);
	if (ks.mm)
		memo_free(ks.mm);
	free(needle);
	if (rc != 0) {
		free(ks.k);
		return rc;
	}
	if (ks.n > 1)
		qsort(ks.k, ks.n, sizeof *ks.k, review_order);
	ids = ks.n ? xreallocarray(NULL, ks.n, sizeof *ids) : NULL;
	for (size_t i = 0; i < ks.n; i++)
		ids[i] = ks.k[i].id;
	free(ks.k);
	*out = ids;
	*n = ks.n;
	return 0;
}

/* Where each id of a run goes, sorted by id to place rows as they come. */
struct id_pos {
	int64_t	 id;
	size_t	 pos;
};

static int
by_id(const void *pa, const void *pb)
{
	const struct id_pos *a = pa, *b = pb;

	return a->id < b->id ? -1 : a->id > b->id;
}

/* Puts each row of a run where its id goes in out. */
struct placing {
	const struct id_pos	*o;
	size_t			 n;
	struct action_row	*out;
};

static int
row_place(sqlite3_stmt *st, void *arg)
{
	struct placing *pl = arg;
	struct id_pos key = { .id = sqlite3_column_int64(st, 0) }, *hit;

	hit = bsearch(&key, pl->o, pl->n, sizeof *pl->o, by_id);
	if (hit && pl->out[hit->pos].a.meeting_id == 0)
		fill_row(st, &pl->out[hit->pos]);
	return 0;
}

int
store_act_fetch(struct store *s, const char *today, const int64_t *ids,
    size_t n, struct action_row *out, struct err *e)
{
	if (s->pg)
		return pgs_act_fetch(s->pg, today, ids, n, out, e);
	sqlite3_stmt *st = st_prep(s, SQL_FETCH, e);
	struct buf list = BUF_INIT;
	struct placing pl;
	struct id_pos *o;
	int rc;

	if (st == NULL)
		return ERR_RUNTIME;
	if (n == 0)
		return 0;
	o = xreallocarray(NULL, n, sizeof *o);
	for (size_t i = 0; i < n; i++) {
		o[i].id = ids[i];
		o[i].pos = i;
		/* Until its row is read: an item deleted since its id was. */
		memset(&out[i], 0, sizeof out[i]);
		out[i].a.id = ids[i];
	}
	qsort(o, n, sizeof *o, by_id);
	buf_addc(&list, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%lld", i ? "," : "", (long long)o[i].id);
	buf_addc(&list, ']');
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, buf_str(&list), (int)list.len, SQLITE_STATIC);
	pl.o = o;
	pl.n = n;
	pl.out = out;
	rc = st_each(s, st, row_place, &pl, _("listing action items"), e);
	buf_free(&list);
	free(o);
	if (rc != 0)
		for (size_t i = 0; i < n; i++)
			action_row_free(&out[i]);
	return rc;
}

int
store_act_row_order(const void *pa, const void *pb)
{
	const struct action_row *a = pa, *b = pb;
	const char *da = a->a.due ? a->a.due : "", *db = b->a.due ? b->a.due : "";
	int c;

	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if ((*da == '\0') != (*db == '\0'))
		return *da == '\0' ? 1 : -1;
	if ((c = strcmp(da, db)) != 0)
		return c;
	return a->a.id < b->a.id ? -1 : a->a.id > b->a.id;
}

void
st_to_end(void *v, size_t n, size_t k, size_t size)
{
	char *tmp;

	if (k == 0 || k >= n)
		return;
	tmp = xreallocarray(NULL, k, size);
	memcpy(tmp, v, k * size);
	memmove(v, (char *)v + k * size, (n - k) * size);
	memcpy((char *)v + (n - k) * size, tmp, k * size);
	free(tmp);
}

/* Moves the undated rows, which come first, after the others. */
static void
undated_last(struct action_row *v, size_t n)
{
	size_t k = 0;

	while (k < n && v[k].a.due == NULL)
		k++;
	st_to_end(v, n, k, sizeof *v);
}

/* Appends the rows of st (bound by the caller) that pass the assignee
 * filter mm (or all, when NULL) to *v. */
static int
collect_rows(struct store *s, sqlite3_stmt *st, struct memo *mm,
    struct action_row **v, size_t *n, size_t *cap, struct err *e)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (mm && !memo_match(mm, (const char *)sqlite3_column_text(st, 5)))
			continue;
		XPUSH(*v, *n, *cap);
		fill_row(st, &(*v)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return st_fail(s, _("listing action items"), e);
	return 0;
}

/*
 * The open review reads each page of its index once, in order, and a
 * meeting's page for each item: a cache of SQLite's default 2 MB fills
 * with pages never read again, each a page fault to hold.  512 KB keeps
 * the meetings' upper pages as well (10,000 open items: 1.2 ms and 380
 * page faults less); the default is back for whatever comes next.  The
 * table's read (store_act_brief.c) reads the meetings in order too, and
 * needs no more than the path to the page it is on: 128 KB, 90 page
 * faults less than 512.
 */
static const char *const SQL_CACHE[] = {
	[ST_CACHE_DEFAULT] = "PRAGMA cache_size = -2000",
	[ST_CACHE_SEEK] = "PRAGMA cache_size = -512",
	[ST_CACHE_SCAN] = "PRAGMA cache_size = -128",
};

void
st_review_cache(struct store *s, enum st_cache size)
{
	sqlite3_stmt *st = st_prep(s, SQL_CACHE[size], NULL);

	if (st)
		st_done(s, st, "", NULL);
}

/* store_act_query for the open and overdue scopes (see SQL_OPEN_ROWS). */
static int
open_rows(struct store *s, const struct store_act_filter *f,
    struct action_row **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st[2] = { st_prep(s, f->brief && !f->with_notes ?
	    SQL_OPEN_BRIEF : SQL_OPEN_ROWS, e),
	    f->closed_since ? st_prep(s, SQL_CLOSED_ROWS, e) : NULL };
	const char *limit;
	struct memo *mm = NULL;
	struct action_row *v = NULL;
	char *needle = NULL;
	size_t len = 0, cap = 0;
	int rc = 0;

	if (st[0] == NULL || (f->closed_since && st[1] == NULL))
		return ERR_RUNTIME;
	store_act_scope(f, &limit);
	if (f->assignee && *f->assignee) {
		needle = utf8_fold(f->assignee, strlen(f->assignee));
		mm = xcalloc(1, sizeof *mm);
		mm->needle = needle;
	}
	st_review_cache(s, ST_CACHE_SEEK);
	/* One read transaction: an item closed meanwhile is not met twice. */
	if (st_read_begin(s, _("listing action items"), e))
		rc = ERR_RUNTIME;
	for (int k = 0; k < 2 && st[k] && rc == 0; k++) {
		sqlite3_bind_text(st[k], 1, f->today, -1, SQLITE_STATIC);
		st_bind_text(st[k], 6, limit);
		if (f->meeting_id)
			sqlite3_bind_int64(st[k], 7, f->meeting_id);
		st_bind_text(st[k], 8, f->series);
		/* The latest note costs a look into each item's history:
		 * only when the caller shows it. */
		sqlite3_bind_int(st[k], 10, f->with_notes);
		if (k == 1)
			st_bind_text(st[k], 9, f->closed_since);
		rc = collect_rows(s, st[k], mm, &v, &len, &cap, e);
	}
	st_rollback(s);
	st_review_cache(s, ST_CACHE_DEFAULT);
	if (mm)
		memo_free(mm);
	free(needle);
	if (rc != 0) {
		action_rows_free(v, len);
		return rc;
	}
	if (f->closed_since && len > 1)
		qsort(v, len, sizeof *v, store_act_row_order);
	else
		undated_last(v, len);
	*out = v;
	*n = len;
	return 0;
}

int
store_act_query(struct store *s, const struct store_act_filter *f,
    struct action_row **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_act_query(s->pg, f, out, n, e);
	struct action_row *v;
	int64_t *ids;
	size_t len;
	int rc;

	*out = NULL;
	*n = 0;
	if (f->scope != STORE_ACT_ALL)
		return open_rows(s, f, out, n, e);
	/* One read transaction, so both steps see the same items. */
	if (st_read_begin(s, _("listing action items"), e))
		return ERR_RUNTIME;
	if ((rc = store_act_ids(s, f, &ids, &len, e)) != 0) {
		st_rollback(s);
		return rc;
	}
	v = len ? xcalloc(len, sizeof *v) : NULL;
	rc = store_act_fetch(s, f->today, ids, len, v, e);
	st_rollback(s);
	free(ids);
	if (rc != 0) {
		free(v);
		return rc;
	}
	*out = v;
	*n = len;
	return 0;
}

/* Row callback: the row of one item, and that there was one. */
static int
row_one(sqlite3_stmt *st, void *arg)
{
	fill_row(st, arg);
	return 0;
}

int
store_act_get(struct store *s, int64_t id, const char *today,
    struct action_row *out, struct err *e)
{
	if (s->pg)
		return pgs_act_get(s->pg, id, today, out, e);
	sqlite3_stmt *st = st_prep(s, SQL_GET, e);

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (st_each(s, st, row_one, out, _("reading an action item"), e))
		return ERR_RUNTIME;
	if (out->a.id == 0)
		return err_set(e, ERR_INPUT, _("no action item %lld"),
		    (long long)id);
	return 0;
}

static void
fill_event(sqlite3_stmt *st, void *elem)
{
	struct store_act_event *ev = elem;

	copy_stamp(ev->at, sizeof ev->at, st, 0);
	ev->old_status = st_col_dup(st, 1);
	ev->new_status = st_col_dup(st, 2);
	ev->note = st_col_dup(st, 3);
	ev->review_meeting_id = sqlite3_column_int64(st, 4);
	ev->by = NULL;	/* only a shared store knows who */
}

int
store_act_history(struct store *s, int64_t id, struct store_act_event **out,
    size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_act_history(s->pg, id, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_HISTORY, e);
	struct st_rows r = { .size = sizeof **out, .fill = fill_event };

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	if (st_rows(s, st, &r, _("reading an action item's history"), e)) {
		store_act_events_free(r.v, r.n);
		return ERR_RUNTIME;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

void
store_act_events_free(struct store_act_event *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].old_status);
		free(v[i].new_status);
		free(v[i].note);
		free(v[i].by);
	}
	free(v);
}

/* A status change, as st_tx runs it: changed says whether the status
 * moved; review_meeting_id, when not 0, is written on the history row. */
struct status_arg {
	int64_t		 id;
	enum act_status	 to;
	const char	*note;
	enum act_status	 old;
	bool		 changed;
	int64_t		 review_meeting_id;
};

static const char SQL_MARK_REVIEW[] =
    "UPDATE action_history SET review_meeting_id = ?2 WHERE id = ?1";

static int
tx_status(struct store *s, void *arg, struct err *e)
{
	struct status_arg *a = arg;
	sqlite3_stmt *st = st_prep(s, SQL_STATUS, e);
	char *word = NULL;

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, a->id);
	if (st_each(s, st, st_row_text, &word, _("reading an action item"), e))
		return ERR_RUNTIME;
	if (word == NULL)
		return err_set(e, ERR_INPUT, _("no action item %lld"),
		    (long long)a->id);
	a->old = ACT_OPEN;
	status_parse(word, &a->old);
	free(word);
	a->changed = a->old != a->to;
	/* Re-setting a status is only worth a row when it carries a note. */
	if (!a->changed && (a->note == NULL || *a->note == '\0'))
		return 0;
	if (a->changed) {
		if ((st = st_prep(s, SQL_SET_STATUS, e)) == NULL)
			return ERR_RUNTIME;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_text(st, 2, status_word(a->to), -1, SQLITE_STATIC);
		if (st_done(s, st, _("saving an action item"), e))
			return ERR_RUNTIME;
	}
	if ((st = st_prep(s, SQL_ADD_HISTORY, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, status_word(a->old), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, status_word(a->to), -1, SQLITE_STATIC);
	st_bind_text(st, 4, a->note);
	if (st_done(s, st, _("saving an action item's history"), e))
		return ERR_RUNTIME;
	if (a->review_meeting_id == 0)
		return 0;
	if ((st = st_prep(s, SQL_MARK_REVIEW, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, sqlite3_last_insert_rowid(s->db));
	sqlite3_bind_int64(st, 2, a->review_meeting_id);
	return st_done(s, st, _("saving an action item's history"), e);
}

/* A status change on either backend; old and changed may be NULL. */
static int
act_change(struct store *s, struct status_arg *a, enum act_status *old,
    bool *changed, struct err *e)
{
	int rc = s->pg ? pgs_act_change(s->pg, a->id, a->to, a->note,
	    a->review_meeting_id, &a->old, &a->changed, e) :
	    st_tx(s, tx_status, a, e);

	if (rc == 0 && old)
		*old = a->old;
	if (rc == 0 && changed)
		*changed = a->changed;
	return rc;
}

int
store_act_set_status(struct store *s, int64_t id, enum act_status to,
    const char *note, enum act_status *old, bool *changed, struct err *e)
{
	struct status_arg a = { .id = id, .to = to, .note = note };

	return act_change(s, &a, old, changed, e);
}

int
store_act_review(struct store *s, int64_t id, enum act_status to,
    const char *note, int64_t review_meeting_id, struct err *e)
{
	struct status_arg a = { .id = id, .to = to, .note = note,
	    .review_meeting_id = review_meeting_id };

	return act_change(s, &a, NULL, NULL, e);
}

static void
fill_review(sqlite3_stmt *st, void *elem)
{
	struct review_item *r = elem;

	r->assignee = st_col_dup(st, 0);
	r->task = st_col_dup(st, 1);
	r->due = st_col_dup(st, 2);
	r->status = ACT_OPEN;
	status_parse((const char *)sqlite3_column_text(st, 3), &r->status);
	r->note = st_col_dup(st, 4);
}

int
store_act_reviewed(struct store *s, int64_t meeting_id,
    struct review_item **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_act_reviewed(s->pg, meeting_id, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_REVIEWED, e);
	struct st_rows r = { .size = sizeof **out, .fill = fill_review };

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, meeting_id);
	if (st_rows(s, st, &r, _("reading the review of earlier tasks"), e)) {
		review_items_free(r.v, r.n);
		return ERR_RUNTIME;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

int
store_act_source(struct store *s, const struct action_row *r, char **text,
    struct err *e)
{
	if (s->pg)
		return pgs_act_source(s->pg, r, text, e);
	sqlite3_stmt *st;

	*text = NULL;
	if (r->a.src_section == NULL)
		return 0;
	if ((st = st_prep(s, SQL_SECTION, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, r->a.meeting_id);
	sqlite3_bind_text(st, 2, r->a.src_section, -1, SQLITE_STATIC);
	return st_each(s, st, st_row_text, text, _("reading a meeting"), e);
}
