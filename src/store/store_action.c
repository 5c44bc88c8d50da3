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
#define ROW_COLUMNS \
    "SELECT a.id, a.meeting_id, m.title, m.date, m.series, a.assignee," \
    " a.task, a.due, a.due_text, a.status, a.src_section, a.src_start," \
    " a.src_end, a.created, a.updated," \
    " (a.status IN ('open', 'doing') AND a.due IS NOT NULL AND a.due < ?1)," \
    " (SELECT h.note FROM action_history h WHERE h.action_id = a.id" \
    "  AND h.note IS NOT NULL AND h.note <> '' ORDER BY h.id DESC LIMIT 1)" \
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

static const char SQL_MARK_REVIEW[] =
    "UPDATE action_history SET review_meeting_id = ?2 WHERE id = ?1";
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
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(dst, n, "%s", t ? (const char *)t : "");
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

int
store_act_ids(struct store *s, const struct store_act_filter *f,
    int64_t **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_act_ids(s->pg, f, out, n, e);
	static const char *const scopes[][4] = {
		[STORE_ACT_OPEN] = { "open", "doing", "open", "doing" },
		[STORE_ACT_OVERDUE] = { "open", "doing", "open", "doing" },
		[STORE_ACT_ALL] = { "open", "doing", "done", "dropped" },
	};
	bool by_assignee = f->assignee && *f->assignee;
	sqlite3_stmt *st = st_prep(s, by_assignee ? SQL_IDS_ASSIGNEE : SQL_IDS,
	    e);
	struct act_key *k = NULL;
	struct memo *mm = NULL;
	const char *limit = f->due_before;
	char *needle = NULL;
	int64_t *ids;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	/* Overdue is "due before today", so it is one more upper bound. */
	if (f->scope == STORE_ACT_OVERDUE &&
	    (limit == NULL || strcmp(f->today, limit) < 0))
		limit = f->today;
	sqlite3_bind_text(st, 1, f->today, -1, SQLITE_STATIC);
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(st, 2 + i, scopes[f->scope][i], -1,
		    SQLITE_STATIC);
	st_bind_text(st, 6, limit);
	if (f->meeting_id)
		sqlite3_bind_int64(st, 7, f->meeting_id);
	st_bind_text(st, 8, f->series);
	if (by_assignee) {
		needle = utf8_fold(f->assignee, strlen(f->assignee));
		mm = xcalloc(1, sizeof *mm);
		mm->needle = needle;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (mm && !memo_match(mm, (const char *)sqlite3_column_text(st, 3)))
			continue;
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			k = xreallocarray(k, cap, sizeof *k);
		}
		k[len].id = sqlite3_column_int64(st, 0);
		copy_stamp(k[len].due, sizeof k[len].due, st, 1);
		k[len].overdue = sqlite3_column_int(st, 2) != 0;
		len++;
	}
	sqlite3_reset(st);
	if (mm)
		memo_free(mm);
	free(needle);
	if (rc != SQLITE_DONE) {
		free(k);
		return st_fail(s, _("listing action items"), e);
	}
	if (len > 1)
		qsort(k, len, sizeof *k, review_order);
	ids = len ? xreallocarray(NULL, len, sizeof *ids) : NULL;
	for (size_t i = 0; i < len; i++)
		ids[i] = k[i].id;
	free(k);
	*out = ids;
	*n = len;
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

int
store_act_fetch(struct store *s, const char *today, const int64_t *ids,
    size_t n, struct action_row *out, struct err *e)
{
	if (s->pg)
		return pgs_act_fetch(s->pg, today, ids, n, out, e);
	sqlite3_stmt *st = st_prep(s, SQL_FETCH, e);
	struct buf list = BUF_INIT;
	struct id_pos *o, key, *hit;
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
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		key.id = sqlite3_column_int64(st, 0);
		hit = bsearch(&key, o, n, sizeof *o, by_id);
		if (hit && out[hit->pos].a.meeting_id == 0)
			fill_row(st, &out[hit->pos]);
	}
	sqlite3_reset(st);
	buf_free(&list);
	free(o);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < n; i++)
			action_row_free(&out[i]);
		return st_fail(s, _("listing action items"), e);
	}
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

int
store_act_get(struct store *s, int64_t id, const char *today,
    struct action_row *out, struct err *e)
{
	if (s->pg)
		return pgs_act_get(s->pg, id, today, out, e);
	sqlite3_stmt *st = st_prep(s, SQL_GET, e);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fill_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_INPUT, _("no action item %lld"),
		    (long long)id);
	if (rc != SQLITE_ROW)
		return st_fail(s, _("reading an action item"), e);
	return 0;
}


