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

/* The meeting's index row, built as the SQLite index's, and no longer
 * pending (one statement: one round trip in every save). */
static const char SQL_REFRESH[] =
    "WITH done AS (DELETE FROM search_pending WHERE meeting_id = $1)"
    " INSERT INTO search_doc (meeting_id, owner, title, head, roster, body,"
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

/* Runs sql on the index of meeting id ($1). */
static int
index_do(struct pgs *p, const char *sql, int64_t id, struct err *e)
{
	struct pgp a = PGP_INIT;

	pgp_int(&a, id);
	return pg_do(p, sql, &a, _("updating the search index"), e);
}

int
pg_search_refresh(struct pgs *p, int64_t id, struct err *e)
{
	return index_do(p, SQL_REFRESH, id, e);
}

static const char SQL_DEFER[] =
    "INSERT INTO search_pending (meeting_id, owner) SELECT id, owner"
    " FROM meeting WHERE id = $1 ON CONFLICT DO NOTHING";
/* This role's meetings only: the others are their owners' to index. */
static const char SQL_PENDING[] =
    "SELECT meeting_id FROM search_pending WHERE owner = minutes.me()"
    " ORDER BY meeting_id LIMIT 1";

int
pg_search_defer(struct pgs *p, int64_t id, struct err *e)
{
	return index_do(p, SQL_DEFER, id, e);
}

static int
tx_catch_up(struct pgs *p, void *arg, struct err *e)
{
	return pg_search_refresh(p, *(int64_t *)arg, e);
}

