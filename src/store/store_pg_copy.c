/*
 * The PostgreSQL side of `minutes copy` (store_copy.c drives it): reading
 * a meeting whole with its stamps, histories and answered suggestions,
 * finding a meeting already there, and writing one as it was, all inside
 * the one transaction the copy opens.  The history rows name the role
 * that copies them: the database, not the statement, says who wrote a
 * row (store_pg_schema.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_pg_impl.h"

int
pgs_copy_begin(struct pgs *p, struct err *e)
{
	return pg_begin(p, e);
}

int
pgs_copy_end(struct pgs *p, bool commit, struct err *e)
{
	if (commit)
		return pg_commit(p, e);
	pg_rollback(p);
	return 0;
}

static const char SQL_FIND[] =
    "SELECT id FROM meeting WHERE template = $1"
    " AND series IS NOT DISTINCT FROM $2 AND title = $3"
    " AND organisation IS NOT DISTINCT FROM $4"
    " AND number IS NOT DISTINCT FROM $5 AND date = $6"
    " AND start_time IS NOT DISTINCT FROM $7 ORDER BY id LIMIT 1";

int
pgs_copy_find(struct pgs *p, const struct copy_meeting *c, int64_t *id,
    struct err *e)
{
	static const enum field key[] = { F_TEMPLATE, F_SERIES, F_TITLE,
	    F_ORGANISATION, F_NUMBER, F_DATE, F_START };
	struct pgp a = PGP_INIT;
	PGresult *r;

	*id = 0;
	for (size_t i = 0; i < sizeof key / sizeof key[0]; i++)
		pgp_text(&a, c->m.field[key[i]]);
	if ((r = pg_run(p, SQL_FIND, &a, _("copying"), e)) == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r))
		*id = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

static const char SQL_STAMPS[] =
    "SELECT created, updated FROM meeting WHERE id = $1";
static const char SQL_ACT_STAMPS[] =
    "SELECT created, updated, uuid FROM action WHERE id = $1";
static const char SQL_REVS[] =
    "SELECT key, rev FROM section WHERE meeting_id = $1";
static const char SQL_SEEN_ALL[] =
    "SELECT section, digest, state FROM suggestion_seen WHERE meeting_id = $1"
    " ORDER BY section, digest";

/* The stamps of row id, and its UUID when uuid is not NULL. */
static int
stamps(struct pgs *p, const char *sql, int64_t id, char created[21],
    char updated[21], char *uuid, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	pgp_int(&a, id);
	if ((r = pg_run(p, sql, &a, _("copying"), e)) == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r)) {
		pg_copy(created, 21, r, 0, 0);
		pg_copy(updated, 21, r, 0, 1);
		if (uuid)
			pg_copy(uuid, 37, r, 0, 2);
	}
	PQclear(r);
	return 0;
}

int
pgs_copy_read(struct pgs *p, int64_t id, struct copy_meeting *c,
    struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	memset(c, 0, sizeof *c);
	if (pgs_meeting_load(p, id, &c->m, e) ||
	    stamps(p, SQL_STAMPS, id, c->created, c->updated, NULL, e))
		return ERR_RUNTIME;
	pgp_int(&a, id);
	if ((r = pg_run(p, SQL_REVS, &a, _("copying"), e)) == NULL)
		return ERR_RUNTIME;
	for (int i = 0; i < PQntuples(r); i++)
		copy_set_rev(c, PQgetvalue(r, i, 0), pg_int(r, i, 1));
	PQclear(r);
	c->ca = c->m.nact ? xcalloc(c->m.nact, sizeof *c->ca) : NULL;
	for (size_t i = 0; i < c->m.nact; i++)
		if (stamps(p, SQL_ACT_STAMPS, c->m.act[i].id, c->ca[i].created,
		    c->ca[i].updated, c->ca[i].uuid, e) ||
		    pgs_act_history(p, c->m.act[i].id, &c->ca[i].ev,
		    &c->ca[i].nev, e))
			return ERR_RUNTIME;
	if ((r = pg_run(p, SQL_SEEN_ALL, &a, _("copying"), e)) == NULL)
		return ERR_RUNTIME;
	c->nseen = (size_t)PQntuples(r);
	c->seen = c->nseen ? xcalloc(c->nseen, sizeof *c->seen) : NULL;
	for (size_t i = 0; i < c->nseen; i++) {
		c->seen[i].section = pg_dup(r, (int)i, 0);
		c->seen[i].digest = pg_dup(r, (int)i, 1);
		c->seen[i].state = pg_dup(r, (int)i, 2);
	}
	PQclear(r);
	return 0;
}

