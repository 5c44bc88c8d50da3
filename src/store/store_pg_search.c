/*
 * Search in the PostgreSQL store, with PostgreSQL's own full-text search.
 * search_doc holds each meeting's text exactly as the SQLite index does
 * (same parts, same separators) and two token lists computed by the
 * server in stored columns: minutes.lc(text) (lower case, diacritics
 * kept) and minutes.fold(text) (unaccent, which folds đ/Đ too, then lower
 * case), each through the 'simple' configuration (no stemming, no stop
 * words: Vietnamese has neither in PostgreSQL), with a GIN index on each.
 *
 * A query is written as tsquery text from the words as typed, every word
 * quoted (nothing typed is query syntax), and the server folds it with
 * the same functions as the documents, so query and index can never fold
 * differently.  Tiers, best first, as on SQLite: all words together as
 * typed, each word as typed, all together folded, each folded; within a
 * tier the most recently added first.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_pg_impl.h"

static const char SQL_REFRESH[] =
    "INSERT INTO search_doc (meeting_id, owner, title, head, roster, body,"
    " tasks, keys)"
    " SELECT m.id, m.owner, m.title,"
    " coalesce(m.organisation, '') || E'\\n' || coalesce(m.number, '')"
    "  || E'\\n' || coalesce(m.place, '') || E'\\n'"
    "  || coalesce(m.chair, '') || E'\\n' || coalesce(m.secretary, '')"
    "  || E'\\n' || coalesce(m.series, '') || E'\\n'"
    "  || coalesce(m.recipients, ''),"
    " (SELECT string_agg(a.name || coalesce(', ' || a.position, '')"
    "  || coalesce(', ' || a.organisation, '')"
    "  || coalesce(' (' || a.proxy || ')', ''), E'\\n' ORDER BY a.pos, a.id)"
    "  FROM attendee a WHERE a.meeting_id = m.id),"
    " (SELECT string_agg(s.body, E'\\n\\x1e\\n' ORDER BY s.id)"
    "  FROM section s WHERE s.meeting_id = m.id),"
    " (SELECT string_agg(coalesce(a.assignee || ': ', '') || a.task"
    "  || coalesce(' (' || a.due_text || ')', ''), E'\\n' ORDER BY a.pos, a.id)"
    "  FROM action a WHERE a.meeting_id = m.id),"
    " (SELECT string_agg(s.key, ' ' ORDER BY s.id)"
    "  FROM section s WHERE s.meeting_id = m.id)"
    " FROM meeting m WHERE m.id = $1"
    " ON CONFLICT (meeting_id) DO UPDATE SET title = excluded.title,"
    " head = excluded.head, roster = excluded.roster, body = excluded.body,"
    " tasks = excluded.tasks, keys = excluded.keys";

int
pg_search_refresh(struct pgs *p, int64_t id, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, id);
	return pg_do(p, SQL_REFRESH, &a, _("updating the search index"), e);
}

static const char SQL_MINE[] =
    "SELECT id FROM meeting WHERE owner = minutes.me() ORDER BY id";

int
pgs_search_rebuild(struct pgs *p, struct err *e)
{
	PGresult *r;

	if (pg_begin(p, e))
		return ERR_RUNTIME;
	/* This role's meetings: the others are their owners' to index. */
	if ((r = pg_run(p, SQL_MINE, NULL, _("updating the search index"), e)) == NULL)
		goto fail;
	for (int i = 0; i < PQntuples(r); i++)
		if (pg_search_refresh(p, pg_int(r, i, 0), e)) {
			PQclear(r);
			goto fail;
		}
	PQclear(r);
	return pg_commit(p, e);
fail:
	pg_rollback(p);
	return ERR_RUNTIME;
}

static const char SQL_SIZE[] =
    "SELECT pg_total_relation_size('minutes.search_doc')";

