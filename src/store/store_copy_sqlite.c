/*
 * The SQLite side of `minutes copy` (store_copy.c drives it), the same
 * calls as store_pg_copy.c: read a meeting whole with its stamps,
 * histories and answered suggestions; find one already there; write one
 * as it was, inside the one immediate transaction the copy holds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_copy.h"
#include "store/store_impl.h"

int
sq_copy_begin(struct store *s, struct err *e)
{
	return st_begin(s, e);
}

int
sq_copy_end(struct store *s, bool commit, struct err *e)
{
	if (commit)
		return st_commit(s, e);
	st_rollback(s);
	return 0;
}

static const char SQL_FIND[] =
    "SELECT id FROM meeting WHERE template = ?1 AND series IS ?2"
    " AND title = ?3 AND organisation IS ?4 AND number IS ?5 AND date = ?6"
    " AND start_time IS ?7 ORDER BY id LIMIT 1";

int
sq_copy_find(struct store *s, const struct copy_meeting *c, int64_t *id,
    struct err *e)
{
	static const enum field key[] = { F_TEMPLATE, F_SERIES, F_TITLE,
	    F_ORGANISATION, F_NUMBER, F_DATE, F_START };
	sqlite3_stmt *st = st_prep(s, SQL_FIND, e);
	int rc;

	*id = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	for (int i = 0; i < (int)(sizeof key / sizeof key[0]); i++)
		st_bind_text(st, i + 1, c->m.field[key[i]]);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(s, _("copying"), e);
	return 0;
}

static const char SQL_STAMPS[] =
    "SELECT created, updated FROM meeting WHERE id = ?1";
static const char SQL_ACT_STAMPS[] =
    "SELECT created, updated, uuid FROM action WHERE id = ?1";
static const char SQL_REVS[] =
    "SELECT key, rev FROM section WHERE meeting_id = ?1";
static const char SQL_SEEN_ALL[] =
    "SELECT section, digest, state FROM suggestion_seen WHERE meeting_id = ?1"
    " ORDER BY section, digest";

/* The stamps of row id, and its UUID when uuid is not NULL. */
static int
stamps(struct store *s, const char *sql, int64_t id, char created[21],
    char updated[21], char *uuid, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, sql, e);
	int rc;

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *c = sqlite3_column_text(st, 0);
		const unsigned char *u = sqlite3_column_text(st, 1);

		snprintf(created, 21, "%s", c ? (const char *)c : "");
		snprintf(updated, 21, "%s", u ? (const char *)u : "");
		if (uuid) {
			const unsigned char *w = sqlite3_column_text(st, 2);

			snprintf(uuid, 37, "%s", w ? (const char *)w : "");
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(s, _("copying"), e);
	return 0;
}

