/*
 * Meetings in the store (see store.h): whole-meeting insert and load, the
 * meeting list, and the editor's saves of header, sections, attendees
 * and actions.
 * Every write that changes a meeting's text rebuilds its search-index row
 * (st_search_refresh, store_search.c) before it commits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

static const char SQL_LIST[] =
    "SELECT m.id, m.date, m.title, m.series, m.template, m.status,"
    " (SELECT count(*) FROM action a WHERE a.meeting_id = m.id"
    "  AND a.status IN ('open', 'doing'))"
    " FROM meeting m ORDER BY m.date DESC, m.id DESC LIMIT ?2 OFFSET ?1";
static const char SQL_COUNT[] = "SELECT count(*) FROM meeting";

static void
fill_summary(sqlite3_stmt *st, void *elem)
{
	struct meeting_summary *m = elem;
	const char *d = (const char *)sqlite3_column_text(st, 1);

	m->id = sqlite3_column_int64(st, 0);
	snprintf(m->date, sizeof m->date, "%s", d ? d : "");
	m->title = st_col_dup(st, 2);
	m->series = st_col_dup(st, 3);
	m->template_id = st_col_dup(st, 4);
	m->final = strcmp((const char *)sqlite3_column_text(st, 5), "final") == 0;
	m->open_tasks = sqlite3_column_int(st, 6);
}

int
store_meeting_list(struct store *s, struct meeting_summary **out, size_t *n,
    struct err *e)
{
	return store_meeting_list_range(s, 0, 0, out, n, e);
}

int
store_meeting_count(struct store *s, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_meeting_count(s->pg, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_COUNT, e);
	int rc;

	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return st_fail(s, _("listing meetings"), e);
	return 0;
}

int
store_meeting_list_range(struct store *s, size_t offset, size_t limit,
    struct meeting_summary **out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_meeting_list_range(s->pg, offset, limit, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_LIST, e);
	struct st_rows r = { .size = sizeof **out, .fill = fill_summary };

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)offset);
	sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
	if (st_rows(s, st, &r, _("listing meetings"), e)) {
		store_summaries_free(r.v, r.n);
		return ERR_RUNTIME;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

void
store_summaries_free(struct meeting_summary *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].series);
		free(v[i].template_id);
	}
	free(v);
}

static const char SQL_INSERT_MEETING[] =
    "INSERT INTO meeting (template, series, title, organisation, number,"
    " style, date, start_time, end_time, place, locality, chair, secretary,"
    " recipients, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, ?12, ?13, ?14, coalesce(?15, 'draft'))";

static const char SQL_UPDATE_MEETING[] =
    "UPDATE meeting SET template = ?1, series = ?2, title = ?3,"
    " organisation = ?4, number = ?5, style = ?6, date = ?7, start_time = ?8,"
    " end_time = ?9, place = ?10, locality = ?11, chair = ?12,"
    " secretary = ?13, recipients = ?14, status = coalesce(?15, 'draft'),"
    " updated = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?16";

static void
bind_fields(sqlite3_stmt *st, const struct meeting *m)
{
	for (int f = 0; f < F_NFIELDS; f++)
		st_bind_text(st, f + 1, m->field[f]);
}

static const char SQL_SAVE_SECTION[] =
    "INSERT INTO section (meeting_id, key, body) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (meeting_id, key) DO UPDATE SET body = excluded.body,"
    " rev = rev + 1, updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
    " WHERE body IS NOT excluded.body";

static int
save_section(struct store *s, int64_t id, const char *key, const char *body,
    struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_SAVE_SECTION, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body ? body : "", -1, SQLITE_STATIC);
	return st_done(s, st, _("saving a section"), e);
}

/* The editor's old save of tasks: a status it did not change is not
 * written back over one changed elsewhere meanwhile (base_status). */
