/*
 * The review of tasks across meetings in the PostgreSQL store, the twins
 * of store_action.c.  The whole review comes in one statement and is put
 * in review order here (overdue first, then by due date, undated last,
 * then by id), as the screen's list of ids is by the server (dates
 * compare bytewise, as the columns are COLLATE "C"); the assignee filter
 * folds in C with utf8_fold, as on SQLite, so both stores choose the
 * same tasks.  Row-level security leaves out the tasks of units this
 * role does not see.
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
#include "store/store_pg_impl.h"

/* Columns shared by the list and the single item, in this order, with
 * the latest note as the column "notes" says; as in store_action.c. */
#define LAST_NOTE \
    "(SELECT h.note FROM action_history h WHERE h.action_id = a.id" \
    " AND h.note IS NOT NULL AND h.note <> '' ORDER BY h.id DESC LIMIT 1)"
#define ROW_COLUMNS(notes) \
    "SELECT a.id, a.meeting_id, m.title, m.date, m.series, a.assignee," \
    " a.task, a.due, a.due_text, a.status, a.src_section, a.src_start," \
    " a.src_end, a.created, a.updated," \
    " (a.status IN ('open', 'doing') AND a.due IS NOT NULL AND a.due < $1)," \
    " " notes ", a.uuid, CASE WHEN a.status IN ('done', 'dropped') THEN" \
    "  (SELECT h.at FROM action_history h WHERE h.action_id = a.id" \
    "   ORDER BY h.id DESC LIMIT 1) END" \
    " FROM action a JOIN meeting m ON m.id = a.meeting_id"
#define OTHER_FILTERS \
    " AND ($6::text IS NULL OR a.due < $6)" \
    " AND ($7::bigint IS NULL OR a.meeting_id = $7)" \
    " AND ($8::text IS NULL OR a.meeting_id IN" \
    "  (SELECT id FROM meeting WHERE series = $8))"
#define WHERE_FILTER " WHERE a.status IN ($2, $3, $4, $5)" OTHER_FILTERS
/* The review also lists the items closed (done, dropped) on or after $9
 * when it is given, found by their history; $10 asks for the notes. */
#define WHERE_QUERY \
    " WHERE (a.status IN ($2, $3, $4, $5) OR ($9::text IS NOT NULL" \
    "  AND a.status IN ('done', 'dropped') AND a.id IN (SELECT action_id" \
    "  FROM action_history WHERE at >= $9" \
    "  AND new_status IN ('done', 'dropped'))))" OTHER_FILTERS
#define REVIEW_ORDER \
    " ORDER BY (a.status IN ('open', 'doing') AND a.due IS NOT NULL" \
    " AND a.due < $1) DESC, a.due IS NULL, a.due, a.id"

/* The review's rows come unsorted, and are put in review order here: the
 * server's sort of thousands of wide rows took twice as long as reading
 * them (20 ms for 10,000). */
static const char SQL_QUERY[] =
    ROW_COLUMNS("CASE WHEN $10::boolean THEN " LAST_NOTE " END")
    WHERE_QUERY;
/* The same with only what a table shows (the rest NULL, in the same
 * places), for a caller that asks for no more (f->brief): a third of
 * the bytes to send, and no look into the history of closed items. */
static const char SQL_BRIEF[] =
    "SELECT a.id, a.meeting_id, m.title, NULL, NULL, a.assignee, a.task,"
    " a.due, NULL, a.status, NULL, NULL, NULL, NULL, NULL,"
    " (a.status IN ('open', 'doing') AND a.due IS NOT NULL AND a.due < $1),"
    " NULL, NULL, NULL FROM action a JOIN meeting m ON m.id = a.meeting_id"
    WHERE_QUERY;
static const char SQL_IDS[] =
    "SELECT a.id, a.assignee FROM action a" WHERE_FILTER REVIEW_ORDER;
static const char SQL_FETCH[] = ROW_COLUMNS(LAST_NOTE)
    " WHERE a.id = ANY ($2::bigint[])";
static const char SQL_GET[] = ROW_COLUMNS(LAST_NOTE) " WHERE a.id = $2";
static const char SQL_HISTORY[] =
    "SELECT at, old_status, new_status, note, review_meeting_id, by_role"
    " FROM action_history WHERE action_id = $1 ORDER BY id";
static const char SQL_STATUS[] =
    "SELECT status FROM action WHERE id = $1 FOR UPDATE";
