/*
 * Writing a meeting's roster and task rows in the PostgreSQL store, the
 * twins of store_rows.c, for the insert, the editor's saves and the
 * merging save alike.  Rows keep their ids (the merge goes by id): a row
 * with an id is updated in place, one without is inserted and given one,
 * and the stored rows of the meeting no longer listed are deleted.  A
 * task's status change is recorded in its history in the same
 * transaction, naming the role that made it (store_pg_schema.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_pg_impl.h"

static const char SQL_INSERT_ATTENDEE[] =
    "INSERT INTO attendee (meeting_id, pos, name, position, organisation,"
    " role, presence, proxy) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    " RETURNING id";
static const char SQL_UPDATE_ATTENDEE[] =
    "UPDATE attendee SET pos = $2, name = $3, position = $4,"
    " organisation = $5, role = $6, presence = $7, proxy = $8"
    " WHERE meeting_id = $1 AND id = $9 RETURNING id";
static const char SQL_DELETE_ATTENDEES[] =
    "DELETE FROM attendee WHERE meeting_id = $1"
    " AND NOT (id = ANY ($2::bigint[]))";

static const char SQL_INSERT_ACTION[] =
    "INSERT INTO action (meeting_id, pos, assignee, task, due, due_text,"
    " status, src_section, src_start, src_end)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
static const char SQL_UPDATE_ACTION[] =
    "UPDATE action SET pos = $2, assignee = $3, task = $4, due = $5,"
    " due_text = $6, status = $7, src_section = $8, src_start = $9,"
    " src_end = $10, updated = minutes.stamp()"
    " WHERE meeting_id = $1 AND id = $11 RETURNING id";
/* Locked until the commit: a status set elsewhere meanwhile waits for
 * this save, and is not written over by it. */
static const char SQL_ACTION_STATUS[] =
    "SELECT status FROM action WHERE id = $1 FOR UPDATE";
static const char SQL_INSERT_HISTORY[] =
    "INSERT INTO action_history (action_id, old_status, new_status)"
    " VALUES ($1, $2, $3)";
static const char SQL_DELETE_ACTIONS[] =
    "DELETE FROM action WHERE meeting_id = $1"
    " AND NOT (id = ANY ($2::bigint[]))";

/* Rows of either kind begin with their id. */
_Static_assert(offsetof(struct attendee, id) == 0 &&
    offsetof(struct action, id) == 0, "rows begin with their id");

/* Deletes the rows of meeting_id that sql names whose ids are not among
 * those of v[0..n) (rows of size bytes each). */
static int
delete_except(struct pgs *p, const char *sql, int64_t meeting_id,
    const void *v, size_t n, size_t size, const char *what, struct err *e)
{
	struct pgp a = PGP_INIT;
	struct buf list = BUF_INIT;
	bool first = true;
	int rc;

	buf_addc(&list, '{');
	for (size_t i = 0; i < n; i++) {
		int64_t id;

		memcpy(&id, (const char *)v + i * size, sizeof id);
		if (id) {
			buf_printf(&list, "%s%lld", first ? "" : ",",
			    (long long)id);
			first = false;
		}
	}
	buf_addc(&list, '}');
	pgp_int(&a, meeting_id);
	pgp_str(&a, buf_str(&list));
	rc = pg_do(p, sql, &a, what, e);
	buf_free(&list);
	return rc;
}

/* Runs an insert or update that returns the row's id; 0 in *id when the
 * update found no row. */
static int
row_id(struct pgs *p, const char *sql, const struct pgp *a, const char *what,
    int64_t *id, struct err *e)
{
	PGresult *r = pg_run(p, sql, a, what, e);

	if (r == NULL)
		return ERR_RUNTIME;
	*id = PQntuples(r) ? pg_int(r, 0, 0) : 0;
	PQclear(r);
	return 0;
}

