/*
 * Meetings in the PostgreSQL store, the twins of store_meeting.c: the
 * list, whole-meeting insert and load, and the editor's plain saves.
 * Same statements and same rules as on SQLite (every write one
 * transaction, the search row rebuilt before the commit), with the
 * server's row locks (SELECT ... FOR UPDATE) where SQLite relies on its
 * single writer.
 *
 * Rows another unit owns are not seen at all (row-level security); a
 * write that finds a meeting it may see but not change (the office, on
 * a unit's minutes) is refused with a message naming why, rather than
 * changing nothing silently.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_pg_impl.h"

/* A join, not a count per meeting: that plan stays good before the
 * server has statistics (10,000 meetings just imported: 7 s, not 60 ms). */
static const char SQL_LIST[] =
    "SELECT m.id, m.date, m.title, m.series, m.template, m.status,"
    " coalesce(c.n, 0) FROM meeting m LEFT JOIN (SELECT meeting_id,"
    " count(*) AS n FROM action WHERE status IN ('open', 'doing')"
    " GROUP BY meeting_id) c ON c.meeting_id = m.id"
    " ORDER BY m.date DESC, m.id DESC OFFSET $1 LIMIT nullif($2::bigint, 0)";
static const char SQL_COUNT[] = "SELECT count(*) FROM meeting";

int
pgs_meeting_count(struct pgs *p, size_t *n, struct err *e)
{
	PGresult *r = pg_run(p, SQL_COUNT, NULL, _("listing meetings"), e);

	*n = 0;
	if (r == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r) == 1)
		*n = (size_t)pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

int
pgs_meeting_list_range(struct pgs *p, size_t offset, size_t limit,
    struct meeting_summary **out, size_t *n, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;
	struct meeting_summary *v;
	int rows;

	pgp_int(&a, (int64_t)offset);
	pgp_int(&a, (int64_t)limit);
	r = pg_run(p, SQL_LIST, &a, _("listing meetings"), e);
	*out = NULL;
	*n = 0;
	if (r == NULL)
		return ERR_RUNTIME;
	rows = PQntuples(r);
	v = rows ? xcalloc((size_t)rows, sizeof *v) : NULL;
	for (int i = 0; i < rows; i++) {
		v[i].id = pg_int(r, i, 0);
		pg_copy(v[i].date, sizeof v[i].date, r, i, 1);
		v[i].title = pg_dup(r, i, 2);
		v[i].series = pg_dup(r, i, 3);
		v[i].template_id = pg_dup(r, i, 4);
		v[i].final = strcmp(PQgetvalue(r, i, 5), "final") == 0;
		v[i].open_tasks = (int)pg_int(r, i, 6);
	}
	PQclear(r);
	*out = v;
	*n = (size_t)rows;
	return 0;
}

static const char SQL_INSERT_MEETING[] =
    "INSERT INTO meeting (template, series, title, organisation, number,"
    " style, date, start_time, end_time, place, locality, chair, secretary,"
    " recipients, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
    " $11, $12, $13, $14, coalesce($15, 'draft')) RETURNING id";
static const char SQL_UPDATE_MEETING[] =
    "UPDATE meeting SET template = $1, series = $2, title = $3,"
    " organisation = $4, number = $5, style = $6, date = $7, start_time = $8,"
    " end_time = $9, place = $10, locality = $11, chair = $12,"
    " secretary = $13, recipients = $14, status = coalesce($15, 'draft'),"
    " updated = minutes.stamp() WHERE id = $16";

static void
bind_fields(struct pgp *a, const struct meeting *m)
{
	for (int f = 0; f < F_NFIELDS; f++)
		pgp_text(a, m->field[f]);
}

static const char SQL_SEEN[] =
    "SELECT pg_get_userbyid(owner) FROM meeting WHERE id = $1";

/* After a write that changed no row of meeting id: ERR_INPUT if there is
 * no such meeting (for this role), else the refusal to change another
 * unit's. */
static int
not_changed(struct pgs *p, int64_t id, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;
	char owner[128] = "";

	pgp_int(&a, id);
	if ((r = pg_run(p, SQL_SEEN, &a, _("saving a meeting"), e)) == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r) == 1)
		pg_copy(owner, sizeof owner, r, 0, 0);
	PQclear(r);
	if (*owner == '\0')
		return err_set(e, ERR_INPUT, _("no meeting %lld"), (long long)id);
	return err_set(e, ERR_RUNTIME, _("%s: meeting %lld belongs to %s; "
	    "this role may read it but not change it"), p->shown,
	    (long long)id, owner);
}

