/*
 * Meetings in the store (see store.h): whole-meeting insert and load, the
 * meeting list, the editor's saves of header, sections, attendees and
 * actions, and the edit locks two instances use to warn each other.
 * Every write that changes a meeting's text rebuilds its search-index row
 * (st_search_refresh, store_search.c) before it commits.
 */
#include "config.h"

#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

static const char SQL_LIST[] =
    "SELECT m.id, m.date, m.title, m.series, m.template, m.status,"
    " (SELECT count(*) FROM action a WHERE a.meeting_id = m.id"
    "  AND a.status IN ('open', 'doing'))"
    " FROM meeting m ORDER BY m.date DESC, m.id DESC";

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
	sqlite3_stmt *st = st_prep(s, SQL_LIST, e);
	struct st_rows r = { .size = sizeof **out, .fill = fill_summary };

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
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
    " style, date, start_time, end_time, place, chair, secretary, recipients,"
    " status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
    " coalesce(?14, 'draft'))";

static const char SQL_UPDATE_MEETING[] =
    "UPDATE meeting SET template = ?1, series = ?2, title = ?3,"
    " organisation = ?4, number = ?5, style = ?6, date = ?7, start_time = ?8,"
    " end_time = ?9, place = ?10, chair = ?11, secretary = ?12,"
    " recipients = ?13, status = coalesce(?14, 'draft'), updated = "
    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?15";

static void
bind_fields(sqlite3_stmt *st, const struct meeting *m)
{
	for (int f = 0; f < F_NFIELDS; f++)
		st_bind_text(st, f + 1, m->field[f]);
}

static const char SQL_SAVE_SECTION[] =
    "INSERT INTO section (meeting_id, key, body) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (meeting_id, key) DO UPDATE SET body = excluded.body,"
    " updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
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

static const char SQL_DELETE_ATTENDEES[] =
    "DELETE FROM attendee WHERE meeting_id = ?1";
static const char SQL_INSERT_ATTENDEE[] =
    "INSERT INTO attendee (meeting_id, pos, name, position, organisation,"
    " role, presence, proxy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static int
save_attendees(struct store *s, const struct meeting *m, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_DELETE_ATTENDEES, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, m->id);
	if (st_done(s, st, _("saving attendees"), e))
		return ERR_RUNTIME;
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		if ((st = st_prep(s, SQL_INSERT_ATTENDEE, e)) == NULL)
			return ERR_RUNTIME;
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, a->name ? a->name : "", -1, SQLITE_STATIC);
		st_bind_text(st, 4, a->position);
		st_bind_text(st, 5, a->organisation);
		sqlite3_bind_text(st, 6, role_word(a->role), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, presence_word(a->presence), -1, SQLITE_STATIC);
		st_bind_text(st, 8, a->proxy);
		if (st_done(s, st, _("saving attendees"), e))
			return ERR_RUNTIME;
		m->att[i].id = sqlite3_last_insert_rowid(s->db);
	}
	return 0;
}

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
static const char SQL_DELETE_ACTION[] =
    "DELETE FROM action WHERE id = ?1";

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

static int
save_action(struct store *s, int64_t meeting_id, size_t pos, struct action *a,
    struct err *e)
{
	sqlite3_stmt *st;
	char *old = NULL;
	int rc;

	if (a->id) {
		if ((st = st_prep(s, SQL_ACTION_STATUS, e)) == NULL)
			return ERR_RUNTIME;
		sqlite3_bind_int64(st, 1, a->id);
		if (st_each(s, st, st_row_text, &old, _("saving a task"), e))
			return ERR_RUNTIME;
		if (old == NULL)
			a->id = 0;	/* deleted elsewhere: insert it again */
		/* Changed elsewhere (minutes action, the review) since it was
		 * read, and not here: the store's status stands. */
		else if (a->status == a->base_status)
			status_parse(old, &a->status);
	}
	st = st_prep(s, a->id ? SQL_UPDATE_ACTION : SQL_INSERT_ACTION, e);
	if (st == NULL) {
		free(old);
		return ERR_RUNTIME;
	}
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
	if (a->id)
		sqlite3_bind_int64(st, 11, a->id);
	if (st_done(s, st, _("saving a task"), e)) {
		free(old);
		return ERR_RUNTIME;
	}
	a->meeting_id = meeting_id;
	if (a->id == 0) {
		a->id = sqlite3_last_insert_rowid(s->db);
		rc = history(s, a->id, NULL, status_word(a->status), e);
	} else if (strcmp(old, status_word(a->status)) != 0)
		rc = history(s, a->id, old, status_word(a->status), e);
	else
		rc = 0;
	free(old);
	return rc;
}