int
store_act_history(struct store *s, int64_t id, struct store_act_event **out,
    size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_act_history(s->pg, id, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_HISTORY, e);
	struct store_act_event *v = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_act_event *ev;

		v = xreallocarray(v, len + 1, sizeof *v);
		ev = &v[len++];
		copy_stamp(ev->at, sizeof ev->at, st, 0);
		ev->old_status = st_col_dup(st, 1);
		ev->new_status = st_col_dup(st, 2);
		ev->note = st_col_dup(st, 3);
		ev->review_meeting_id = sqlite3_column_int64(st, 4);
		ev->by = NULL;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_act_events_free(v, len);
		return st_fail(s, _("reading an action item's history"), e);
	}
	*out = v;
	*n = len;
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

/* The body of the transaction; the caller begins, commits or rolls back. */
static int
set_status(struct store *s, int64_t id, enum act_status to, const char *note,
    enum act_status *old, bool *changed, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_STATUS, e);
	enum act_status from = ACT_OPEN;
	int rc;

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		status_parse((const char *)sqlite3_column_text(st, 0), &from);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_INPUT, _("no action item %lld"),
		    (long long)id);
	if (rc != SQLITE_ROW)
		return st_fail(s, _("reading an action item"), e);
	if (old)
		*old = from;
	if (changed)
		*changed = from != to;
	/* Re-setting a status is only worth a row when it carries a note. */
	if (from == to && (note == NULL || *note == '\0'))
		return 0;
	if (from != to) {
		if ((st = st_prep(s, SQL_SET_STATUS, e)) == NULL)
			return ERR_RUNTIME;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, status_word(to), -1, SQLITE_STATIC);
		if (st_done(s, st, _("saving an action item"), e))
			return ERR_RUNTIME;
	}
	if ((st = st_prep(s, SQL_ADD_HISTORY, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, status_word(from), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, status_word(to), -1, SQLITE_STATIC);
	st_bind_text(st, 4, note);
	return st_done(s, st, _("saving an action item's history"), e);
}

int
store_act_set_status(struct store *s, int64_t id, enum act_status to,
    const char *note, enum act_status *old, bool *changed, struct err *e)
{
	if (s->pg)
		return pgs_act_set_status(s->pg, id, to, note, old, changed, e);
	int rc;

	if (st_begin(s, e))
		return ERR_RUNTIME;
	if ((rc = set_status(s, id, to, note, old, changed, e)) != 0) {
		st_rollback(s);
		return rc;
	}
	return st_commit(s, e);
}

int
store_act_review(struct store *s, int64_t id, enum act_status to,
    const char *note, int64_t review_meeting_id, struct err *e)
{
	if (s->pg)
		return pgs_act_review(s->pg, id, to, note, review_meeting_id, e);
	sqlite3_stmt *st;
	bool changed = false;
	int rc;

	if (st_begin(s, e))
		return ERR_RUNTIME;
	rc = set_status(s, id, to, note, NULL, &changed, e);
	/* set_status wrote a history row exactly when this holds. */
	if (rc == 0 && (changed || (note && *note))) {
		if ((st = st_prep(s, SQL_MARK_REVIEW, e)) == NULL)
			rc = ERR_RUNTIME;
		else {
			sqlite3_bind_int64(st, 1, sqlite3_last_insert_rowid(s->db));
			sqlite3_bind_int64(st, 2, review_meeting_id);
			if (st_done(s, st, _("saving an action item's history"), e))
				rc = ERR_RUNTIME;
		}
	}
	if (rc != 0) {
		st_rollback(s);
		return rc;
	}
	return st_commit(s, e);
}

int
store_act_reviewed(struct store *s, int64_t meeting_id,
    struct review_item **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_act_reviewed(s->pg, meeting_id, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_REVIEWED, e);
	struct review_item *v = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, meeting_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct review_item *r;

		v = xreallocarray(v, len + 1, sizeof *v);
		r = &v[len++];
		r->assignee = st_col_dup(st, 0);
		r->task = st_col_dup(st, 1);
		r->due = st_col_dup(st, 2);
		r->status = ACT_OPEN;
		status_parse((const char *)sqlite3_column_text(st, 3), &r->status);
		r->note = st_col_dup(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		review_items_free(v, len);
		return st_fail(s, _("reading an action item's history"), e);
	}
	*out = v;
	*n = len;
	return 0;
}

int
store_act_source(struct store *s, const struct action_row *r, char **text,
    struct err *e)
{
	if (s->pg)
		return pgs_act_source(s->pg, r, text, e);
	sqlite3_stmt *st;
	int rc;

	*text = NULL;
	if (r->a.src_section == NULL)
		return 0;
	if ((st = st_prep(s, SQL_SECTION, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, r->a.meeting_id);
	sqlite3_bind_text(st, 2, r->a.src_section, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*text = st_col_dup(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(s, _("reading a meeting"), e);
	return 0;
}