static const char SQL_MEETING[] =
    "INSERT INTO meeting (template, series, title, organisation, number,"
    " style, date, start_time, end_time, place, locality, chair, secretary,"
    " recipients, status, created, updated) VALUES ($1, $2, $3, $4, $5, $6,"
    " $7, $8, $9, $10, $11, $12, $13, $14, coalesce($15, 'draft'), $16, $17)"
    " RETURNING id";
static const char SQL_SECTION[] =
    "INSERT INTO section (meeting_id, key, body, rev) VALUES ($1, $2, $3, $4)";
static const char SQL_ATTENDEE[] =
    "INSERT INTO attendee (meeting_id, pos, name, position, organisation,"
    " role, presence, proxy) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
/* A UUID the destination already has (whichever unit's task it is) is
 * not taken twice: the insert does nothing, and is made again with a
 * new one. */
static const char SQL_ACTION[] =
    "INSERT INTO action (meeting_id, pos, assignee, task, due, due_text,"
    " status, src_section, src_start, src_end, created, updated, uuid)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
    " coalesce($13, gen_random_uuid()::text))"
    " ON CONFLICT (uuid) DO NOTHING RETURNING id";
static const char SQL_SEEN[] =
    "INSERT INTO suggestion_seen (meeting_id, section, digest, state)"
    " VALUES ($1, $2, $3, $4)";
static const char SQL_HISTORY[] =
    "INSERT INTO action_history (action_id, at, old_status, new_status, note,"
    " review_meeting_id) VALUES ($1, $2, $3, $4, $5, $6)";

static int
write_parts(struct pgs *p, struct copy_meeting *c, struct err *e)
{
	struct meeting *m = &c->m;
	struct pgp a;
	PGresult *r;

	for (size_t i = 0; i < m->nsec; i++) {
		a.n = 0;
		pgp_int(&a, m->id);
		pgp_str(&a, m->sec[i].key);
		pgp_str(&a, m->sec[i].body ? m->sec[i].body : "");
		pgp_int(&a, COPY_REV(c, i));
		if (pg_do(p, SQL_SECTION, &a, _("copying"), e))
			return ERR_RUNTIME;
	}
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *t = &m->att[i];

		a.n = 0;
		pg_bind_attendee(&a, m->id, i, t);
		if (pg_do(p, SQL_ATTENDEE, &a, _("copying"), e))
			return ERR_RUNTIME;
	}
	for (size_t i = 0; i < m->nact; i++) {
		struct action *t = &m->act[i];

		a.n = 0;
		pg_bind_action(&a, m->id, i, t);
		pgp_str(&a, c->ca[i].created);
		pgp_str(&a, c->ca[i].updated);
		pgp_text(&a, c->ca[i].uuid);
		if ((r = pg_run(p, SQL_ACTION, &a, _("copying"), e)) == NULL)
			return ERR_RUNTIME;
		if (PQntuples(r) == 0) {
			PQclear(r);
			a.v[a.n - 1] = NULL;
			if ((r = pg_run(p, SQL_ACTION, &a, _("copying"), e)) == NULL)
				return ERR_RUNTIME;
		}
		t->id = pg_int(r, 0, 0);
		t->meeting_id = m->id;
		PQclear(r);
	}
	for (size_t i = 0; i < c->nseen; i++) {
		a.n = 0;
		pgp_int(&a, m->id);
		pgp_str(&a, c->seen[i].section);
		pgp_str(&a, c->seen[i].digest);
		pgp_str(&a, c->seen[i].state);
		if (pg_do(p, SQL_SEEN, &a, _("copying"), e))
			return ERR_RUNTIME;
	}
	return pg_search_refresh(p, m->id, e);
}

int
pgs_copy_write(struct pgs *p, struct copy_meeting *c, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	for (int f = 0; f < F_NFIELDS; f++)
		pgp_text(&a, c->m.field[f]);
	pgp_str(&a, c->created);
	pgp_str(&a, c->updated);
	if ((r = pg_run(p, SQL_MEETING, &a, _("copying"), e)) == NULL)
		return ERR_RUNTIME;
	c->m.id = pg_int(r, 0, 0);
	PQclear(r);
	return write_parts(p, c, e);
}

int
pgs_copy_history(struct pgs *p, int64_t action_id,
    const struct store_act_event *ev, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, action_id);
	pgp_str(&a, ev->at);
	pgp_text(&a, ev->old_status);
	pgp_str(&a, ev->new_status ? ev->new_status : "open");
	pgp_text(&a, ev->note);
	if (ev->review_meeting_id)
		pgp_int(&a, ev->review_meeting_id);
	else
		pgp_null(&a);
	return pg_do(p, SQL_HISTORY, &a, _("copying"), e);
}