/* The stored actions of a meeting that its copy in memory no longer has. */
struct gone {
	const struct meeting	*m;
	int64_t			*id;
	size_t			 n, cap;
};

static int
row_gone(sqlite3_stmt *st, void *arg)
{
	struct gone *g = arg;
	int64_t id = sqlite3_column_int64(st, 0);

	for (size_t i = 0; i < g->m->nact; i++)
		if (g->m->act[i].id == id)
			return 0;
	XPUSH(g->id, g->n, g->cap);
	g->id[g->n++] = id;
	return 0;
}

static int
save_actions(struct store *s, struct meeting *m, struct err *e)
{
	struct gone g = { .m = m };
	sqlite3_stmt *st;
	int rc = 0;

	for (size_t i = 0; i < m->nact; i++)
		if (save_action(s, m->id, i, &m->act[i], e))
			return ERR_RUNTIME;
	/* Delete the stored actions the meeting no longer has. */
	if ((st = st_prep(s, SQL_ACTION_IDS, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, m->id);
	rc = st_each(s, st, row_gone, &g, _("saving tasks"), e);
	for (size_t i = 0; i < g.n && rc == 0; i++) {
		if ((st = st_prep(s, SQL_DELETE_ACTION, e)) == NULL) {
			rc = ERR_RUNTIME;
			break;
		}
		sqlite3_bind_int64(st, 1, g.id[i]);
		rc = st_done(s, st, _("saving tasks"), e);
	}
	free(g.id);
	return rc;
}

int
store_meeting_insert(struct store *s, struct meeting *m, struct err *e)
{
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
    " start_time, end_time, place, chair, secretary, recipients, status"
    " FROM meeting WHERE id = ?1";
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

/* Reads every row of the statement sql for meeting id with row into m. */
static int
load_part(struct store *s, const char *sql, int64_t id,
    int (*row)(sqlite3_stmt *, void *), struct meeting *m, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, sql, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	return st_each(s, st, row, m, _("reading a meeting"), e);
}

int
store_meeting_load(struct store *s, int64_t id, struct meeting *m,
    struct err *e)
{
	meeting_init(m);
	/* One read transaction, so the parts agree with each other even
	 * while another instance saves. */
	if (st_read_begin(s, _("reading a meeting"), e))
		return ERR_RUNTIME;
	if (load_part(s, SQL_LOAD_MEETING, id, row_header, m, e))
		goto fail;
	if (m->field[F_TITLE] == NULL) {
		err_set(e, ERR_INPUT, _("no meeting %lld"), (long long)id);
		goto fail;
	}
	m->id = id;
	if (load_part(s, SQL_LOAD_ATTENDEES, id, row_attendee, m, e) ||
	    load_part(s, SQL_LOAD_SECTIONS, id, row_section, m, e) ||
	    load_part(s, SQL_LOAD_ACTIONS, id, row_action, m, e))
		goto fail;
	/* What this meeting's review of earlier tasks found, for the
	 * exports; inside the same read transaction. */
	if (store_act_reviewed(s, id, &m->rev, &m->nrev, e) != 0)
		goto fail;
	st_rollback(s);
	return 0;
fail:
	st_rollback(s);
	meeting_free(m);
	return e ? (e->code ? (int)e->code : ERR_RUNTIME) : ERR_RUNTIME;
}

static const char SQL_EXISTS[] = "SELECT 1 FROM meeting WHERE id = ?1";

bool
store_meeting_exists(struct store *s, int64_t id)
{
	sqlite3_stmt *st = st_prep(s, SQL_EXISTS, NULL);
	bool found;

	if (st == NULL)
		return false;
	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

static int
update_header(struct store *s, const struct meeting *m, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_UPDATE_MEETING, e);

	if (st == NULL)
		return ERR_RUNTIME;
	bind_fields(st, m);
	sqlite3_bind_int64(st, 15, m->id);
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

	if (update_header(s, m, e))
		return ERR_RUNTIME;
	return st_search_refresh(s, m->id, e);
}

int
store_meeting_save_header(struct store *s, const struct meeting *m,
    struct err *e)
{
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

	if (update_header(s, a->m, e))
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
	struct texts_arg a = { m, keys, nkeys };

	return st_tx(s, tx_texts, &a, e);
}

static int
tx_attendees(struct store *s, void *arg, struct err *e)
{
	const struct meeting *m = arg;

	if (save_attendees(s, m, e))
		return ERR_RUNTIME;
	return st_search_refresh(s, m->id, e);
}

int
store_attendees_save(struct store *s, const struct meeting *m, struct err *e)
{
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
		if (update_header(s, a->m, e))
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

static const char SQL_LOCK_GET[] =
    "SELECT pid, host, beat FROM edit_lock WHERE meeting_id = ?1";
static const char SQL_LOCK_PUT[] =
    "INSERT OR REPLACE INTO edit_lock (meeting_id, pid, host, beat)"
    " VALUES (?1, ?2, ?3, ?4)";
static const char SQL_LOCK_BEAT[] =
    "UPDATE edit_lock SET beat = ?3 WHERE meeting_id = ?1 AND pid = ?2";
static const char SQL_LOCK_DROP[] =
    "DELETE FROM edit_lock WHERE meeting_id = ?1 AND pid = ?2 AND host = ?3";

static void
hostname(char *h, size_t n)
{
	if (gethostname(h, n) != 0)
		snprintf(h, n, "localhost");
	h[n - 1] = '\0';
}

struct lock_arg {
	int64_t	id;
	long	other;
};

static int
tx_lock(struct store *s, void *arg, struct err *e)
{
	struct lock_arg *a = arg;
	sqlite3_stmt *st = st_prep(s, SQL_LOCK_GET, e);
	char host[256];
	time_t now = time(NULL);

	if (st == NULL)
		return ERR_RUNTIME;
	hostname(host, sizeof host);
	a->other = 0;
	sqlite3_bind_int64(st, 1, a->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		long pid = (long)sqlite3_column_int64(st, 0);
		const char *h = (const char *)sqlite3_column_text(st, 1);
		time_t beat = (time_t)sqlite3_column_int64(st, 2);
		bool here = h && strcmp(h, host) == 0;

		/* A holder on this host is alive if its pid is; one on
		 * another host (a shared folder) if it beat recently. */
		if (pid != (long)getpid() || !here) {
			if (here ? kill((pid_t)pid, 0) == 0 || errno == EPERM
			    : now - beat < STORE_LOCK_STALE)
				a->other = pid;
		}
	}
	sqlite3_reset(st);
	if ((st = st_prep(s, SQL_LOCK_PUT, e)) == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)getpid());
	sqlite3_bind_text(st, 3, host, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
	return st_done(s, st, _("marking the meeting open"), e);
}

int
store_lock_take(struct store *s, int64_t meeting_id, long *other_pid,
    struct err *e)
{
	struct lock_arg a = { meeting_id, 0 };
	int rc = st_tx(s, tx_lock, &a, e);

	*other_pid = a.other;
	return rc;
}

int
store_lock_refresh(struct store *s, int64_t meeting_id, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_LOCK_BEAT, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)getpid());
	sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	return st_done(s, st, _("marking the meeting open"), e);
}

void
store_lock_release(struct store *s, int64_t meeting_id)
{
	sqlite3_stmt *st = st_prep(s, SQL_LOCK_DROP, NULL);
	char host[256];

	if (st == NULL)
		return;
	hostname(host, sizeof host);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)getpid());
	sqlite3_bind_text(st, 3, host, -1, SQLITE_TRANSIENT);
	st_done(s, st, "", NULL);
}
