/*
 * The review as a table shows it (see store.h, struct act_brief).  For
 * the open and overdue scopes of a SQLite store, the common `minutes
 * actions`, it is read in two statements inside one read transaction:
 * the items from the covering index action_open, without the meeting,
 * then the titles of their meetings in one pass over the meeting table.
 * Joining the meeting to each item instead costs a seek per item, and
 * copying each row's text into three allocations of its own (as
 * store_act_query does for rows that live on in a screen) cost as much as
 * the reading: here all text goes into one pool.  Every other case (all
 * statuses, closed items, an assignee, which is folded in C, and
 * PostgreSQL) is read by store_act_query and pointed into.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

/* As store_act_query's open review (store_action.c), the same filters
 * bound in the same way, without the meeting's columns. */
static const char SQL_ITEMS[] =
    "SELECT a.id, a.meeting_id, a.assignee, a.task, a.due, a.status"
    " FROM action a INDEXED BY action_open"
    " WHERE a.status IN ('open', 'doing')"
    " AND (?2 IS NULL OR a.due < ?2)"
    " AND (?3 IS NULL OR a.meeting_id = ?3)"
    " AND (?4 IS NULL OR a.meeting_id IN"
    "  (SELECT id FROM meeting WHERE series = ?4))"
    " ORDER BY a.due, a.id";
/* The titles of the meetings from ?1 to ?2: the table in order, when the
 * items' meetings are most of that range (the usual case: open items are
 * spread over the meetings of the last months or years). */
static const char SQL_TITLES_RANGE[] =
    "SELECT id, title FROM meeting WHERE id BETWEEN ?1 AND ?2";
/* The titles of the meetings listed (a JSON array, ascending): for a few
 * items among many meetings. */
static const char SQL_TITLES_SOME[] =
    "SELECT id, title FROM meeting"
    " WHERE id IN (SELECT value FROM json_each(?1))";

static const char *
pool_col(struct pool *p, sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	return t ? pool_strndup(p, t, (size_t)sqlite3_column_bytes(st, col)) :
	    NULL;
}

/*
 * Assignees recur (the same dozen offices on most items): each text is
 * kept once, and the table, which remembers widths by address, measures
 * it once.  An open-addressing table that stops taking names (but keeps
 * finding them) once three quarters full.
 */
#define NAMES 1024

struct names {
	const char	*p[NAMES];
	size_t		 len[NAMES];
	size_t		 used;
};

static const char *
name_col(struct names *nm, struct pool *p, sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col), *d;
	size_t len, h = 5381, i;

	if (t == NULL)
		return NULL;
	len = (size_t)sqlite3_column_bytes(st, col);
	for (i = 0; i < len; i++)
		h = h * 33 ^ (unsigned char)t[i];
	for (i = h % NAMES; nm->p[i]; i = (i + 1) % NAMES)
		if (nm->len[i] == len && memcmp(nm->p[i], t, len) == 0)
			return nm->p[i];
	d = pool_strndup(p, t, len);
	if (nm->used < NAMES / 4 * 3) {
		nm->p[i] = d;
		nm->len[i] = len;
		nm->used++;
	}
	return d;
}

static int
read_items(struct store *s, const struct store_act_filter *f,
    struct act_brief *out, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_ITEMS, e);
	struct names *nm;
	const char *limit;
	size_t cap = 0;
	int rc;

	if (st == NULL)
		return ERR_RUNTIME;
	nm = xcalloc(1, sizeof *nm);
	store_act_scope(f, &limit);
	st_bind_text(st, 2, limit);
	if (f->meeting_id)
		sqlite3_bind_int64(st, 3, f->meeting_id);
	st_bind_text(st, 4, f->series);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct act_brief_row *r;

		XPUSH(out->row, out->n, cap);
		r = &out->row[out->n++];
		r->id = sqlite3_column_int64(st, 0);
		r->meeting_id = sqlite3_column_int64(st, 1);
		r->title = "";
		r->assignee = name_col(nm, &out->text, st, 2);
		r->task = pool_col(&out->text, st, 3);
		if (r->task == NULL)
			r->task = "";
		r->due = pool_col(&out->text, st, 4);
		status_parse((const char *)sqlite3_column_text(st, 5),
		    &r->status);
		/* Open or in hand, and due before today. */
		r->overdue = r->due && strcmp(r->due, f->today) < 0;
	}
	sqlite3_reset(st);
	free(nm);
	if (rc != SQLITE_DONE)
		return st_fail(s, _("listing action items"), e);
	return 0;
}

/* The meetings of the items, lo..hi, read in id order: titles[id - lo]
 * set for each id marked in need. */
static int
titles_range(struct store *s, int64_t lo, int64_t hi, const char *need,
    const char **titles, struct pool *p, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_TITLES_RANGE, e);
	int rc;

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);

		if (id >= lo && id <= hi && need[id - lo])
			titles[id - lo] = pool_col(p, st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : st_fail(s, _("listing action items"),
	    e);
}

