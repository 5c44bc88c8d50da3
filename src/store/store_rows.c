/*
 * Writing a meeting's roster and task rows (store_impl.h), for the
 * insert, the editor's saves and the merging save alike.  Rows keep their
 * ids: a row with an id is updated in place, one without is inserted and
 * given one, and the stored rows of the meeting that are no longer listed
 * are deleted.  A task's status change is recorded in its history in the
 * same transaction.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

static const char SQL_INSERT_ATTENDEE[] =
    "INSERT INTO attendee (meeting_id, pos, name, position, organisation,"
    " role, presence, proxy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_UPDATE_ATTENDEE[] =
    "UPDATE attendee SET pos = ?2, name = ?3, position = ?4,"
    " organisation = ?5, role = ?6, presence = ?7, proxy = ?8"
    " WHERE meeting_id = ?1 AND id = ?9";
static const char SQL_ATTENDEE_IDS[] =
    "SELECT id FROM attendee WHERE meeting_id = ?1";
static const char SQL_DELETE_ATTENDEE[] = "DELETE FROM attendee WHERE id = ?1";

static const char SQL_INSERT_ACTION[] =
    "INSERT INTO action (meeting_id, pos, assignee, task, due, due_text,"
    " status, src_section, src_start, src_end)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_UPDATE_ACTION[] =
    "UPDATE action SET pos = ?2, assignee = ?3, task = ?4, due = ?5,"
    " due_text = ?6, status = ?7, src_section = ?8, src_start = ?9,"
    " src_end = ?10, updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
    " WHERE meeting_id = ?1 AND id = ?11";
static const char SQL_ACTION_STATUS[] =
    "SELECT status FROM action WHERE id = ?1";
static const char SQL_INSERT_HISTORY[] =
    "INSERT INTO action_history (action_id, old_status, new_status)"
    " VALUES (?1, ?2, ?3)";
static const char SQL_ACTION_IDS[] =
    "SELECT id FROM action WHERE meeting_id = ?1";
static const char SQL_DELETE_ACTION[] = "DELETE FROM action WHERE id = ?1";

/* The ids of a meeting's stored rows that are not in keep[0..n). */
struct gone {
	const int64_t	*keep;
	size_t		 nkeep;
	int64_t		*id;
	size_t		 n, cap;
};

static int
row_gone(sqlite3_stmt *st, void *arg)
{
	struct gone *g = arg;
	int64_t id = sqlite3_column_int64(st, 0);

	for (size_t i = 0; i < g->nkeep; i++)
		if (g->keep[i] == id)
			return 0;
	XPUSH(g->id, g->n, g->cap);
	g->id[g->n++] = id;
	return 0;
}

/* Deletes the rows sql_ids lists for meeting_id whose ids are not in
 * keep[0..n), with sql_delete. */
static int
delete_except(struct store *s, const char *sql_ids, const char *sql_delete,
    int64_t meeting_id, const int64_t *keep, size_t n, const char *what,
    struct err *e)
{
	struct gone g = { keep, n, NULL, 0, 0 };
	sqlite3_stmt *st = st_prep(s, sql_ids, e);
	int rc;

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, meeting_id);
	rc = st_each(s, st, row_gone, &g, what, e);
	for (size_t i = 0; i < g.n && rc == 0; i++) {
		if ((st = st_prep(s, sql_delete, e)) == NULL) {
			rc = ERR_RUNTIME;
			break;
		}
		sqlite3_bind_int64(st, 1, g.id[i]);
		rc = st_done(s, st, what, e);
	}
	free(g.id);
	return rc;
}

void
st_bind_attendee(sqlite3_stmt *st, int64_t meeting_id, size_t pos,
    const struct attendee *a)
{
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)pos);
	sqlite3_bind_text(st, 3, a->name ? a->name : "", -1, SQLITE_STATIC);
	st_bind_text(st, 4, a->position);
	st_bind_text(st, 5, a->organisation);
	sqlite3_bind_text(st, 6, role_word(a->role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, presence_word(a->presence), -1, SQLITE_STATIC);
	st_bind_text(st, 8, a->proxy);
}