void
pg_bind_attendee(struct pgp *a, int64_t meeting_id, size_t pos,
    const struct attendee *t)
{
	pgp_int(a, meeting_id);
	pgp_int(a, (int64_t)pos);
	pgp_str(a, t->name ? t->name : "");
	pgp_text(a, t->position);
	pgp_text(a, t->organisation);
	pgp_str(a, role_word(t->role));
	pgp_str(a, presence_word(t->presence));
	pgp_text(a, t->proxy);
}

void
pg_bind_action(struct pgp *a, int64_t meeting_id, size_t pos,
    const struct action *t)
{
	pgp_int(a, meeting_id);
	pgp_int(a, (int64_t)pos);
	pgp_text(a, t->assignee);
	pgp_str(a, t->task ? t->task : "");
	pgp_text(a, t->due);
	pgp_text(a, t->due_text);
	pgp_str(a, status_word(t->status));
	pgp_text(a, t->src_section);
	if (t->src_section) {
		pgp_int(a, t->src_start);
		pgp_int(a, t->src_end);
	} else {
		pgp_null(a);
		pgp_null(a);
	}
}

static int
write_attendee(struct pgs *p, int64_t meeting_id, size_t pos,
    struct attendee *t, struct err *e)
{
	struct pgp a = PGP_INIT;
	int64_t id;

	pg_bind_attendee(&a, meeting_id, pos, t);
	if (t->id) {
		pgp_int(&a, t->id);
		if (row_id(p, SQL_UPDATE_ATTENDEE, &a, _("saving attendees"),
		    &id, e))
			return ERR_RUNTIME;
		if (id)
			return 0;
		a.n--;	/* deleted meanwhile: stored again */
	}
	return row_id(p, SQL_INSERT_ATTENDEE, &a, _("saving attendees"),
	    &t->id, e);
}

int
pg_write_attendees(struct pgs *p, int64_t meeting_id, struct attendee *v,
    size_t n, struct err *e)
{
	if (delete_except(p, SQL_DELETE_ATTENDEES, meeting_id, v, n, sizeof *v,
	    _("saving attendees"), e))
		return ERR_RUNTIME;
	for (size_t i = 0; i < n; i++)
		if (write_attendee(p, meeting_id, i, &v[i], e))
			return ERR_RUNTIME;
	return 0;
}

int
pg_action_status(struct pgs *p, int64_t id, char **out, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;

	*out = NULL;
	pgp_int(&a, id);
	r = pg_run(p, SQL_ACTION_STATUS, &a, _("saving a task"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r))
		*out = pg_dup(r, 0, 0);
	PQclear(r);
	return 0;
}

static int
history(struct pgs *p, int64_t id, const char *old, const char *new,
    struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, id);
	pgp_text(&a, old);
	pgp_str(&a, new);
	return pg_do(p, SQL_INSERT_HISTORY, &a, _("saving a task's history"),
	    e);
}

int
pg_write_action(struct pgs *p, int64_t meeting_id, size_t pos,
    struct action *t, const char *old, struct err *e)
{
	struct pgp a = PGP_INIT;
	const char *now = status_word(t->status);
	int64_t id;

	if (old == NULL)
		t->id = 0;
	pg_bind_action(&a, meeting_id, pos, t);
	if (t->id) {
		pgp_int(&a, t->id);
		if (row_id(p, SQL_UPDATE_ACTION, &a, _("saving a task"), &id, e))
			return ERR_RUNTIME;
		t->meeting_id = meeting_id;
		return strcmp(old, now) != 0 ? history(p, t->id, old, now, e) : 0;
	}
	if (row_id(p, SQL_INSERT_ACTION, &a, _("saving a task"), &t->id, e))
		return ERR_RUNTIME;
	t->meeting_id = meeting_id;
	return history(p, t->id, NULL, now, e);
}

int
pg_delete_actions_except(struct pgs *p, int64_t meeting_id,
    const struct action *v, size_t n, struct err *e)
{
	return delete_except(p, SQL_DELETE_ACTIONS, meeting_id, v, n,
	    sizeof *v, _("saving tasks"), e);
}