int64_t
pgs_search_size(struct pgs *p)
{
	PGresult *r = pg_run(p, SQL_SIZE, NULL, "", NULL);
	int64_t n;

	if (r == NULL)
		return -1;
	n = pg_int(r, 0, 0);
	PQclear(r);
	return n;
}

/* One word as a quoted tsquery operand: ' and \ escaped. */
static void
add_word(struct buf *b, const char *w, size_t len, bool prefix)
{
	buf_addc(b, '\'');
	for (size_t i = 0; i < len; i++) {
		if (w[i] == '\'' || w[i] == '\\')
			buf_addc(b, w[i]);
		buf_addc(b, w[i]);
	}
	buf_adds(b, prefix ? "':*" : "'");
}

/* The words of phrase p as typed, joined by <-> onto b. */
static void
add_phrase(struct buf *b, const struct search_phrase *ph, bool first)
{
	const char *s = ph->raw;

	while (*s) {
		size_t sp = strspn(s, " \t\r\n"), len;

		s += sp;
		len = strcspn(s, " \t\r\n");
		if (len == 0)
			break;
		if (!first)
			buf_adds(b, " <-> ");
		first = false;
		add_word(b, s, len, ph->prefix && s[len + strspn(s + len,
		    " \t\r\n")] == '\0');
		s += len;
	}
}

static const char SQL_SEARCH[] =
    "WITH q AS (SELECT to_tsquery('simple', minutes.lc($1)) AS ew,"
    " to_tsquery('simple', minutes.lc($2)) AS ep,"
    " to_tsquery('simple', minutes.fold($1)) AS fw,"
    " to_tsquery('simple', minutes.fold($2)) AS fp)"
    " SELECT d.meeting_id, m.date, d.title, d.head, d.roster, d.body,"
    " d.tasks, d.keys, CASE WHEN d.exact @@ q.ep THEN 0"
    " WHEN d.exact @@ q.ew THEN 1 WHEN d.folded @@ q.fp THEN 2 ELSE 3 END"
    " AS tier"
    " FROM q, search_doc d JOIN meeting m ON m.id = d.meeting_id"
    " WHERE d.folded @@ q.fw OR d.exact @@ q.ew"
    " ORDER BY tier, d.meeting_id DESC LIMIT $3";

int
pgs_search(struct pgs *p, const struct search_query *q, size_t limit,
    struct search_hit **out, size_t *n, struct err *e)
{
	struct buf words = BUF_INIT, whole = BUF_INIT;
	struct pgp a = PGP_INIT;
	struct search_hit *v;
	PGresult *r;
	int rows;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < q->n; i++) {
		if (i)
			buf_adds(&words, " & ");
		buf_addc(&words, '(');
		add_phrase(&words, &q->ph[i], true);
		buf_addc(&words, ')');
		add_phrase(&whole, &q->ph[i], i == 0);
	}
	pgp_str(&a, buf_str(&words));
	pgp_str(&a, buf_str(&whole));
	pgp_int(&a, (int64_t)limit);
	r = pg_run(p, SQL_SEARCH, &a, _("searching"), e);
	buf_free(&words);
	buf_free(&whole);
	if (r == NULL)
		return ERR_RUNTIME;
	rows = PQntuples(r);
	v = rows ? xcalloc((size_t)rows, sizeof *v) : NULL;
	for (int i = 0; i < rows; i++) {
		const char *parts[6];

		v[i].id = pg_int(r, i, 0);
		pg_copy(v[i].date, sizeof v[i].date, r, i, 1);
		v[i].title = xstrdup(PQgetvalue(r, i, 2));
		v[i].exact = pg_int(r, i, 8) < 2;
		for (int k = 0; k < 6; k++)
			parts[k] = PQgetisnull(r, i, 2 + k) ? NULL :
			    PQgetvalue(r, i, 2 + k);
		store_hit_part(&v[i], parts, q);
	}
	PQclear(r);
	*out = v;
	*n = (size_t)rows;
	return 0;
}