static const char SQL_SET_STATUS[] =
    "UPDATE action SET status = $2, updated = minutes.stamp() WHERE id = $1";
static const char SQL_ADD_HISTORY[] =
    "INSERT INTO action_history (action_id, old_status, new_status, note,"
    " review_meeting_id) VALUES ($1, $2, $3, $4, $5)";
/* As in store_action.c: every task the review answered, and every task
 * carried from earlier meetings of the series still open or in progress. */
static const char SQL_REVIEWED[] =
    "SELECT a.assignee, a.task, a.due, coalesce(h.new_status, a.status),"
    " h.note"
    " FROM action a JOIN meeting m ON m.id = a.meeting_id"
    " LEFT JOIN action_history h ON h.id = (SELECT max(h2.id)"
    "  FROM action_history h2 WHERE h2.action_id = a.id"
    "  AND h2.review_meeting_id = $1)"
    " WHERE a.id IN ("
    "  SELECT action_id FROM action_history WHERE review_meeting_id = $1"
    "  UNION SELECT a2.id FROM meeting me JOIN meeting m2"
    "   ON m2.series = me.series AND m2.date <= me.date AND m2.id <> me.id"
    "   JOIN action a2 ON a2.meeting_id = m2.id"
    "   WHERE me.id = $1 AND a2.status IN ('open', 'doing'))"
    " ORDER BY m.date, a.meeting_id, a.pos, a.id";
static const char SQL_SECTION[] =
    "SELECT body FROM section WHERE meeting_id = $1 AND key = $2";

void
pg_fill_row(const PGresult *r, int i, struct action_row *w)
{
	memset(w, 0, sizeof *w);
	w->a.id = pg_int(r, i, 0);
	w->a.meeting_id = pg_int(r, i, 1);
	w->meeting_title = pg_dup(r, i, 2);
	pg_copy(w->meeting_date, sizeof w->meeting_date, r, i, 3);
	w->meeting_series = pg_dup(r, i, 4);
	w->a.assignee = pg_dup(r, i, 5);
	w->a.task = pg_dup(r, i, 6);
	w->a.due = pg_dup(r, i, 7);
	w->a.due_text = pg_dup(r, i, 8);
	status_parse(PQgetvalue(r, i, 9), &w->a.status);
	w->a.base_status = w->a.status;
	w->a.src_section = pg_dup(r, i, 10);
	w->a.src_start = pg_int(r, i, 11);
	w->a.src_end = pg_int(r, i, 12);
	pg_copy(w->created, sizeof w->created, r, i, 13);
	pg_copy(w->updated, sizeof w->updated, r, i, 14);
	w->overdue = pg_true(r, i, 15);
	w->last_note = pg_dup(r, i, 16);
	pg_copy(w->uuid, sizeof w->uuid, r, i, 17);
	pg_copy(w->closed, sizeof w->closed, r, i, 18);
}

/* Binds the filter as $1..$8 of WHERE_FILTER and REVIEW_ORDER. */
static void
bind_filter(struct pgp *a, const struct store_act_filter *f)
{
	const char *limit;
	const char *const *scope = store_act_scope(f, &limit);

	pgp_str(a, f->today);
	for (int i = 0; i < 4; i++)
		pgp_str(a, scope[i]);
	pgp_text(a, limit);
	if (f->meeting_id)
		pgp_int(a, f->meeting_id);
	else
		pgp_null(a);
	pgp_text(a, f->series);
}

/* The assignee filter: the folded needle in the folded assignee, the
 * last verdict remembered (tasks of one unit tend to come together). */
struct who {
	char	*needle;
	char	*last;
	bool	 hit;
};

static bool
who_match(struct who *w, const char *assignee)
{
	char *f;

	if (assignee == NULL)
		return false;
	if (w->last && strcmp(w->last, assignee) == 0)
		return w->hit;
	f = utf8_fold(assignee, strlen(assignee));
	w->hit = strstr(f, w->needle) != NULL;
	free(f);
	free(w->last);
	w->last = xstrdup(assignee);
	return w->hit;
}

int
pgs_act_query(struct pgs *p, const struct store_act_filter *f,
    struct action_row **out, size_t *n, struct err *e)
{
	struct pgp a = PGP_INIT;
	struct who w = { 0 };
	struct action_row *v;
	PGresult *r;
	size_t len = 0;
	int rows;

