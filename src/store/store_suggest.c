/*
 * The suggestions a secretary has accepted or dismissed (see store.h), kept
 * by digest so the same item found again in the same section is not
 * offered a second time, even after the text around it is edited.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

static const char SQL_SEEN[] =
    "SELECT digest FROM suggestion_seen WHERE meeting_id = ?1 AND section = ?2";
static const char SQL_MARK[] =
    "INSERT OR REPLACE INTO suggestion_seen (meeting_id, section, digest, state)"
    " VALUES (?1, ?2, ?3, ?4)";
static const char SQL_FORGET[] =
    "DELETE FROM suggestion_seen WHERE meeting_id = ?1 AND section = ?2"
    " AND digest = ?3";

static void
fill_digest(sqlite3_stmt *st, void *elem)
{
	*(char **)elem = st_col_dup(st, 0);
}

int
store_suggestions_seen(struct store *s, int64_t meeting_id,
    const char *section, char ***out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_suggestions_seen(s->pg, meeting_id, section, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_SEEN, e);
	struct st_rows r = { .size = sizeof **out, .fill = fill_digest };

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC);
	if (st_rows(s, st, &r, _("reading suggestions"), e)) {
		char **v = r.v;

		for (size_t i = 0; i < r.n; i++)
			free(v[i]);
		free(v);
		return ERR_RUNTIME;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

struct mark_arg {
	int64_t		 meeting_id;
	const char	*section, *digest, *state;
};

static int
tx_mark(struct store *s, void *arg, struct err *e)
{
	struct mark_arg *a = arg;
	sqlite3_stmt *st = st_prep(s, SQL_MARK, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, a->meeting_id);
	sqlite3_bind_text(st, 2, a->section, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->state, -1, SQLITE_STATIC);
	return st_done(s, st, _("saving a suggestion"), e);
}

int
store_suggestion_mark(struct store *s, int64_t meeting_id, const char *section,
    const char *digest, const char *state, struct err *e)
{
	if (s->pg)
		return pgs_suggestion_mark(s->pg, meeting_id, section, digest, state, e);
	struct mark_arg a = { meeting_id, section, digest, state };

	return st_tx(s, tx_mark, &a, e);
}

int
store_suggestion_forget(struct store *s, int64_t meeting_id,
    const char *section, const char *digest, struct err *e)
{
	if (s->pg)
		return pgs_suggestion_forget(s->pg, meeting_id, section, digest, e);
	sqlite3_stmt *st;

	if (st_begin(s, e))
		return ERR_RUNTIME;
	if ((st = st_prep(s, SQL_FORGET, e)) == NULL) {
		st_rollback(s);
		return ERR_RUNTIME;
	}
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, digest, -1, SQLITE_STATIC);
	if (st_done(s, st, _("saving a suggestion"), e)) {
		st_rollback(s);
		return ERR_RUNTIME;
	}
	return st_commit(s, e);
}
