/*
 * What a new meeting of a series reads, earlier rosters for completion,
 * and the suggestions a secretary answered, in the PostgreSQL store: the
 * twins of store_series.c and store_suggest.c, with the same statements.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_pg_impl.h"

static const char SQL_PREVIOUS[] =
    "SELECT id FROM meeting WHERE series = $1 AND date <= $2 AND id <> $3"
    " ORDER BY date DESC, id DESC LIMIT 1";

int
pgs_series_previous(struct pgs *p, const char *series, const char *date,
    int64_t exclude_id, struct meeting *out, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;
	int64_t id = 0;

	meeting_init(out);
	if (series == NULL || *series == '\0')
		return 0;
	pgp_str(&a, series);
	pgp_str(&a, date ? date : "9999-12-31");
	pgp_int(&a, exclude_id);
	r = pg_run(p, SQL_PREVIOUS, &a, _("reading the series"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r) > 0)
		id = pg_int(r, 0, 0);
	PQclear(r);
	return id ? pgs_meeting_load(p, id, out, e) : 0;
}

/* Items this meeting already reviewed stay listed whatever their status
 * now, with the note it gave, so reopening the meeting shows its review. */
static const char SQL_OPEN_ACTIONS[] =
    "SELECT a.id, a.meeting_id, a.assignee, a.task, a.due, a.due_text,"
    " a.status, a.src_section, a.src_start, a.src_end,"
    " (SELECT h.note FROM action_history h WHERE h.action_id = a.id"
    "  AND h.review_meeting_id = $3 ORDER BY h.id DESC LIMIT 1)"
    " FROM action a JOIN meeting m ON m.id = a.meeting_id"
    " WHERE m.series = $1 AND m.date <= $2 AND m.id <> $3"
    " AND (a.status IN ('open', 'doing') OR EXISTS (SELECT 1"
    "  FROM action_history h WHERE h.action_id = a.id"
    "  AND h.review_meeting_id = $3))"
    " ORDER BY m.date, m.id, a.pos, a.id";

int
pgs_series_open_actions(struct pgs *p, const char *series, const char *date,
    int64_t exclude_id, struct action **out, char ***notes, size_t *n,
    struct err *e)
{
	struct pgp a = PGP_INIT;
	struct action *v;
	char **nv;
	PGresult *r;
	int rows;

	*out = NULL;
	if (notes)
		*notes = NULL;
	*n = 0;
	if (series == NULL || *series == '\0')
		return 0;
	pgp_str(&a, series);
	pgp_str(&a, date ? date : "9999-12-31");
	pgp_int(&a, exclude_id);
	r = pg_run(p, SQL_OPEN_ACTIONS, &a, _("reading the series"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	rows = PQntuples(r);
	v = rows ? xcalloc((size_t)rows, sizeof *v) : NULL;
	nv = rows && notes ? xcalloc((size_t)rows, sizeof *nv) : NULL;
	for (int i = 0; i < rows; i++) {
		struct action *t = &v[i];

		t->id = pg_int(r, i, 0);
		t->meeting_id = pg_int(r, i, 1);
		t->assignee = pg_dup(r, i, 2);
		t->task = pg_dup(r, i, 3);
		t->due = pg_dup(r, i, 4);
		t->due_text = pg_dup(r, i, 5);
		status_parse(PQgetvalue(r, i, 6), &t->status);
		t->src_section = pg_dup(r, i, 7);
		t->src_start = pg_int(r, i, 8);
		t->src_end = pg_int(r, i, 9);
		if (nv)
			nv[i] = pg_dup(r, i, 10);
	}
	PQclear(r);
	*out = v;
	if (notes)
		*notes = nv;
	*n = (size_t)rows;
	return 0;
}

static const char SQL_NAMES[] =
    "SELECT series FROM meeting WHERE series IS NOT NULL GROUP BY series"
    " ORDER BY max(date) DESC, max(id) DESC";

int
pgs_series_names(struct pgs *p, char ***out, size_t *n, struct err *e)
{
	PGresult *r = pg_run(p, SQL_NAMES, NULL, _("reading the series"), e);

	*out = NULL;
	*n = 0;
	if (r == NULL)
		return ERR_RUNTIME;
	pg_strings(r, out, n);
	return 0;
}

/* The latest row of each name: the window picks the newest meeting. */
static const char SQL_PEOPLE[] =
    "SELECT name, position, organisation FROM ("
    " SELECT a.name, a.position, a.organisation, m.date, m.id,"
    "  row_number() OVER (PARTITION BY a.name"
    "   ORDER BY m.date DESC, m.id DESC, a.pos) AS r"
    " FROM attendee a JOIN meeting m ON m.id = a.meeting_id) x"
    " WHERE r = 1 ORDER BY date DESC, id DESC, name COLLATE \"C\"";

static void
fill_person(const PGresult *r, int i, void *elem)
{
	struct person *v = elem;

	v->name = pg_dup(r, i, 0);
	v->position = pg_dup(r, i, 1);
	v->organisation = pg_dup(r, i, 2);
}

int
pgs_people(struct pgs *p, struct person **out, size_t *n, struct err *e)
{
	void *v;
	int rc = pg_rows(p, SQL_PEOPLE, NULL, _("reading earlier rosters"),
	    sizeof **out, fill_person, &v, n, e);

	*out = v;
	return rc;
}

static const char SQL_SEEN[] =
    "SELECT digest FROM suggestion_seen WHERE meeting_id = $1 AND section = $2";
static const char SQL_MARK[] =
    "INSERT INTO suggestion_seen (meeting_id, section, digest, state)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, section, digest)"
    " DO UPDATE SET state = excluded.state";
static const char SQL_FORGET[] =
    "DELETE FROM suggestion_seen WHERE meeting_id = $1 AND section = $2"
    " AND digest = $3";

int
pgs_suggestions_seen(struct pgs *p, int64_t meeting_id, const char *section,
    char ***out, size_t *n, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	*out = NULL;
	*n = 0;
	pgp_int(&a, meeting_id);
	pgp_str(&a, section);
	if ((r = pg_run(p, SQL_SEEN, &a, _("reading suggestions"), e)) == NULL)
		return ERR_RUNTIME;
	pg_strings(r, out, n);
	return 0;
}

int
pgs_suggestion_mark(struct pgs *p, int64_t meeting_id, const char *section,
    const char *digest, const char *state, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, meeting_id);
	pgp_str(&a, section);
	pgp_str(&a, digest);
	pgp_str(&a, state);
	return pg_do(p, SQL_MARK, &a, _("saving a suggestion"), e);
}

int
pgs_suggestion_forget(struct pgs *p, int64_t meeting_id, const char *section,
    const char *digest, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, meeting_id);
	pgp_str(&a, section);
	pgp_str(&a, digest);
	return pg_do(p, SQL_FORGET, &a, _("saving a suggestion"), e);
}