static const char SQL_SAVE_SECTION[] =
    "INSERT INTO section (meeting_id, key, body) VALUES ($1, $2, $3)"
    " ON CONFLICT (meeting_id, key) DO UPDATE SET body = excluded.body,"
    " rev = section.rev + 1, updated = minutes.stamp()"
    " WHERE section.body IS DISTINCT FROM excluded.body";

static int
save_section(struct pgs *p, int64_t id, const char *key, const char *body,
    struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, id);
	pgp_str(&a, key);
	pgp_str(&a, body ? body : "");
	return pg_do(p, SQL_SAVE_SECTION, &a, _("saving a section"), e);
}

/* The editor's old save of tasks: a status it did not change is not
 * written back over one changed elsewhere meanwhile (base_status). */
static int
save_actions(struct pgs *p, struct meeting *m, struct err *e)
{
	for (size_t i = 0; i < m->nact; i++) {
		struct action *a = &m->act[i];
		char *old = NULL;
		int rc;

		if (a->id && pg_action_status(p, a->id, &old, e))
			return ERR_RUNTIME;
		if (a->id && old == NULL)
			a->id = 0;	/* deleted elsewhere: insert it again */
		/* Changed elsewhere (minutes action, the review) since it was
		 * read, and not here: the store's status stands. */
		else if (old && a->status == a->base_status)
			status_parse(old, &a->status);
		rc = pg_write_action(p, m->id, i, a, old, e);
		free(old);
		if (rc)
			return rc;
	}
	return pg_delete_actions_except(p, m->id, m->act, m->nact, e);
}

struct insert_arg {
	struct meeting	*m;
};