int
sq_copy_read(struct store *s, int64_t id, struct copy_meeting *c,
    struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(c, 0, sizeof *c);
	if (store_meeting_load(s, id, &c->m, e) ||
	    stamps(s, SQL_STAMPS, id, c->created, c->updated, NULL, e))
		return ERR_RUNTIME;
	if ((st = st_prep(s, SQL_REVS, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		copy_set_rev(c, (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_int64(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return st_fail(s, _("copying"), e);
	c->ca = c->m.nact ? xcalloc(c->m.nact, sizeof *c->ca) : NULL;
	for (size_t i = 0; i < c->m.nact; i++)
		if (stamps(s, SQL_ACT_STAMPS, c->m.act[i].id, c->ca[i].created,
		    c->ca[i].updated, c->ca[i].uuid, e) ||
		    store_act_history(s, c->m.act[i].id, &c->ca[i].ev,
		    &c->ca[i].nev, e))
			return ERR_RUNTIME;
	if ((st = st_prep(s, SQL_SEEN_ALL, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->seen = xreallocarray(c->seen, c->nseen + 1, sizeof *c->seen);
		c->seen[c->nseen].section = st_col_dup(st, 0);
		c->seen[c->nseen].digest = st_col_dup(st, 1);
		c->seen[c->nseen].state = st_col_dup(st, 2);
		c->nseen++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return st_fail(s, _("copying"), e);
	return 0;
}

static const char SQL_MEETING[] =
    "INSERT INTO meeting (template, series, title, organisation, number,"
    " style, date, start_time, end_time, place, locality, chair, secretary,"
    " recipients, status, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
    " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, coalesce(?15, 'draft'), ?16, ?17)";
static const char SQL_SECTION[] =
    "INSERT INTO section (meeting_id, key, body, rev) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_ATTENDEE[] =
    "INSERT INTO attendee (meeting_id, pos, name, position, organisation,"
    " role, presence, proxy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
/* A UUID the destination already has is not taken twice: the insert
 * does nothing, and is made again without it (the trigger of migration
 * 4 gives a new one). */
static const char SQL_ACTION[] =
    "INSERT INTO action (meeting_id, pos, assignee, task, due, due_text,"
    " status, src_section, src_start, src_end, created, updated, uuid)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    " ON CONFLICT (uuid) DO NOTHING";
static const char SQL_SEEN[] =
    "INSERT INTO suggestion_seen (meeting_id, section, digest, state)"
    " VALUES (?1, ?2, ?3, ?4)";
static const char SQL_HISTORY[] =
    "INSERT INTO action_history (action_id, at, old_status, new_status, note,"
    " review_meeting_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* Task i of c, with its UUID unless uuid is false; *done says whether a
 * row was written. */
static int
write_action(struct store *s, struct copy_meeting *c, size_t i, bool uuid,
    bool *done, struct err *e)
{
	struct action *t = &c->m.act[i];
	sqlite3_stmt *st = st_prep(s, SQL_ACTION, e);

	if (st == NULL)
		return ERR_RUNTIME;
	st_bind_action(st, c->m.id, i, t);
	sqlite3_bind_text(st, 11, c->ca[i].created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, c->ca[i].updated, -1, SQLITE_STATIC);
	if (uuid)
		st_bind_text(st, 13, c->ca[i].uuid);
	if (st_done(s, st, _("copying"), e))
		return ERR_RUNTIME;
	*done = sqlite3_changes(s->db) > 0;
	if (*done) {
		t->id = sqlite3_last_insert_rowid(s->db);
		t->meeting_id = c->m.id;
	}
	return 0;
}

static int
write_actions(struct store *s, struct copy_meeting *c, struct err *e)
{
	for (size_t i = 0; i < c->m.nact; i++) {
		bool done;

		if (write_action(s, c, i, true, &done, e) ||
		    (!done && write_action(s, c, i, false, &done, e)))
			return ERR_RUNTIME;
	}
	return 0;
}

static int
write_parts(struct store *s, struct copy_meeting *c, struct err *e)
{
	const struct meeting *m = &c->m;
	sqlite3_stmt *st;

	for (size_t i = 0; i < m->nsec; i++) {
		if ((st = st_prep(s, SQL_SECTION, e)) == NULL)
			return ERR_RUNTIME;
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_text(st, 2, m->sec[i].key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, m->sec[i].body ? m->sec[i].body : "",
		    -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, COPY_REV(c, i));
		if (st_done(s, st, _("copying"), e))
			return ERR_RUNTIME;
	}
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		if ((st = st_prep(s, SQL_ATTENDEE, e)) == NULL)
			return ERR_RUNTIME;
		st_bind_attendee(st, m->id, i, a);
		if (st_done(s, st, _("copying"), e))
			return ERR_RUNTIME;
	}
	if (write_actions(s, c, e))
		return ERR_RUNTIME;
	for (size_t i = 0; i < c->nseen; i++) {
		if ((st = st_prep(s, SQL_SEEN, e)) == NULL)
			return ERR_RUNTIME;
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_text(st, 2, c->seen[i].section, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, c->seen[i].digest, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, c->seen[i].state, -1, SQLITE_STATIC);
		if (st_done(s, st, _("copying"), e))
			return ERR_RUNTIME;
	}
	return st_search_refresh(s, m->id, e);
}

int
sq_copy_write(struct store *s, struct copy_meeting *c, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_MEETING, e);

	if (st == NULL)
		return ERR_RUNTIME;
	for (int f = 0; f < F_NFIELDS; f++)
		st_bind_text(st, f + 1, c->m.field[f]);
	sqlite3_bind_text(st, F_NFIELDS + 1, c->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, F_NFIELDS + 2, c->updated, -1, SQLITE_STATIC);
	if (st_done(s, st, _("copying"), e))
		return ERR_RUNTIME;
	c->m.id = sqlite3_last_insert_rowid(s->db);
	return write_parts(s, c, e);
}

int
sq_copy_history(struct store *s, int64_t action_id,
    const struct store_act_event *ev, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_HISTORY, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, action_id);
	sqlite3_bind_text(st, 2, ev->at, -1, SQLITE_STATIC);
	st_bind_text(st, 3, ev->old_status);
	sqlite3_bind_text(st, 4, ev->new_status ? ev->new_status : "open", -1,
	    SQLITE_STATIC);
	st_bind_text(st, 5, ev->note);
	if (ev->review_meeting_id)
		sqlite3_bind_int64(st, 6, ev->review_meeting_id);
	return st_done(s, st, _("copying"), e);
}