int
pgs_search_catch_up(struct pgs *p, struct err *e)
{
	for (;;) {
		PGresult *r = pg_run(p, SQL_PENDING, NULL,
		    _("updating the search index"), e);
		int64_t id;

		if (r == NULL)
			return ERR_RUNTIME;
		id = PQntuples(r) ? pg_int(r, 0, 0) : 0;
		PQclear(r);
		if (id == 0)
			return 0;
		/* One meeting per transaction: a long catch-up never holds
		 * a meeting for long. */
		if (pg_tx(p, tx_catch_up, &id, e))
			return ERR_RUNTIME;
	}
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
	r = pg_run(p, SQL_MINE, NULL, _("updating the search index"), e);
	if (r == NULL)
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

/*
 * The tiers, each its own statement, run twice when need be: first over
 * the newest RECENT meetings only, walking them backwards, which finds
 * the hits of a common word at once; and only when that gives fewer hits
 * than asked, over every meeting through the GIN index, which finds a
 * rare word at once.  The planner would choose between the two itself,
 * but only once it has statistics; just after a big import it ranked
 * every meeting holding a common phrase (0.3 s instead of 1 ms).  Each
 * tier excludes what the tiers before it found.  $1 is the tier's query,
 * then the queries it excludes, then the limit.
 */
#define RECENT "200"
#define HIT_COLUMNS \
    "SELECT d.meeting_id, m.date, d.title, d.head, d.roster, d.body," \
    " d.tasks, d.keys FROM "
#define HIT_ALL "search_doc d JOIN meeting m ON m.id = d.meeting_id"
#define HIT_RECENT "(SELECT * FROM search_doc ORDER BY meeting_id DESC" \
    " LIMIT " RECENT ") d JOIN meeting m ON m.id = d.meeting_id"
#define HIT_ORDER " ORDER BY d.meeting_id DESC LIMIT $4"
#define HIT_ORDER_GIN " ORDER BY d.meeting_id + 0 DESC LIMIT $4"
/* All words together as typed (for one phrase: the phrase). */
#define TIER0 " WHERE d.exact @@ to_tsquery('simple', minutes.lc($1))" \
    " AND $2::text IS NULL AND $3::text IS NULL"
/* Each word as typed, not all together. */
#define TIER1 " WHERE d.exact @@ to_tsquery('simple', minutes.lc($1))" \
    " AND NOT d.exact @@ to_tsquery('simple', minutes.lc($2))" \
    " AND $3::text IS NULL"
/* All together folded, unless each word matched as typed. */
#define TIER2 " WHERE d.folded @@ to_tsquery('simple', minutes.fold($1))" \
    " AND NOT d.exact @@ to_tsquery('simple', minutes.lc($2))" \
    " AND $3::text IS NULL"
/* Each word folded, not all together, unless each matched as typed. */
#define TIER3 " WHERE d.folded @@ to_tsquery('simple', minutes.fold($1))" \
    " AND NOT d.folded @@ to_tsquery('simple', minutes.fold($2))" \
    " AND NOT d.exact @@ to_tsquery('simple', minutes.lc($3))"

/* The second pass is for words the newest meetings do not hold enough
 * of: the GIN index is the way.  Ordering by an expression keeps the
 * planner from walking the whole primary key backwards instead, which it
 * chose without statistics (0.2 s for a word in one meeting). */
static const char *const SQL_TIER[4][2] = {
	{ HIT_COLUMNS HIT_RECENT TIER0 HIT_ORDER,
	  HIT_COLUMNS HIT_ALL TIER0 HIT_ORDER_GIN },
	{ HIT_COLUMNS HIT_RECENT TIER1 HIT_ORDER,
	  HIT_COLUMNS HIT_ALL TIER1 HIT_ORDER_GIN },
	{ HIT_COLUMNS HIT_RECENT TIER2 HIT_ORDER,
	  HIT_COLUMNS HIT_ALL TIER2 HIT_ORDER_GIN },
	{ HIT_COLUMNS HIT_RECENT TIER3 HIT_ORDER,
	  HIT_COLUMNS HIT_ALL TIER3 HIT_ORDER_GIN },
};

/* Runs one tier, appending up to limit hits to *v. */
static int
tier(struct pgs *p, const char *const sql[2], const char *q1, const char *q2,
    const char *q3, bool exact, const struct search_query *q, size_t limit,
    struct search_hit **v, size_t *n, struct err *e)
{
	struct pgp a = PGP_INIT;
	PGresult *r;
	int rows;

	pgp_str(&a, q1);
	pgp_str(&a, q2);
	pgp_str(&a, q3);
	pgp_int(&a, (int64_t)limit);
	if ((r = pg_run(p, sql[0], &a, _("searching"), e)) == NULL)
		return ERR_RUNTIME;
	if ((size_t)PQntuples(r) < limit) {
		PQclear(r);
		if ((r = pg_run(p, sql[1], &a, _("searching"), e)) == NULL)
			return ERR_RUNTIME;
	}
	rows = PQntuples(r);
	*v = xreallocarray(*v, *n + (size_t)rows + 1, sizeof **v);
	for (int i = 0; i < rows; i++) {
		struct search_hit *h = &(*v)[(*n)++];
		const char *parts[6];

		memset(h, 0, sizeof *h);
		h->id = pg_int(r, i, 0);
		pg_copy(h->date, sizeof h->date, r, i, 1);
		h->title = xstrdup(PQgetvalue(r, i, 2));
		h->exact = exact;
		for (int k = 0; k < 6; k++)
			parts[k] = PQgetisnull(r, i, 2 + k) ? NULL :
			    PQgetvalue(r, i, 2 + k);
		store_hit_part(h, parts, q);
	}
	PQclear(r);
	return 0;
}

int
pgs_search(struct pgs *p, const struct search_query *q, size_t limit,
    struct search_hit **out, size_t *n, struct err *e)
{
	struct buf words = BUF_INIT, whole = BUF_INIT;
	const char *w, *h;
	int rc;

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
	w = buf_str(&words);
	h = buf_str(&whole);
	/* This role's meetings whose index was left for later are indexed
	 * first; a role that may not write searches the index as it is. */
	pgs_search_catch_up(p, NULL);
	/* One snapshot, so the tiers see the same index. */
	rc = pg_read_begin(p, _("searching"), e);
	if (q->n > 1) {
		if (rc == 0 && *n < limit)
			rc = tier(p, SQL_TIER[0], h, NULL, NULL, true, q,
			    limit - *n, out, n, e);
		if (rc == 0 && *n < limit)
			rc = tier(p, SQL_TIER[1], w, h, NULL, true, q,
			    limit - *n, out, n, e);
		if (rc == 0 && *n < limit)
			rc = tier(p, SQL_TIER[2], h, w, NULL, false, q,
			    limit - *n, out, n, e);
		if (rc == 0 && *n < limit)
			rc = tier(p, SQL_TIER[3], w, h, w, false, q,
			    limit - *n, out, n, e);
	} else {
		if (rc == 0 && *n < limit)
			rc = tier(p, SQL_TIER[0], w, NULL, NULL, true, q,
			    limit - *n, out, n, e);
		if (rc == 0 && *n < limit)
			rc = tier(p, SQL_TIER[2], w, w, NULL, false, q,
			    limit - *n, out, n, e);
	}
	pg_rollback(p);
	buf_free(&words);
	buf_free(&whole);
	if (rc) {
		store_search_hits_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