static int
tx_insert(struct pgs *p, void *arg, struct err *e)
{
	struct meeting *m = ((struct insert_arg *)arg)->m;
	struct pgp a = PGP_INIT;
	PGresult *r;

	bind_fields(&a, m);
	r = pg_run(p, SQL_INSERT_MEETING, &a, _("saving a meeting"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	m->id = pg_int(r, 0, 0);
	PQclear(r);
	for (size_t i = 0; i < m->nsec; i++)
		if (save_section(p, m->id, m->sec[i].key, m->sec[i].body, e))
			return ERR_RUNTIME;
	if (pg_write_attendees(p, m->id, m->att, m->natt, e))
		return ERR_RUNTIME;
	for (size_t i = 0; i < m->nact; i++)
		m->act[i].id = 0;
	if (save_actions(p, m, e))
		return ERR_RUNTIME;
	return pg_search_refresh(p, m->id, e);
}

int
pgs_meeting_insert(struct pgs *p, struct meeting *m, struct err *e)
{
	struct insert_arg a = { m };

	if (pg_tx(p, tx_insert, &a, e)) {
		m->id = 0;
		return ERR_RUNTIME;
	}
	for (size_t i = 0; i < m->nact; i++)
		m->act[i].base_status = m->act[i].status;
	return 0;
}

static const char SQL_LOAD_MEETING[] =
    "SELECT template, series, title, organisation, number, style, date,"
    " start_time, end_time, place, locality, chair, secretary, recipients,"
    " status FROM meeting WHERE id = $1";
static const char SQL_LOAD_ATTENDEES[] =
    "SELECT id, name, position, organisation, role, presence, proxy"
    " FROM attendee WHERE meeting_id = $1 ORDER BY pos, id";
static const char SQL_LOAD_SECTIONS[] =
    "SELECT key, body FROM section WHERE meeting_id = $1 ORDER BY id";
#define LOAD_ACTIONS \
    "SELECT id, assignee, task, due, due_text, status, src_section," \
    " src_start, src_end FROM action WHERE meeting_id = $1 ORDER BY pos, id"
static const char SQL_LOAD_ACTIONS[] = LOAD_ACTIONS;
/* What a merging save writes against: a status set elsewhere waits for
 * its commit rather than being written over. */
static const char SQL_LOAD_ACTIONS_LOCKED[] = LOAD_ACTIONS " FOR UPDATE";

static void
row_header(const PGresult *r, int i, struct meeting *m)
{
	for (int f = 0; f < F_NFIELDS; f++)
		m->field[f] = pg_dup(r, i, f);
}

static void
row_attendee(const PGresult *r, int i, struct meeting *m)
{
	struct attendee *t = meeting_add_attendee(m);

	t->id = pg_int(r, i, 0);
	t->name = pg_dup(r, i, 1);
	t->position = pg_dup(r, i, 2);
	t->organisation = pg_dup(r, i, 3);
	role_parse(PQgetvalue(r, i, 4), &t->role);
	presence_parse(PQgetvalue(r, i, 5), &t->presence);
	t->proxy = pg_dup(r, i, 6);
}

static void
row_section(const PGresult *r, int i, struct meeting *m)
{
	meeting_section_set(m, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1));
}

static void
row_action(const PGresult *r, int i, struct meeting *m)
{
	struct action *t = meeting_add_action(m);

	t->id = pg_int(r, i, 0);
	t->meeting_id = m->id;
	t->assignee = pg_dup(r, i, 1);
	t->task = pg_dup(r, i, 2);
	t->due = pg_dup(r, i, 3);
	t->due_text = pg_dup(r, i, 4);
	status_parse(PQgetvalue(r, i, 5), &t->status);
	t->base_status = t->status;
	t->src_section = pg_dup(r, i, 6);
	t->src_start = pg_int(r, i, 7);
	t->src_end = pg_int(r, i, 8);
}

int
pg_read_part(struct pgs *p, enum pg_part part, int64_t id, struct meeting *m,
    struct err *e)
{
	static const struct {
		const char	*sql;
		void		(*row)(const PGresult *, int, struct meeting *);
	} parts[] = {
		[PG_HEADER] = { SQL_LOAD_MEETING, row_header },
		[PG_ROSTER] = { SQL_LOAD_ATTENDEES, row_attendee },
		[PG_TEXTS] = { SQL_LOAD_SECTIONS, row_section },
		[PG_TASKS] = { SQL_LOAD_ACTIONS, row_action },
		[PG_TASKS_LOCKED] = { SQL_LOAD_ACTIONS_LOCKED, row_action },
	};
	struct pgp a = PGP_INIT;
	PGresult *r;

	pgp_int(&a, id);
	r = pg_run(p, parts[part].sql, &a, _("reading a meeting"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	if (part == PG_HEADER && PQntuples(r) == 0) {
		PQclear(r);
		return err_set(e, ERR_INPUT, _("no meeting %lld"), (long long)id);
	}
	m->id = id;
	for (int i = 0; i < PQntuples(r); i++)
		parts[part].row(r, i, m);
	PQclear(r);
	return 0;
}

int
pg_meeting_read(struct pgs *p, int64_t id, struct meeting *m, struct err *e)
{
	int rc;

	meeting_init(m);
	if ((rc = pg_read_part(p, PG_HEADER, id, m, e)) == 0 &&
	    (rc = pg_read_part(p, PG_ROSTER, id, m, e)) == 0 &&
	    (rc = pg_read_part(p, PG_TEXTS, id, m, e)) == 0 &&
	    (rc = pg_read_part(p, PG_TASKS, id, m, e)) == 0)
		/* What this meeting's review of earlier tasks found, for the
		 * exports. */
		rc = pgs_act_reviewed(p, id, &m->rev, &m->nrev, e);
	if (rc)
		meeting_free(m);
	return rc;
}

int
pgs_meeting_load(struct pgs *p, int64_t id, struct meeting *m, struct err *e)
{
	int rc;

	meeting_init(m);
	/* One snapshot, so the parts agree even while another saves. */
	if (pg_read_begin(p, _("reading a meeting"), e))
		return ERR_RUNTIME;
	rc = pg_meeting_read(p, id, m, e);
	pg_rollback(p);
	return rc;
}

static const char SQL_EXISTS[] = "SELECT 1 FROM meeting WHERE id = $1";

bool
pgs_meeting_exists(struct pgs *p, int64_t id)
{
	struct pgp a = PGP_INIT;
	PGresult *r;
	bool found;

	pgp_int(&a, id);
	if ((r = pg_run(p, SQL_EXISTS, &a, "", NULL)) == NULL)
		return false;
	found = PQntuples(r) > 0;
	PQclear(r);
	return found;
}

int
pg_update_header(struct pgs *p, const struct meeting *m, struct err *e)
{
	struct pgp a = PGP_INIT;
	long rows = 0;

	bind_fields(&a, m);
	pgp_int(&a, m->id);
	if (pg_do_rows(p, SQL_UPDATE_MEETING, &a, _("saving a meeting"), &rows, e))
		return ERR_RUNTIME;
	return rows ? 0 : not_changed(p, m->id, e);
}

static const char SQL_MINE[] =
    "SELECT 1 FROM meeting WHERE id = $1 AND owner = minutes.me() FOR UPDATE";

int
pg_own_meeting(struct pgs *p, int64_t id, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;
	int found;

	pgp_int(&a, id);
	if ((r = pg_run(p, SQL_MINE, &a, _("saving a meeting"), e)) == NULL)
		return ERR_RUNTIME;
	found = PQntuples(r);
	PQclear(r);
	return found ? 0 : not_changed(p, id, e);
}

struct save_arg {
	struct meeting		*m;
	bool			 header, texts, roster, tasks;
	const char *const	*keys;
	size_t			 n;
	const char		*key, *body;	/* one section, when keys is NULL */
};

static int
tx_save(struct pgs *p, void *arg, struct err *e)
{
	struct save_arg *s = arg;
	int rc;

	/* ERR_INPUT when there is no such meeting (for this role). */
	rc = s->header ? pg_update_header(p, s->m, e) :
	    pg_own_meeting(p, s->m->id, e);
	if (rc)
		return rc;
	if (s->texts) {
		if (s->key && save_section(p, s->m->id, s->key, s->body, e))
			return ERR_RUNTIME;
		for (size_t i = 0; i < s->n; i++)
			if (save_section(p, s->m->id, s->keys[i],
			    meeting_section(s->m, s->keys[i]), e))
				return ERR_RUNTIME;
	}
	if (s->roster && pg_write_attendees(p, s->m->id, s->m->att, s->m->natt,
	    e))
		return ERR_RUNTIME;
	if (s->tasks && save_actions(p, s->m, e))
		return ERR_RUNTIME;
	return pg_search_refresh(p, s->m->id, e);
}

/* One transaction for any of the editor's saves; base statuses follow the
 * tasks only once committed, so a save rolled back writes them again. */
static int
save(struct pgs *p, struct save_arg *s, struct err *e)
{
	int rc = pg_tx(p, tx_save, s, e);

	if (rc == 0 && s->tasks)
		for (size_t i = 0; i < s->m->nact; i++)
			s->m->act[i].base_status = s->m->act[i].status;
	return rc;
}

int
pgs_meeting_save_header(struct pgs *p, const struct meeting *m, struct err *e)
{
	struct save_arg s = { .m = (struct meeting *)m, .header = true };

	return save(p, &s, e);
}

int
pgs_section_save(struct pgs *p, int64_t meeting_id, const char *key,
    const char *body, struct err *e)
{
	struct meeting m = { .id = meeting_id };
	struct save_arg s = { .m = &m, .texts = true, .key = key, .body = body };

	return save(p, &s, e);
}

int
pgs_meeting_save_texts(struct pgs *p, const struct meeting *m,
    const char *const *keys, size_t nkeys, struct err *e)
{
	struct save_arg s = { .m = (struct meeting *)m, .header = true,
	    .texts = true, .keys = keys, .n = nkeys };

	return save(p, &s, e);
}

int
pgs_attendees_save(struct pgs *p, const struct meeting *m, struct err *e)
{
	struct save_arg s = { .m = (struct meeting *)m, .roster = true };

	return save(p, &s, e);
}

int
pgs_actions_save(struct pgs *p, struct meeting *m, struct err *e)
{
	struct save_arg s = { .m = m, .tasks = true };

	return save(p, &s, e);
}

int
pgs_meeting_save(struct pgs *p, struct meeting *m, bool texts,
    const char *const *keys, size_t nkeys, bool roster, bool tasks,
    struct err *e)
{
	struct save_arg s = { .m = m, .header = texts, .texts = texts,
	    .keys = keys, .n = nkeys, .roster = roster, .tasks = tasks };

	if (!texts && !roster && !tasks)
		return 0;
	return save(p, &s, e);
}
