/*
 * Queries a new meeting of a series needs (see store.h): the previous
 * meeting, the series' open actions, the series' names, and the people
 * seen before; and the making of a new meeting from them.  A series is
 * stored under one spelling: a name typed with another case, other
 * blanks or the tone mark elsewhere (uỷ/ủy) is resolved to the stored one
 * (series_same) before anything is stored or looked up, so every query
 * here can match the stored name exactly.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/meeting_new.h"
#include "core/series.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

/* ?1 the series, ?2 the date (or the end of time), ?3 the meeting to
 * leave out: what both queries of a series take. */
static void
bind_series(sqlite3_stmt *st, const char *series, const char *date,
    int64_t exclude_id)
{
	sqlite3_bind_text(st, 1, series, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date ? date : "9999-12-31", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, exclude_id);
}

static const char SQL_PREVIOUS[] =
    "SELECT id FROM meeting WHERE series = ?1 AND date <= ?2 AND id <> ?3"
    " ORDER BY date DESC, id DESC LIMIT 1";

static int
row_id(sqlite3_stmt *st, void *arg)
{
	*(int64_t *)arg = sqlite3_column_int64(st, 0);
	return 0;
}

int
store_series_previous(struct store *s, const char *series, const char *date,
    int64_t exclude_id, struct meeting *out, struct err *e)
{
	if (s->pg)
		return pgs_series_previous(s->pg, series, date, exclude_id, out, e);
	sqlite3_stmt *st;
	int64_t id = 0;

	meeting_init(out);
	if (series == NULL || *series == '\0')
		return 0;
	if ((st = st_prep(s, SQL_PREVIOUS, e)) == NULL)
		return ERR_RUNTIME;
	bind_series(st, series, date, exclude_id);
	if (st_each(s, st, row_id, &id, _("reading the series"), e))
		return ERR_RUNTIME;
	return id ? store_meeting_load(s, id, out, e) : 0;
}

/* Items this meeting already reviewed stay listed whatever their status
 * now, with the note it gave, so reopening the meeting shows its review. */
static const char SQL_OPEN_ACTIONS[] =
    "SELECT a.id, a.meeting_id, a.assignee, a.task, a.due, a.due_text,"
    " a.status, a.src_section, a.src_start, a.src_end,"
    " (SELECT h.note FROM action_history h WHERE h.action_id = a.id"
    "  AND h.review_meeting_id = ?3 ORDER BY h.id DESC LIMIT 1)"
    " FROM action a JOIN meeting m ON m.id = a.meeting_id"
    " WHERE m.series = ?1 AND m.date <= ?2 AND m.id <> ?3"
    " AND (a.status IN ('open', 'doing') OR EXISTS (SELECT 1"
    "  FROM action_history h WHERE h.action_id = a.id"
    "  AND h.review_meeting_id = ?3))"
    " ORDER BY m.date, m.id, a.pos, a.id";

/* The series' items and the notes beside them, as they are read. */
struct open_items {
	struct action	*v;
	char		**notes;
	size_t		 n, cap, ncap;
};

static int
row_open_item(sqlite3_stmt *st, void *arg)
{
	struct open_items *o = arg;
	struct action *a;

	XPUSH(o->v, o->n, o->cap);
	XPUSH(o->notes, o->n, o->ncap);
	o->notes[o->n] = st_col_dup(st, 10);
	a = &o->v[o->n++];
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->meeting_id = sqlite3_column_int64(st, 1);
	a->assignee = st_col_dup(st, 2);
	a->task = st_col_dup(st, 3);
	a->due = st_col_dup(st, 4);
	a->due_text = st_col_dup(st, 5);
	status_parse((const char *)sqlite3_column_text(st, 6), &a->status);
	a->src_section = st_col_dup(st, 7);
	a->src_start = sqlite3_column_int64(st, 8);
	a->src_end = sqlite3_column_int64(st, 9);
	return 0;
}

