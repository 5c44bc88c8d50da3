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

int
store_suggestions_seen(struct store *s, int64_t meeting_id,
    const char *section, char ***out, size_t *n, struct err *e)
{
	if (s->pg)
		return pgs_suggestions_seen(s->pg, meeting_id, section, out, n, e);
	sqlite3_stmt *st = st_prep(s, SQL_SEEN, e);
	char **v = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, len + 1, sizeof *v);
		v[len++] = st_col_dup(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < len; i++)
			free(v[i]);
		free(v);
		return st_fail(s, _("reading suggestions"), e);
	}
	*out = v;
	*n = len;
	return 0;
}

int
store_suggestion_mark(struct store *s, int64_t meeting_id, const char *section,
    const char *digest, const char *state, struct err *e)
{
	if (s->pg)
		return pgs_suggestion_mark(s->pg, meeting_id, section, digest, state, e);
	sqlite3_stmt *st;

	if (st_begin(s, e))
		return ERR_RUNTIME;
	if ((st = st_prep(s, SQL_MARK, e)) == NULL) {
		st_rollback(s);
		return ERR_RUNTIME;
	}
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, state, -1, SQLITE_STATIC);
	if (st_done(s, st, _("saving a suggestion"), e)) {
		st_rollback(s);
		return ERR_RUNTIME;
	}
	return st_commit(s, e);
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