static int
save_actions(struct store *s, struct meeting *m, struct err *e)
{
	for (size_t i = 0; i < m->nact; i++) {
		struct action *a = &m->act[i];
		char *old = NULL;
		int rc;

		if (a->id && st_action_status(s, a->id, &old, e))
			return ERR_RUNTIME;
		if (a->id && old == NULL)
			a->id = 0;	/* deleted elsewhere: insert it again */
		/* Changed elsewhere (minutes action, the review) since it was
		 * read, and not here: the store's status stands. */
		else if (old && a->status == a->base_status)
			status_parse(old, &a->status);
		rc = st_write_action(s, m->id, i, a, old, e);
		free(old);
		if (rc)
			return rc;
	}
	return st_delete_actions_except(s, m->id, m->act, m->nact, e);
}

static int
save_attendees(struct store *s, struct meeting *m, struct err *e)
{
	return st_write_attendees(s, m->id, m->att, m->natt, e);
}

int
store_meeting_insert(struct store *s, struct meeting *m, struct err *e)
{
	if (s->pg)
		return pgs_meeting_insert(s->pg, m, e);
	sqlite3_stmt *st;

	if (st_begin(s, e))
		return ERR_RUNTIME;
	if ((st = st_prep(s, SQL_INSERT_MEETING, e)) == NULL)
		goto fail;
	bind_fields(st, m);
	if (st_done(s, st, _("saving a meeting"), e))
		goto fail;
	m->id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < m->nsec; i++)
		if (save_section(s, m->id, m->sec[i].key, m->sec[i].body, e))
			goto fail;
	if (save_attendees(s, m, e))
		goto fail;
	for (size_t i = 0; i < m->nact; i++)
		m->act[i].id = 0;
	if (save_actions(s, m, e) || st_search_refresh(s, m->id, e))
		goto fail;
	if (st_commit(s, e))
		goto fail_committed;
	for (size_t i = 0; i < m->nact; i++)
		m->act[i].base_status = m->act[i].status;
	return 0;
fail:
	st_rollback(s);
fail_committed:
	m->id = 0;
	return ERR_RUNTIME;
}

static const char SQL_LOAD_MEETING[] =
    "SELECT template, series, title, organisation, number, style, date,"
    " start_time, end_time, place, locality, chair, secretary, recipients,"
    " status FROM meeting WHERE id = ?1";
static const char SQL_LOAD_ATTENDEES[] =
    "SELECT id, name, position, organisation, role, presence, proxy"
    " FROM attendee WHERE meeting_id = ?1 ORDER BY pos, id";
static const char SQL_LOAD_SECTIONS[] =
    "SELECT key, body FROM section WHERE meeting_id = ?1 ORDER BY id";
static const char SQL_LOAD_ACTIONS[] =
    "SELECT id, assignee, task, due, due_text, status, src_section,"
    " src_start, src_end FROM action WHERE meeting_id = ?1 ORDER BY pos, id";

static int
row_header(sqlite3_stmt *st, void *arg)
{
	struct meeting *m = arg;

	for (int f = 0; f < F_NFIELDS; f++)
		m->field[f] = st_col_dup(st, f);
	return 0;
}

static int
row_attendee(sqlite3_stmt *st, void *arg)
{
	struct attendee *a = meeting_add_attendee(arg);

	a->id = sqlite3_column_int64(st, 0);
	a->name = st_col_dup(st, 1);
	a->position = st_col_dup(st, 2);
	a->organisation = st_col_dup(st, 3);
	role_parse((const char *)sqlite3_column_text(st, 4), &a->role);
	presence_parse((const char *)sqlite3_column_text(st, 5), &a->presence);
	a->proxy = st_col_dup(st, 6);
	return 0;
}

static int
row_section(sqlite3_stmt *st, void *arg)
{
	meeting_section_set(arg, (const char *)sqlite3_column_text(st, 0),
	    (const char *)sqlite3_column_text(st, 1));
	return 0;
}

static int
row_action(sqlite3_stmt *st, void *arg)
{
	struct action *a = meeting_add_action(arg);

	a->id = sqlite3_column_int64(st, 0);
	a->assignee = st_col_dup(st, 1);
	a->task = st_col_dup(st, 2);
	a->due = st_col_dup(st, 3);
	a->due_text = st_col_dup(st, 4);
	status_parse((const char *)sqlite3_column_text(st, 5), &a->status);
	a->base_status = a->status;
	a->src_section = st_col_dup(st, 6);
	a->src_start = sqlite3_column_int64(st, 7);
	a->src_end = sqlite3_column_int64(st, 8);
	return 0;
}