int
store_series_open_actions(struct store *s, const char *series,
    const char *date, int64_t exclude_id, struct action **out, char ***notes,
    size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_series_open_actions(s->pg, series, date, exclude_id,
		    out, notes, n, e);
	struct open_items o = { 0 };
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (notes)
		*notes = NULL;
	*n = 0;
	if (series == NULL || *series == '\0')
		return 0;
	if ((st = st_prep(s, SQL_OPEN_ACTIONS, e)) == NULL)
		return ERR_RUNTIME;
	bind_series(st, series, date, exclude_id);
	rc = st_each(s, st, row_open_item, &o, _("reading the series"), e);
	if (rc != 0 || notes == NULL) {
		for (size_t i = 0; i < o.n; i++)
			free(o.notes[i]);
		free(o.notes);
		o.notes = NULL;
	}
	if (rc != 0) {
		for (size_t i = 0; i < o.n; i++)
			action_free(&o.v[i]);
		free(o.v);
		return rc;
	}
	*out = o.v;
	if (notes)
		*notes = o.notes;
	*n = o.n;
	return 0;
}

static const char SQL_NAMES[] =
    "SELECT series FROM meeting WHERE series IS NOT NULL GROUP BY series"
    " ORDER BY max(date) DESC, max(id) DESC";

static void
fill_name(sqlite3_stmt *st, void *elem)
{
	*(char **)elem = st_col_dup(st, 0);
}

int
store_series_names(struct store *s, char ***out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_series_names(s->pg, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_NAMES, e);
	struct st_rows r = { .size = sizeof **out, .fill = fill_name };

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	if (st_rows(s, st, &r, _("reading the series"), e)) {
		store_names_free(r.v, r.n);
		return ERR_RUNTIME;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

void
store_names_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
store_series_resolve(struct store *s, const char *typed, char **out,
    struct err *e)
{
	char **names;
	size_t n;
	long i;

	*out = series_clean(typed);
	if (*out == NULL)
		return 0;
	if (store_series_names(s, &names, &n, e) != 0) {
		free(*out);
		*out = NULL;
		return ERR_RUNTIME;
	}
	if ((i = series_find(names, n, *out)) >= 0) {
		free(*out);
		*out = xstrdup(names[i]);
	}
	store_names_free(names, n);
	return 0;
}

int
store_series_new_meeting(struct store *s, const struct tmpl *tp,
    const char *series, const char *title, const char *date, int64_t *id,
    struct err *e)
{
	struct meeting m, prev;
	char *name = NULL;
	int rc;

	*id = 0;
	meeting_init(&m);
	meeting_init(&prev);
	rc = store_series_resolve(s, series, &name, e);
	if (rc == 0)
		rc = meeting_new(&m, tp, name, title, date, e);
	if (rc == 0 && meeting_get(&m, F_SERIES))
		rc = store_series_previous(s, meeting_get(&m, F_SERIES),
		    meeting_get(&m, F_DATE), 0, &prev, e);
	if (rc == 0) {
		meeting_new_inherit(&m, &prev);
		rc = store_meeting_insert(s, &m, e);
	}
	if (rc == 0)
		*id = m.id;
	free(name);
	meeting_free(&prev);
	meeting_free(&m);
	return rc;
}

/* The latest row of each name: the window picks the newest meeting. */
static const char SQL_PEOPLE[] =
    "SELECT name, position, organisation FROM ("
    " SELECT a.name, a.position, a.organisation, m.date, m.id,"
    "  row_number() OVER (PARTITION BY a.name"
    "   ORDER BY m.date DESC, m.id DESC, a.pos) AS r"
    " FROM attendee a JOIN meeting m ON m.id = a.meeting_id)"
    " WHERE r = 1 ORDER BY date DESC, id DESC, name";

static void
fill_person(sqlite3_stmt *st, void *elem)
{
	struct person *p = elem;

	p->name = st_col_dup(st, 0);
	p->position = st_col_dup(st, 1);
	p->organisation = st_col_dup(st, 2);
}

int
store_people(struct store *s, struct person **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_people(s->pg, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_PEOPLE, e);
	struct st_rows r = { .size = sizeof **out, .fill = fill_person };

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	if (st_rows(s, st, &r, _("reading earlier rosters"), e)) {
		store_people_free(r.v, r.n);
		return ERR_RUNTIME;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

void
store_people_free(struct person *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].position);
		free(v[i].organisation);
	}
	free(v);
}
