/*
 * Meetings in the PostgreSQL store, the twins of store_meeting.c: the
 * list, whole-meeting insert and load, the editor's saves, and the edit
 * locks.  Same statements and same rules as on SQLite (every write one
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/buf.h"
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
    " updated = minutes.stamp()"
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

static const char SQL_DELETE_ATTENDEES[] =
    "DELETE FROM attendee WHERE meeting_id = $1";
static const char SQL_INSERT_ATTENDEE[] =
    "INSERT INTO attendee (meeting_id, pos, name, position, organisation,"
    " role, presence, proxy) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    " RETURNING id";

static int
save_attendees(struct pgs *p, const struct meeting *m, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, m->id);
	if (pg_do(p, SQL_DELETE_ATTENDEES, &a, _("saving attendees"), e))
		return ERR_RUNTIME;
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *t = &m->att[i];
		PGresult *r;

		a.n = 0;
		pgp_int(&a, m->id);
		pgp_int(&a, (int64_t)i);
		pgp_str(&a, t->name ? t->name : "");
		pgp_text(&a, t->position);
		pgp_text(&a, t->organisation);
		pgp_str(&a, role_word(t->role));
		pgp_str(&a, presence_word(t->presence));
		pgp_text(&a, t->proxy);
		r = pg_run(p, SQL_INSERT_ATTENDEE, &a, _("saving attendees"), e);
		if (r == NULL)
			return ERR_RUNTIME;
		m->att[i].id = pg_int(r, 0, 0);
		PQclear(r);
	}
	return 0;
}

static const char SQL_INSERT_ACTION[] =
    "INSERT INTO action (meeting_id, pos, assignee, task, due, due_text,"
    " status, src_section, src_start, src_end)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
static const char SQL_UPDATE_ACTION[] =
    "UPDATE action SET pos = $2, assignee = $3, task = $4, due = $5,"
    " due_text = $6, status = $7, src_section = $8, src_start = $9,"
    " src_end = $10, updated = minutes.stamp()"
    " WHERE meeting_id = $1 AND id = $11";
static const char SQL_INSERT_HISTORY[] =
    "INSERT INTO action_history (action_id, old_status, new_status)"
    " VALUES ($1, $2, $3)";
static const char SQL_DELETE_GONE[] =
    "DELETE FROM action WHERE meeting_id = $1 AND NOT (id = ANY ($2::bigint[]))";

static int
history(struct pgs *p, int64_t id, const char *old, const char *new,
    struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, id);
	pgp_text(&a, old);
	pgp_str(&a, new);
	return pg_do(p, SQL_INSERT_HISTORY, &a, _("saving a task's history"), e);
}

static int
save_action(struct pgs *p, int64_t meeting_id, size_t pos, struct action *t,
    struct err *e)
{
	struct pgp a = PGP_INIT;
	enum act_status old = ACT_OPEN;
	bool had = false;
	PGresult *r;

	if (t->id) {
		int rc = pg_task_status(p, t->id, &old, NULL);

		if (rc == 0)
			had = true;
		else
			t->id = 0;	/* deleted elsewhere: insert it again */
		/* Changed elsewhere (minutes action, the review) since it
		 * was read, and not here: the store's status stands. */
		if (had && t->status == t->base_status)
			t->status = old;
	}
	pgp_int(&a, meeting_id);
	pgp_int(&a, (int64_t)pos);
	pgp_text(&a, t->assignee);
	pgp_str(&a, t->task ? t->task : "");
	pgp_text(&a, t->due);
	pgp_text(&a, t->due_text);
	pgp_str(&a, status_word(t->status));
	pgp_text(&a, t->src_section);
	if (t->src_section) {
		pgp_int(&a, t->src_start);
		pgp_int(&a, t->src_end);
	} else {
		pgp_null(&a);
		pgp_null(&a);
	}
	if (t->id) {
		pgp_int(&a, t->id);
		if (pg_do(p, SQL_UPDATE_ACTION, &a, _("saving a task"), e))
			return ERR_RUNTIME;
	} else {
		r = pg_run(p, SQL_INSERT_ACTION, &a, _("saving a task"), e);
		if (r == NULL)
			return ERR_RUNTIME;
		t->id = pg_int(r, 0, 0);
		PQclear(r);
	}
	t->meeting_id = meeting_id;
	if (!had)
		return history(p, t->id, NULL, status_word(t->status), e);
	if (old != t->status)
		return history(p, t->id, status_word(old), status_word(t->status), e);
	return 0;
}

