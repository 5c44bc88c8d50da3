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

static const char SQL_PREVIOUS[] =
    "SELECT id FROM meeting WHERE series = ?1 AND date <= ?2 AND id <> ?3"
    " ORDER BY date DESC, id DESC LIMIT 1";

int
store_series_previous(struct store *s, const char *series, const char *date,
    int64_t exclude_id, struct meeting *out, struct err *e)
{
	if (s->pg)
		return pgs_series_previous(s->pg, series, date, exclude_id, out, e);
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc;

	meeting_init(out);
	if (series == NULL || *series == '\0')
		return 0;
	if ((st = st_prep(s, SQL_PREVIOUS, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_text(st, 1, series, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date ? date : "9999-12-31", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, exclude_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(s, _("reading the series"), e);
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

int
store_series_open_actions(struct store *s, const char *series,
    const char *date, int64_t exclude_id, struct action **out, char ***notes,
    size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_series_open_actions(s->pg, series, date, exclude_id,
		    out, notes, n, e);
	sqlite3_stmt *st;
	struct action *v = NULL;
	char **nv = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	if (notes)
		*notes = NULL;
	*n = 0;
	if (series == NULL || *series == '\0')
		return 0;
	if ((st = st_prep(s, SQL_OPEN_ACTIONS, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_text(st, 1, series, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date ? date : "9999-12-31", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, exclude_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct action *a;

		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
			nv = xreallocarray(nv, cap, sizeof *nv);
		}
		nv[len] = st_col_dup(st, 10);
		a = &v[len++];
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
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE || notes == NULL)
		for (size_t i = 0; i < len; i++)
			free(nv[i]);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < len; i++)
			action_free(&v[i]);
		free(v);
		free(nv);
		return st_fail(s, _("reading the series"), e);
	}
	*out = v;
	if (notes)
		*notes = nv;
	else
		free(nv);
	*n = len;
	return 0;
}

static const char SQL_NAMES[] =
    "SELECT series FROM meeting WHERE series IS NOT NULL GROUP BY series"
    " ORDER BY max(date) DESC, max(id) DESC";

int
store_series_names(struct store *s, char ***out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_series_names(s->pg, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_NAMES, e);
	char **v = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XPUSH(v, len, cap);
		v[len++] = st_col_dup(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_names_free(v, len);
		return st_fail(s, _("reading the series"), e);
	}
	*out = v;
	*n = len;
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

int
store_people(struct store *s, struct person **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_people(s->pg, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_PEOPLE, e);
	struct person *v = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[len].name = st_col_dup(st, 0);
		v[len].position = st_col_dup(st, 1);
		v[len].organisation = st_col_dup(st, 2);
		len++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_people_free(v, len);
		return st_fail(s, _("reading earlier rosters"), e);
	}
	*out = v;
	*n = len;
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