	*out = NULL;
	*n = 0;
	bind_filter(&a, f);
	/* As on SQLite: the closed items only beside the open ones, and the
	 * latest note, which costs a look into each item's history, for
	 * every scope but the open ones only when the caller shows it. */
	pgp_text(&a, f->scope != STORE_ACT_ALL ? f->closed_since : NULL);
	if (!f->brief)
		pgp_str(&a, f->scope == STORE_ACT_ALL || f->with_notes ?
		    "t" : "f");
	r = pg_run(p, f->brief ? SQL_BRIEF : SQL_QUERY, &a,
	    _("listing action items"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	rows = PQntuples(r);
	if (f->assignee && *f->assignee)
		w.needle = utf8_fold(f->assignee, strlen(f->assignee));
	v = rows ? xcalloc((size_t)rows, sizeof *v) : NULL;
	for (int i = 0; i < rows; i++) {
		if (w.needle && !who_match(&w, PQgetisnull(r, i, 5) ? NULL :
		    PQgetvalue(r, i, 5)))
			continue;
		pg_fill_row(r, i, &v[len++]);
	}
	PQclear(r);
	free(w.needle);
	free(w.last);
	if (len == 0) {
		free(v);
		v = NULL;
	} else if (len > 1)
		qsort(v, len, sizeof *v, store_act_row_order);
	*out = v;
	*n = len;
	return 0;
}

int
pgs_act_ids(struct pgs *p, const struct store_act_filter *f, int64_t **out,
    size_t *n, struct err *e)
{
	struct pgp a = PGP_INIT;
	struct who w = { 0 };
	int64_t *ids;
	PGresult *r;
	size_t len = 0;
	int rows;

	*out = NULL;
	*n = 0;
	bind_filter(&a, f);
	if ((r = pg_run(p, SQL_IDS, &a, _("listing action items"), e)) == NULL)
		return ERR_RUNTIME;
	rows = PQntuples(r);
	if (f->assignee && *f->assignee)
		w.needle = utf8_fold(f->assignee, strlen(f->assignee));
	ids = rows ? xreallocarray(NULL, (size_t)rows, sizeof *ids) : NULL;
	for (int i = 0; i < rows; i++)
		if (w.needle == NULL || who_match(&w, PQgetisnull(r, i, 1) ?
		    NULL : PQgetvalue(r, i, 1)))
			ids[len++] = pg_int(r, i, 0);
	PQclear(r);
	free(w.needle);
	free(w.last);
	if (len == 0) {
		free(ids);
		ids = NULL;
	}
	*out = ids;
	*n = len;
	return 0;
}

int
pgs_act_fetch(struct pgs *p, const char *today, const int64_t *ids, size_t n,
    struct action_row *out, struct err *e)
{
	struct pgp a = PGP_INIT;
	struct buf list = BUF_INIT;
	PGresult *r;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		/* Until its row is read: an item deleted since its id was. */
		memset(&out[i], 0, sizeof out[i]);
		out[i].a.id = ids[i];
	}
	buf_addc(&list, '{');
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	buf_addc(&list, '}');
	pgp_str(&a, today);
	pgp_str(&a, buf_str(&list));
	r = pg_run(p, SQL_FETCH, &a, _("listing action items"), e);
	buf_free(&list);
	if (r == NULL)
		return ERR_RUNTIME;
	/* Rows come in any order; runs are a screen long, so a scan of the
	 * ids for each row costs nothing worth a sort. */
	for (int i = 0; i < PQntuples(r); i++) {
		int64_t id = pg_int(r, i, 0);

		for (size_t k = 0; k < n; k++)
			if (out[k].a.id == id && out[k].a.meeting_id == 0) {
				pg_fill_row(r, i, &out[k]);
				break;
			}
	}
	PQclear(r);
	return 0;
}

int
pgs_act_get(struct pgs *p, int64_t id, const char *today,
    struct action_row *out, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	memset(out, 0, sizeof *out);
	pgp_str(&a, today);
	pgp_int(&a, id);
	r = pg_run(p, SQL_GET, &a, _("reading an action item"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return err_set(e, ERR_INPUT, _("no action item %lld"),
		    (long long)id);
	}
	pg_fill_row(r, 0, out);
	PQclear(r);
	return 0;
}

/* pg_rows of a statement whose one parameter is an id. */
static int
rows_of(struct pgs *p, const char *sql, int64_t id, const char *what,
    size_t size, void (*fill)(const PGresult *, int, void *), void **out,
    size_t *n, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, id);
	return pg_rows(p, sql, &a, what, size, fill, out, n, e);
}

static void
fill_event(const PGresult *r, int i, void *elem)
{
	struct store_act_event *v = elem;

	pg_copy(v->at, sizeof v->at, r, i, 0);
	v->old_status = pg_dup(r, i, 1);
	v->new_status = pg_dup(r, i, 2);
	v->note = pg_dup(r, i, 3);
	v->review_meeting_id = pg_int(r, i, 4);
	v->by = pg_dup(r, i, 5);
}

int
pgs_act_history(struct pgs *p, int64_t id, struct store_act_event **out,
    size_t *n, struct err *e)
{
	void *v;
	int rc = rows_of(p, SQL_HISTORY, id, _("reading an action item's "
	    "history"), sizeof **out, fill_event, &v, n, e);

	*out = v;
	return rc;
}

int
pg_task_status(struct pgs *p, int64_t id, enum act_status *st, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	pgp_int(&a, id);
	r = pg_run(p, SQL_STATUS, &a, _("reading an action item"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return err_set(e, ERR_INPUT, _("no action item %lld"),
		    (long long)id);
	}
	*st = ACT_OPEN;
	status_parse(PQgetvalue(r, 0, 0), st);
	PQclear(r);
	return 0;
}

struct status_arg {
	int64_t		 id;
	enum act_status	 to;
	const char	*note;
	int64_t		 review;	/* 0 when none */
	enum act_status	 from;
	bool		 changed;
};

static int
tx_status(struct pgs *p, void *arg, struct err *e)
{
	struct status_arg *s = arg;
	struct pgp a = PGP_INIT;
	int rc;

	if ((rc = pg_task_status(p, s->id, &s->from, e)) != 0)
		return rc;
	s->changed = s->from != s->to;
	/* Re-setting a status is only worth a row when it carries a note. */
	if (!s->changed && (s->note == NULL || *s->note == '\0'))
		return 0;
	pgp_int(&a, s->id);
	if (s->changed) {
		pgp_str(&a, status_word(s->to));
		if (pg_do(p, SQL_SET_STATUS, &a, _("saving an action item"), e))
			return ERR_RUNTIME;
		a.n = 1;
	}
	pgp_str(&a, status_word(s->from));
	pgp_str(&a, status_word(s->to));
	pgp_text(&a, s->note);
	if (s->review)
		pgp_int(&a, s->review);
	else
		pgp_null(&a);
	return pg_do(p, SQL_ADD_HISTORY, &a, _("saving an action item's history"), e);
}

int
pgs_act_change(struct pgs *p, int64_t id, enum act_status to,
    const char *note, int64_t review_meeting_id, enum act_status *old,
    bool *changed, struct err *e)
{
	struct status_arg s = { .id = id, .to = to, .note = note,
	    .review = review_meeting_id };
	int rc = pg_tx(p, tx_status, &s, e);

	*old = s.from;
	*changed = s.changed;
	return rc;
}

static void
fill_review(const PGresult *r, int i, void *elem)
{
	struct review_item *v = elem;

	v->assignee = pg_dup(r, i, 0);
	v->task = pg_dup(r, i, 1);
	v->due = pg_dup(r, i, 2);
	v->status = ACT_OPEN;
	status_parse(PQgetvalue(r, i, 3), &v->status);
	v->note = pg_dup(r, i, 4);
}

int
pgs_act_reviewed(struct pgs *p, int64_t meeting_id, struct review_item **out,
    size_t *n, struct err *e)
{
	void *v;
	int rc = rows_of(p, SQL_REVIEWED, meeting_id, _("reading an action "
	    "item's history"), sizeof **out, fill_review, &v, n, e);

	*out = v;
	return rc;
}

int
pgs_act_source(struct pgs *p, const struct action_row *w, char **text,
    struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	*text = NULL;
	if (w->a.src_section == NULL)
		return 0;
	pgp_int(&a, w->a.meeting_id);
	pgp_str(&a, w->a.src_section);
	if ((r = pg_run(p, SQL_SECTION, &a, _("reading a meeting"), e)) == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r) > 0)
		*text = pg_dup(r, 0, 0);
	PQclear(r);
	return 0;
}