int
st_read_part(struct store *s, enum st_part part, int64_t id,
    struct meeting *m, struct err *e)
{
	static const struct {
		const char	*sql;
		int		(*row)(sqlite3_stmt *, void *);
	} parts[] = {
		[ST_HEADER] = { SQL_LOAD_MEETING, row_header },
		[ST_ROSTER] = { SQL_LOAD_ATTENDEES, row_attendee },
		[ST_TEXTS] = { SQL_LOAD_SECTIONS, row_section },
		[ST_TASKS] = { SQL_LOAD_ACTIONS, row_action },
	};
	sqlite3_stmt *st = st_prep(s, parts[part].sql, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	if (st_each(s, st, parts[part].row, m, _("reading a meeting"), e))
		return ERR_RUNTIME;
	if (part == ST_HEADER && m->field[F_TITLE] == NULL)
		return err_set(e, ERR_INPUT, _("no meeting %lld"), (long long)id);
	m->id = id;
	return 0;
}

int
st_meeting_read(struct store *s, int64_t id, struct meeting *m,
    struct err *e)
{
	meeting_init(m);
	if (st_read_part(s, ST_HEADER, id, m, e) ||
	    st_read_part(s, ST_ROSTER, id, m, e) ||
	    st_read_part(s, ST_TEXTS, id, m, e) ||
	    st_read_part(s, ST_TASKS, id, m, e) ||
	    /* What this meeting's review of earlier tasks found, for the
	     * exports. */
	    store_act_reviewed(s, id, &m->rev, &m->nrev, e) != 0) {
		meeting_free(m);
		return e && e->code ? (int)e->code : ERR_RUNTIME;
	}
	return 0;
}

int
store_meeting_load(struct store *s, int64_t id, struct meeting *m,
    struct err *e)
{
	if (s->pg)
		return pgs_meeting_load(s->pg, id, m, e);
	int rc;