void
st_bind_action(sqlite3_stmt *st, int64_t meeting_id, size_t pos,
    const struct action *a)
{
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)pos);
	st_bind_text(st, 3, a->assignee);
	sqlite3_bind_text(st, 4, a->task ? a->task : "", -1, SQLITE_STATIC);
	st_bind_text(st, 5, a->due);
	st_bind_text(st, 6, a->due_text);
	sqlite3_bind_text(st, 7, status_word(a->status), -1, SQLITE_STATIC);
	st_bind_text(st, 8, a->src_section);
	if (a->src_section) {
		sqlite3_bind_int64(st, 9, a->src_start);
		sqlite3_bind_int64(st, 10, a->src_end);
	}
}

static int
write_attendee(struct store *s, int64_t meeting_id, size_t pos,
    struct attendee *a, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, a->id ? SQL_UPDATE_ATTENDEE :
	    SQL_INSERT_ATTENDEE, e);

	if (st == NULL)
		return ERR_RUNTIME;
	st_bind_attendee(st, meeting_id, pos, a);
	if (a->id)
		sqlite3_bind_int64(st, 9, a->id);
	if (st_done(s, st, _("saving attendees"), e))
		return ERR_RUNTIME;
	if (a->id && sqlite3_changes(s->db) == 0) {
		a->id = 0;	/* deleted meanwhile: stored again */
		return write_attendee(s, meeting_id, pos, a, e);
	}
	if (a->id == 0)
		a->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* Rows of either kind begin with their id. */
_Static_assert(offsetof(struct attendee, id) == 0 &&
    offsetof(struct action, id) == 0, "rows begin with their id");

/* The ids (not 0) of rows v[0..n) of size bytes each, malloc'd. */
static int64_t *
ids_of(const void *v, size_t n, size_t size, size_t *nids)
{
	int64_t *ids = n ? xreallocarray(NULL, n, sizeof *ids) : NULL;

	*nids = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t id;

		memcpy(&id, (const char *)v + i * size, sizeof id);
		if (id)
			ids[(*nids)++] = id;
	}
	return ids;
}

int
st_write_attendees(struct store *s, int64_t meeting_id, struct attendee *v,
    size_t n, struct err *e)
{
	size_t nkeep;
	int64_t *keep = ids_of(v, n, sizeof *v, &nkeep);
	int rc;

	rc = delete_except(s, SQL_ATTENDEE_IDS, SQL_DELETE_ATTENDEE,
	    meeting_id, keep, nkeep, _("saving attendees"), e);
	free(keep);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = write_attendee(s, meeting_id, i, &v[i], e);
	return rc;
}

int
st_action_status(struct store *s, int64_t id, char **out, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_ACTION_STATUS, e);

	*out = NULL;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	return st_each(s, st, st_row_text, out, _("saving a task"), e);
}

static int
history(struct store *s, int64_t id, const char *old, const char *new,
    struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_INSERT_HISTORY, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	st_bind_text(st, 2, old);
	sqlite3_bind_text(st, 3, new, -1, SQLITE_STATIC);
	return st_done(s, st, _("saving a task's history"), e);
}

int
st_write_action(struct store *s, int64_t meeting_id, size_t pos,
    struct action *a, const char *old, struct err *e)
{
	sqlite3_stmt *st;
	const char *now = status_word(a->status);

	if (old == NULL)
		a->id = 0;
	st = st_prep(s, a->id ? SQL_UPDATE_ACTION : SQL_INSERT_ACTION, e);
	if (st == NULL)
		return ERR_RUNTIME;
	st_bind_action(st, meeting_id, pos, a);
	if (a->id)
		sqlite3_bind_int64(st, 11, a->id);
	if (st_done(s, st, _("saving a task"), e))
		return ERR_RUNTIME;
	a->meeting_id = meeting_id;
	if (a->id == 0) {
		a->id = sqlite3_last_insert_rowid(s->db);
		return history(s, a->id, NULL, now, e);
	}
	return strcmp(old, now) != 0 ? history(s, a->id, old, now, e) : 0;
}

int
st_delete_actions_except(struct store *s, int64_t meeting_id,
    const struct action *v, size_t n, struct err *e)
{
	size_t nkeep;
	int64_t *keep = ids_of(v, n, sizeof *v, &nkeep);
	int rc;

	rc = delete_except(s, SQL_ACTION_IDS, SQL_DELETE_ACTION, meeting_id,
	    keep, nkeep, _("saving tasks"), e);
	free(keep);
	return rc;
}