static int
save_actions(struct pgs *p, struct meeting *m, struct err *e)
{
	struct pgp a = PGP_INIT;
	struct buf list = BUF_INIT;
	int rc;

	for (size_t i = 0; i < m->nact; i++)
		if (save_action(p, m->id, i, &m->act[i], e))
			return ERR_RUNTIME;
	/* Delete the stored actions the meeting no longer has. */
	buf_addc(&list, '{');
	for (size_t i = 0; i < m->nact; i++)
		buf_printf(&list, "%s%lld", i ? "," : "", (long long)m->act[i].id);
	buf_addc(&list, '}');
	pgp_int(&a, m->id);
	pgp_str(&a, buf_str(&list));
	rc = pg_do(p, SQL_DELETE_GONE, &a, _("saving tasks"), e);
	buf_free(&list);
	return rc;
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
	if (save_attendees(p, m, e))
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
static const char SQL_LOAD_ACTIONS[] =
    "SELECT id, assignee, task, due, due_text, status, src_section,"
    " src_start, src_end FROM action WHERE meeting_id = $1 ORDER BY pos, id";

/* The parts of meeting id after its header; inside a read transaction. */
static int
load_parts(struct pgs *p, int64_t id, struct meeting *m, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	pgp_int(&a, id);
	r = pg_run(p, SQL_LOAD_ATTENDEES, &a, _("reading a meeting"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	for (int i = 0; i < PQntuples(r); i++) {
		struct attendee *t = meeting_add_attendee(m);

		t->id = pg_int(r, i, 0);
		t->name = pg_dup(r, i, 1);
		t->position = pg_dup(r, i, 2);
		t->organisation = pg_dup(r, i, 3);
		role_parse(PQgetvalue(r, i, 4), &t->role);
		presence_parse(PQgetvalue(r, i, 5), &t->presence);
		t->proxy = pg_dup(r, i, 6);
	}
	PQclear(r);
	r = pg_run(p, SQL_LOAD_SECTIONS, &a, _("reading a meeting"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	for (int i = 0; i < PQntuples(r); i++)
		meeting_section_set(m, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1));
	PQclear(r);
	r = pg_run(p, SQL_LOAD_ACTIONS, &a, _("reading a meeting"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	for (int i = 0; i < PQntuples(r); i++) {
		struct action *t = meeting_add_action(m);

		t->id = pg_int(r, i, 0);
		t->meeting_id = id;
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
	PQclear(r);
	return pgs_act_reviewed(p, id, &m->rev, &m->nrev, e);
}

int
pgs_meeting_load(struct pgs *p, int64_t id, struct meeting *m, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;
	int rc = ERR_RUNTIME;

	meeting_init(m);
	/* One snapshot, so the parts agree even while another saves. */
	if (pg_read_begin(p, _("reading a meeting"), e))
		return ERR_RUNTIME;
	pgp_int(&a, id);
	r = pg_run(p, SQL_LOAD_MEETING, &a, _("reading a meeting"), e);
	if (r == NULL)
		goto fail;
	if (PQntuples(r) == 0) {
		PQclear(r);
		rc = err_set(e, ERR_INPUT, _("no meeting %lld"), (long long)id);
		goto fail;
	}
	m->id = id;
	for (int f = 0; f < F_NFIELDS; f++)
		m->field[f] = pg_dup(r, 0, f);
	PQclear(r);
	if (load_parts(p, id, m, e))
		goto fail;
	pg_rollback(p);
	return 0;
fail:
	pg_rollback(p);
	meeting_free(m);
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

static int
update_header(struct pgs *p, const struct meeting *m, struct err *e)
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

/* Before a write of meeting id's parts: the meeting is this role's (and
 * locked against a concurrent write of its header until the commit). */
static int
own_meeting(struct pgs *p, int64_t id, struct err *e)
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
	rc = s->header ? update_header(p, s->m, e) : own_meeting(p, s->m->id, e);
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
	if (s->roster && save_attendees(p, s->m, e))
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

/*
 * Edit locks.  The row says who (pid, host) for the warning; whether the
 * holder is alive is the server's to say: each holder keeps a session
 * advisory lock on the meeting, which the server drops the moment that
 * session ends, however it ends (kill -9, a lost network, a reboot).  So
 * a lock is never stale, and no clock or pid is trusted.
 */
static const char SQL_TRY[] =
    "SELECT pg_try_advisory_lock(1296978003, $1::int)";
static const char SQL_UNLOCK[] =
    "SELECT pg_advisory_unlock(1296978003, $1::int)";
static const char SQL_LOCK_GET[] =
    "SELECT pid FROM edit_lock WHERE meeting_id = $1";
static const char SQL_LOCK_PUT[] =
    "INSERT INTO edit_lock (meeting_id, pid, host, beat) VALUES ($1, $2, $3, $4)"
    " ON CONFLICT (meeting_id) DO UPDATE SET pid = excluded.pid,"
    " host = excluded.host, beat = excluded.beat";
static const char SQL_LOCK_BEAT[] =
    "UPDATE edit_lock SET beat = $3 WHERE meeting_id = $1 AND pid = $2";
static const char SQL_LOCK_DROP[] =
    "DELETE FROM edit_lock WHERE meeting_id = $1 AND pid = $2 AND host = $3";

static void
hostname(char *h, size_t n)
{
	if (gethostname(h, n) != 0)
		snprintf(h, n, "localhost");
	h[n - 1] = '\0';
}

static bool
holding(const struct pgs *p, int64_t id)
{
	for (size_t i = 0; i < p->nheld; i++)
		if (p->held[i] == id)
			return true;
	return false;
}

int
pgs_lock_take(struct pgs *p, int64_t id, long *other_pid, struct err *e)
{
	struct pgp a = PGP_INIT;
	char host[256];
	PGresult *r;
	bool got;

	*other_pid = 0;
	pgp_int(&a, id);
	if (!holding(p, id)) {
		r = pg_run(p, SQL_TRY, &a, _("marking the meeting open"), e);
		if (r == NULL)
			return ERR_RUNTIME;
		got = pg_true(r, 0, 0);
		PQclear(r);
		if (got) {
			p->held = xreallocarray(p->held, p->nheld + 1, sizeof *p->held);
			p->held[p->nheld++] = id;
		} else {
			/* Held by a live session: the row names it. */
			r = pg_run(p, SQL_LOCK_GET, &a, _("marking the meeting open"), e);
			if (r == NULL)
				return ERR_RUNTIME;
			*other_pid = PQntuples(r) ? (long)pg_int(r, 0, 0) : -1;
			if (*other_pid == 0)
				*other_pid = -1;
			PQclear(r);
		}
	}
	hostname(host, sizeof host);
	pgp_int(&a, (int64_t)getpid());
	pgp_str(&a, host);
	pgp_int(&a, (int64_t)time(NULL));
	return pg_do(p, SQL_LOCK_PUT, &a, _("marking the meeting open"), e);
}

int
pgs_lock_refresh(struct pgs *p, int64_t id, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	pgp_int(&a, id);
	/* Taken by the next one the moment its holder is gone. */
	if (!holding(p, id)) {
		r = pg_run(p, SQL_TRY, &a, _("marking the meeting open"), e);
		if (r == NULL)
			return ERR_RUNTIME;
		if (pg_true(r, 0, 0)) {
			p->held = xreallocarray(p->held, p->nheld + 1, sizeof *p->held);
			p->held[p->nheld++] = id;
		}
		PQclear(r);
	}
	pgp_int(&a, (int64_t)getpid());
	pgp_int(&a, (int64_t)time(NULL));
	return pg_do(p, SQL_LOCK_BEAT, &a, _("marking the meeting open"), e);
}

void
pgs_lock_release(struct pgs *p, int64_t id)
{
	struct pgp a = PGP_INIT;
	char host[256];

	for (size_t i = 0; i < p->nheld; i++)
		if (p->held[i] == id) {
			p->held[i] = p->held[--p->nheld];
			pgp_int(&a, id);
			pg_do(p, SQL_UNLOCK, &a, "", NULL);
			a.n = 0;
			break;
		}
	hostname(host, sizeof host);
	pgp_int(&a, id);
	pgp_int(&a, (int64_t)getpid());
	pgp_str(&a, host);
	pg_do(p, SQL_LOCK_DROP, &a, "", NULL);
}