	meeting_init(m);
	/* One read transaction, so the parts agree with each other even
	 * while another instance saves. */
	if (st_read_begin(s, _("reading a meeting"), e))
		return ERR_RUNTIME;
	rc = st_meeting_read(s, id, m, e);
	st_rollback(s);
	return rc;
}

static const char SQL_EXISTS[] = "SELECT 1 FROM meeting WHERE id = ?1";

bool
store_meeting_exists(struct store *s, int64_t id)
{
	if (s->pg)
		return pgs_meeting_exists(s->pg, id);
	sqlite3_stmt *st = st_prep(s, SQL_EXISTS, NULL);
	bool found;

	if (st == NULL)
		return false;
	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

int
st_update_header(struct store *s, const struct meeting *m, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_UPDATE_MEETING, e);

	if (st == NULL)
		return ERR_RUNTIME;
	bind_fields(st, m);
	sqlite3_bind_int64(st, F_NFIELDS + 1, m->id);
	if (st_done(s, st, _("saving a meeting"), e))
		return ERR_RUNTIME;
	if (sqlite3_changes(s->db) == 0)
		return err_set(e, ERR_INPUT, _("no meeting %lld"), (long long)m->id);
	return 0;
}

static int
tx_header(struct store *s, void *arg, struct err *e)
{
	const struct meeting *m = arg;

	if (st_update_header(s, m, e))
		return ERR_RUNTIME;
	return st_search_refresh(s, m->id, e);
}

int
store_meeting_save_header(struct store *s, const struct meeting *m,
    struct err *e)
{
	if (s->pg)
		return pgs_meeting_save_header(s->pg, m, e);
	return st_tx(s, tx_header, (void *)m, e);
}

struct section_arg {
	int64_t		 id;
	const char	*key, *body;
};

static int
tx_section(struct store *s, void *arg, struct err *e)
{
	struct section_arg *a = arg;

	if (save_section(s, a->id, a->key, a->body, e))
		return ERR_RUNTIME;
	return st_search_refresh(s, a->id, e);
}

int
store_section_save(struct store *s, int64_t meeting_id, const char *key,
    const char *body, struct err *e)
{
	if (s->pg)
		return pgs_section_save(s->pg, meeting_id, key, body, e);
	struct section_arg a = { meeting_id, key, body };

	return st_tx(s, tx_section, &a, e);
}

struct texts_arg {
	const struct meeting	*m;
	const char *const	*keys;
	size_t			 n;
};

static int
tx_texts(struct store *s, void *arg, struct err *e)
{
	struct texts_arg *a = arg;

	if (st_update_header(s, a->m, e))
		return ERR_RUNTIME;
	for (size_t i = 0; i < a->n; i++) {
		const char *body = meeting_section(a->m, a->keys[i]);

		if (save_section(s, a->m->id, a->keys[i], body, e))
			return ERR_RUNTIME;
	}
	return st_search_refresh(s, a->m->id, e);
}

int
store_meeting_save_texts(struct store *s, const struct meeting *m,
    const char *const *keys, size_t nkeys, struct err *e)
{
	if (s->pg)
		return pgs_meeting_save_texts(s->pg, m, keys, nkeys, e);
	struct texts_arg a = { m, keys, nkeys };

	return st_tx(s, tx_texts, &a, e);
}

static int
tx_attendees(struct store *s, void *arg, struct err *e)
{
	struct meeting *m = arg;

	if (save_attendees(s, m, e))
		return ERR_RUNTIME;
	return st_search_refresh(s, m->id, e);
}

int
store_attendees_save(struct store *s, const struct meeting *m, struct err *e)
{
	if (s->pg)
		return pgs_attendees_save(s->pg, m, e);
	return st_tx(s, tx_attendees, (void *)m, e);
}

static int
tx_actions(struct store *s, void *arg, struct err *e)
{
	struct meeting *m = arg;

	if (save_actions(s, m, e))
		return ERR_RUNTIME;
	return st_search_refresh(s, m->id, e);
}

int
store_actions_save(struct store *s, struct meeting *m, struct err *e)
{
	if (s->pg)
		return pgs_actions_save(s->pg, m, e);
	int rc = st_tx(s, tx_actions, m, e);

	/* Only once committed: a save rolled back must still write the
	 * statuses changed here when it is tried again. */
	if (rc == 0)
		for (size_t i = 0; i < m->nact; i++)
			m->act[i].base_status = m->act[i].status;
	return rc;
}

struct save_arg {
	struct meeting		*m;
	bool			 texts, roster, tasks;
	const char *const	*keys;
	size_t			 n;
};

static int
tx_save(struct store *s, void *arg, struct err *e)
{
	struct save_arg *a = arg;

	if (a->texts) {
		if (st_update_header(s, a->m, e))
			return ERR_RUNTIME;
		for (size_t i = 0; i < a->n; i++)
			if (save_section(s, a->m->id, a->keys[i],
			    meeting_section(a->m, a->keys[i]), e))
				return ERR_RUNTIME;
	}
	if (a->roster && save_attendees(s, a->m, e))
		return ERR_RUNTIME;
	if (a->tasks && save_actions(s, a->m, e))
		return ERR_RUNTIME;
	return st_search_refresh(s, a->m->id, e);
}

int
store_meeting_save(struct store *s, struct meeting *m, bool texts,
    const char *const *keys, size_t nkeys, bool roster, bool tasks,
    struct err *e)
{
	if (s->pg)
		return pgs_meeting_save(s->pg, m, texts, keys, nkeys, roster, tasks, e);
	struct save_arg a = { m, texts, roster, tasks, keys, nkeys };
	int rc;

	if (!texts && !roster && !tasks)
		return 0;
	rc = st_tx(s, tx_save, &a, e);
	if (rc == 0 && tasks)
		for (size_t i = 0; i < m->nact; i++)
			m->act[i].base_status = m->act[i].status;
	return rc;
}