static int
by_value(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

/* The titles of a few meetings among many: looked up by id. */
static int
titles_some(struct store *s, struct act_brief *out, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_TITLES_SOME, e);
	int64_t *ids = xreallocarray(NULL, out->n, sizeof *ids);
	const char **titles;
	struct buf list = BUF_INIT;
	size_t u = 0;
	int rc;

	if (st == NULL) {
		free(ids);
		return ERR_RUNTIME;
	}
	for (size_t i = 0; i < out->n; i++)
		ids[i] = out->row[i].meeting_id;
	qsort(ids, out->n, sizeof *ids, by_value);
	for (size_t i = 0; i < out->n; i++)
		if (u == 0 || ids[u - 1] != ids[i])
			ids[u++] = ids[i];
	titles = xcalloc(u, sizeof *titles);
	buf_addc(&list, '[');
	for (size_t i = 0; i < u; i++)
		buf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	buf_addc(&list, ']');
	sqlite3_bind_text(st, 1, buf_str(&list), (int)list.len, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int64_t *hit = bsearch(&id, ids, u, sizeof *ids, by_value);

		if (hit)
			titles[hit - ids] = pool_col(&out->text, st, 1);
	}
	sqlite3_reset(st);
	buf_free(&list);
	for (size_t i = 0; rc == SQLITE_DONE && i < out->n; i++) {
		int64_t *hit = bsearch(&out->row[i].meeting_id, ids, u,
		    sizeof *ids, by_value);

		if (hit && titles[hit - ids])
			out->row[i].title = titles[hit - ids];
	}
	free(titles);
	free(ids);
	return rc == SQLITE_DONE ? 0 : st_fail(s, _("listing action items"),
	    e);
}

/* Every item's meeting title, by whichever of the two reads suits the
 * spread of their meetings. */
static int
read_titles(struct store *s, struct act_brief *out, struct err *e)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	const char **titles;
	char *need;
	size_t span;
	int rc;

	if (out->n == 0)
		return 0;
	for (size_t i = 0; i < out->n; i++) {
		if (out->row[i].meeting_id < lo)
			lo = out->row[i].meeting_id;
		if (out->row[i].meeting_id > hi)
			hi = out->row[i].meeting_id;
	}
	/* A range read costs a row per meeting in it, a look-up about three:
	 * the range while it holds no more than four meetings an item. */
	if ((uint64_t)hi - (uint64_t)lo >= 4 * (uint64_t)out->n + 1024)
		return titles_some(s, out, e);
	span = (size_t)((uint64_t)hi - (uint64_t)lo) + 1;
	need = xcalloc(span, 1);
	titles = xcalloc(span, sizeof *titles);
	for (size_t i = 0; i < out->n; i++)
		need[out->row[i].meeting_id - lo] = 1;
	rc = titles_range(s, lo, hi, need, titles, &out->text, e);
	for (size_t i = 0; rc == 0 && i < out->n; i++)
		if (titles[out->row[i].meeting_id - lo])
			out->row[i].title = titles[out->row[i].meeting_id - lo];
	free(titles);
	free(need);
	return rc;
}

/* Moves the undated items, which the index gives first, after the
 * others. */
static void
brief_undated_last(struct act_brief *out)
{
	size_t k = 0;

	while (k < out->n && out->row[k].due == NULL)
		k++;
	st_to_end(out->row, out->n, k, sizeof *out->row);
}

/* The fast read (see the top of this file). */
static int
brief_open(struct store *s, const struct store_act_filter *f,
    struct act_brief *out, struct err *e)
{
	int rc;

	st_review_cache(s, ST_CACHE_SCAN);
	/* One read transaction: the titles are those of the items' own
	 * meetings even while another instance saves. */
	rc = st_read_begin(s, _("listing action items"), e) ? ERR_RUNTIME :
	    read_items(s, f, out, e);
	if (rc == 0)
		rc = read_titles(s, out, e);
	st_rollback(s);
	st_review_cache(s, ST_CACHE_DEFAULT);
	if (rc == 0)
		brief_undated_last(out);
	return rc;
}

/* Rows pointing into store_act_query's. */
static int
brief_full(struct store *s, const struct store_act_filter *f,
    struct act_brief *out, struct err *e)
{
	struct store_act_filter bf = *f;
	int rc;

	bf.brief = true;
	if ((rc = store_act_query(s, &bf, &out->full, &out->n, e)) != 0)
		return rc;
	out->row = out->n ? xcalloc(out->n, sizeof *out->row) : NULL;
	for (size_t i = 0; i < out->n; i++) {
		const struct action_row *v = &out->full[i];
		struct act_brief_row *r = &out->row[i];

		r->id = v->a.id;
		r->meeting_id = v->a.meeting_id;
		r->title = v->meeting_title ? v->meeting_title : "";
		r->assignee = v->a.assignee;
		r->task = v->a.task ? v->a.task : "";
		r->due = v->a.due;
		r->status = v->a.status;
		r->overdue = v->overdue;
	}
	return 0;
}

int
store_act_brief(struct store *s, const struct store_act_filter *f,
    struct act_brief *out, struct err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (s->pg || f->scope == STORE_ACT_ALL || f->closed_since ||
	    (f->assignee && *f->assignee) || f->with_notes)
		rc = brief_full(s, f, out, e);
	else
		rc = brief_open(s, f, out, e);
	if (rc != 0)
		store_act_brief_free(out);
	return rc;
}

void
store_act_brief_free(struct act_brief *b)
{
	action_rows_free(b->full, b->full ? b->n : 0);
	free(b->row);
	pool_free(&b->text);
	memset(b, 0, sizeof *b);
}
