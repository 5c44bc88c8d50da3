/*
 * The PostgreSQL backend's connection (see store_pg_impl.h): opening one
 * from a libpq URI (the PG* variables and ~/.pgpass fill its gaps),
 * running statements under a deadline so that a network gone silent
 * stalls the editor for at most a moment, noticing a lost connection and
 * opening a new one on a later call, and the transactions and result
 * cells the other store_pg*.c files use.
 *
 * Waiting: every statement is sent asynchronously and waited for with
 * poll() until 2 x the busy timeout + 1 s (the editor sets 150 ms while
 * typing: 1.3 s; commands 5 s: 11 s).  Past that the connection is given
 * up: a save fails as on a locked SQLite file, and the next call opens a
 * new connection, at most once every PGS_RETRY_MS, each attempt bounded
 * the same way.  Row locks held by another writer are waited for at most
 * the busy timeout (lock_timeout), like SQLite's busy timeout.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_pg_impl.h"

#define PGS_RETRY_MS 3000

bool
pgs_is_uri(const char *path)
{
	return path && (strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0);
}

bool
pgs_uri_like(const char *path)
{
	return path && (strncmp(path, "postgresql:", 11) == 0 ||
	    strncmp(path, "postgres:", 9) == 0);
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long long
deadline(const struct pgs *p)
{
	return now_ms() + 2LL * p->busy_ms + 1000;
}

/* The URI without a password, in the user part or as a parameter. */
static char *
hide_password(const char *uri)
{
	const char *auth = strstr(uri, "://") + 3;
	const char *end = auth + strcspn(auth, "/?"), *at, *colon, *q;
	char *out;
	size_t len;

	at = memchr(auth, '@', (size_t)(end - auth));
	colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon)
		out = xasprintf("%.*s%s", (int)(colon - uri), uri, at);
	else
		out = xstrdup(uri);
	/* password=... among the parameters */
	if ((q = strchr(out, '?')) != NULL) {
		char *p = strstr(q, "password="), *amp;

		if (p && (p[-1] == '?' || p[-1] == '&')) {
			amp = strchr(p, '&');
			if (amp)
				memmove(p, amp + 1, strlen(amp + 1) + 1);
			else
				p[-1] = '\0';
		}
	}
	len = strlen(out);
	if (len && (out[len - 1] == '?' || out[len - 1] == '&'))
		out[len - 1] = '\0';
	return out;
}

/* Waits until the socket is readable (or writable), or the deadline. */
static bool
wait_socket(PGconn *c, bool write, long long until)
{
	struct pollfd pf = { .fd = PQsocket(c), .events = write ? POLLOUT : POLLIN };
	long long left;
	int rc;

	if (pf.fd < 0)
		return false;
	for (;;) {
		left = until - now_ms();
		if (left <= 0)
			return false;
		rc = poll(&pf, 1, (int)(left > 60000 ? 60000 : left));
		if (rc > 0)
			return true;
		if (rc < 0 && errno != EINTR)
			return false;
	}
}

static void
drop_connection(struct pgs *p)
{
	if (p->conn)
		PQfinish(p->conn);
	p->conn = NULL;
	p->nprep = 0;
	p->depth = 0;
}

static int
connect_fail(struct pgs *p, const char *why, struct err *e)
{
	char msg[256];
	size_t n;

	snprintf(msg, sizeof msg, "%s", why ? why : "");
	n = strcspn(msg, "\n");
	msg[n] = '\0';
	drop_connection(p);
	p->retry_at = now_ms() + PGS_RETRY_MS;
	return err_set(e, ERR_RUNTIME, _("%s: cannot connect to the server: %s"),
	    p->shown, *msg ? msg : _("no answer in time"));
}

/* JIT compiling pays off for long analytic queries, never for these:
 * it added 20 ms to the meeting list.  Custom plans, always: a generic
 * plan of a search recomputes the folded query for every row (0.2 s),
 * and cannot drop the review's unused filters ("$6 IS NULL OR ...").
 * The search index's new entries wait in a list that every search reads
 * through until it is merged, by default at 4 MB: after an import of
 * 10,000 meetings a rare name took 30-45 ms to find instead of 13 (the
 * whole command 53-88 ms instead of 28-44); the writer that takes the
 * list past 256 kB merges it. */
static const char SQL_SESSION[] =
    "SELECT set_config('search_path', 'minutes', false),"
    " set_config('lock_timeout', $1, false), set_config('jit', 'off', false),"
    " set_config('plan_cache_mode', 'force_custom_plan', false),"
    " set_config('gin_pending_list_limit', '256kB', false)";

static int
session_setup(struct pgs *p, struct err *e)
{
	struct pgp a = PGP_INIT;
	char ms[24];

	snprintf(ms, sizeof ms, "%d", p->busy_ms);
	pgp_str(&a, ms);
	return pg_do(p, SQL_SESSION, &a, _("opening"), e);
}

static const char SQL_UNLOCK_ALL[] = "SELECT pg_advisory_unlock_all()";
static const char SQL_RELOCK[] =
    "SELECT pg_try_advisory_lock_shared(1296978003, $1::int)";

/* Opens the connection, with the deadline of deadline(p), and sets the
 * session up; the edit locks this store held are taken again. */
static int open_conn(struct pgs *, struct err *);

static void
ignore_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static int
connect_now(struct pgs *p, struct err *e)
{
	int rc;

	drop_connection(p);
	p->connecting = true;
	rc = open_conn(p, e);
	p->connecting = false;
	return rc;
}

static int
open_conn(struct pgs *p, struct err *e)
{
	static const char *const keys[] = { "connect_timeout",
	    "keepalives_idle", "keepalives_interval", "keepalives_count",
	    "tcp_user_timeout", "application_name", "client_encoding",
	    "dbname", NULL };
	const char *vals[] = { "10", "15", "5", "3", "20000", "minutes",
	    "UTF8", p->uri, NULL };
	long long until = now_ms() + (p->busy_ms < 500 ? 1000 : 2LL * p->busy_ms);
	PostgresPollingStatusType st = PGRES_POLLING_WRITING;

	p->conn = PQconnectStartParams(keys, vals, 1);
	if (p->conn == NULL)
		return connect_fail(p, strerror(ENOMEM), e);
	if (PQstatus(p->conn) == CONNECTION_BAD)
		return connect_fail(p, PQerrorMessage(p->conn), e);
	while (st != PGRES_POLLING_OK) {
		if (st == PGRES_POLLING_FAILED)
			return connect_fail(p, PQerrorMessage(p->conn), e);
		if (!wait_socket(p->conn, st == PGRES_POLLING_WRITING, until))
			return connect_fail(p, NULL, e);
		st = PQconnectPoll(p->conn);
	}
	/* The server's notices (a query word with no lexeme, an extension
	 * already there) are for a DBA's console, not the secretary's. */
	PQsetNoticeProcessor(p->conn, ignore_notice, NULL);
	if (PQsetnonblocking(p->conn, 1) != 0 || session_setup(p, e))
		return connect_fail(p, e ? e->msg : NULL, e);
	for (size_t i = 0; i < p->nheld; i++) {
		struct pgp a = PGP_INIT;

		pgp_int(&a, p->held[i]);
		pg_do(p, SQL_RELOCK, &a, "", NULL);
	}
	return 0;
}

/* A usable connection, opened again if it was lost (not inside a
 * transaction: that one is gone with the old connection). */
static int
ensure(struct pgs *p, struct err *e)
{
	if (p->conn && PQstatus(p->conn) == CONNECTION_OK)
		return 0;
	if (p->depth > 0) {
		drop_connection(p);
		return err_set(e, ERR_RUNTIME,
		    _("%s: the connection to the server was lost"), p->shown);
	}
	if (now_ms() < p->retry_at)
		return err_set(e, ERR_RUNTIME,
		    _("%s: no connection to the server; trying again shortly"),
		    p->shown);
	return connect_now(p, e);
}

/* One line about a failed statement: what, and why in words a secretary
 * can act on where the cause is known. */
static int
fail(struct pgs *p, const PGresult *r, const char *what, struct err *e)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	snprintf(p->state, sizeof p->state, "%s", state ? state : "");
	if (msg == NULL)
		msg = p->conn ? PQerrorMessage(p->conn) : "";
	if (state == NULL || strncmp(state, "08", 2) == 0 ||
	    strcmp(state, "57P01") == 0 || strcmp(state, "57P02") == 0 ||
	    strcmp(state, "57P03") == 0 ||
	    (p->conn && PQstatus(p->conn) != CONNECTION_OK)) {
		drop_connection(p);
		return err_set(e, ERR_RUNTIME,
		    _("%s: %s: the connection to the server was lost"),
		    p->shown, what);
	}
	if (strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "40001") == 0)
		return err_set(e, ERR_RUNTIME,
		    _("%s: %s: the database is locked by another program"),
		    p->shown, what);
	if (strcmp(state, "42501") == 0)
		return err_set(e, ERR_RUNTIME,
		    _("%s: %s: not allowed for this role (%.200s)"), p->shown,
		    what, msg);
	{
		char one[300];

		snprintf(one, sizeof one, "%s", msg);
		one[strcspn(one, "\n")] = '\0';
		return err_set(e, ERR_RUNTIME, "%s: %s: %s", p->shown, what, one);
	}
}

/* Waits for the answer to what was sent; NULL (connection given up) when
 * the deadline passes. */
static PGresult *
await(struct pgs *p, long long until)
{
	PGresult *last = NULL, *r;
	int f;

	while ((f = PQflush(p->conn)) == 1)
		if (!wait_socket(p->conn, true, until))
			goto lost;
	if (f < 0)
		goto lost;
	for (;;) {
		while (PQisBusy(p->conn)) {
			if (!wait_socket(p->conn, false, until) ||
			    !PQconsumeInput(p->conn))
				goto lost;
		}
		if ((r = PQgetResult(p->conn)) == NULL)
			break;
		PQclear(last);
		last = r;
	}
	return last;
lost:
	PQclear(last);
	return NULL;
}

static const char *
prepared_name(struct pgs *p, const char *sql, char name[24], bool *known)
{
	size_t i;

	for (i = 0; i < p->nprep && p->prep[i] != sql; i++)
		;
	*known = i < p->nprep;
	snprintf(name, 24, "s%zu", i);
	return name;
}

/* Whether sql has run before in this process, noting that it has. */
static bool
ran_once(struct pgs *p, const char *sql)
{
	for (size_t i = 0; i < p->nonce; i++)
		if (p->once[i] == sql)
			return true;
	XPUSH(p->once, p->nonce, p->caponce);
	p->once[p->nonce++] = sql;
	return false;
}

static PGresult *
run_once(struct pgs *p, const char *sql, const struct pgp *a, const char *what,
    struct err *e)
{
	static const struct pgp none = PGP_INIT;
	char name[24];
	bool known;
	long long until;
	PGresult *r;

	if (ensure(p, e))
		return NULL;
	if (a == NULL)
		a = &none;
	until = deadline(p);
	prepared_name(p, sql, name, &known);
	if (!known && !ran_once(p, sql)) {
		if (!PQsendQueryParams(p->conn, sql, a->n, NULL, a->v, NULL,
		    NULL, 0))
			goto lost;
		goto sent;
	}
	if (!known) {
		if (!PQsendPrepare(p->conn, name, sql, 0, NULL))
			goto lost;
		if ((r = await(p, until)) == NULL)
			goto lost;
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			fail(p, r, what, e);
			PQclear(r);
			return NULL;
		}
		PQclear(r);
		XPUSH(p->prep, p->nprep, p->capprep);
		p->prep[p->nprep++] = sql;
	}
	if (!PQsendQueryPrepared(p->conn, name, a->n, a->v, NULL, NULL, 0))
		goto lost;
sent:
	if ((r = await(p, until)) == NULL)
		goto lost;
	if (PQresultStatus(r) != PGRES_TUPLES_OK &&
	    PQresultStatus(r) != PGRES_COMMAND_OK) {
		fail(p, r, what, e);
		PQclear(r);
		return NULL;
	}
	return r;
lost:
	fail(p, NULL, what, e);
	return NULL;
}

/* pg_run, once more on a new connection when the old one turns out to be
 * gone (a server restart) and no transaction was open on it: nothing the
 * statement did can have been half done. */
PGresult *
pg_run(struct pgs *p, const char *sql, const struct pgp *a, const char *what,
    struct err *e)
{
	bool outside = p->depth == 0;
	PGresult *r = run_once(p, sql, a, what, e);

	if (r == NULL && outside && p->conn == NULL && !p->connecting &&
	    now_ms() >= p->retry_at && connect_now(p, NULL) == 0)
		r = run_once(p, sql, a, what, e);
	return r;
}

int
pg_rows(struct pgs *p, const char *sql, const struct pgp *a, const char *what,
    size_t size, void (*fill)(const PGresult *, int, void *), void **out,
    size_t *n, struct err *e)
{
	PGresult *r = pg_run(p, sql, a, what, e);
	char *v;
	int rows;

	*out = NULL;
	*n = 0;
	if (r == NULL)
		return ERR_RUNTIME;
	rows = PQntuples(r);
	v = rows ? xcalloc((size_t)rows, size) : NULL;
	for (int i = 0; i < rows; i++)
		fill(r, i, v + (size_t)i * size);
	PQclear(r);
	*out = v;
	*n = (size_t)rows;
	return 0;
}

int
pg_script(struct pgs *p, const char *sql, const char *what, struct err *e)
{
	PGresult *r;

	if (ensure(p, e))
		return ERR_RUNTIME;
	if (!PQsendQuery(p->conn, sql) || (r = await(p, deadline(p))) == NULL)
		return fail(p, NULL, what, e);
	if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK) {
		fail(p, r, what, e);
		PQclear(r);
		return ERR_RUNTIME;
	}
	PQclear(r);
	return 0;
}

int
pg_do_rows(struct pgs *p, const char *sql, const struct pgp *a,
    const char *what, long *rows, struct err *e)
{
	PGresult *r = pg_run(p, sql, a, what, e);

	if (r == NULL)
		return ERR_RUNTIME;
	if (rows)
		*rows = atol(PQcmdTuples(r));
	PQclear(r);
	return 0;
}

int
pg_do(struct pgs *p, const char *sql, const struct pgp *a, const char *what,
    struct err *e)
{
	return pg_do_rows(p, sql, a, what, NULL, e);
}

static const char SQL_BEGIN[] = "BEGIN";
static const char SQL_READ[] =
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";

int
pg_begin(struct pgs *p, struct err *e)
{
	if (pg_do(p, SQL_BEGIN, NULL, _("starting a transaction"), e))
		return ERR_RUNTIME;
	p->depth = 1;
	return 0;
}

int
pg_read_begin(struct pgs *p, const char *what, struct err *e)
{
	if (pg_do(p, SQL_READ, NULL, what, e))
		return ERR_RUNTIME;
	p->depth = 1;
	return 0;
}

int
pg_commit(struct pgs *p, struct err *e)
{
	PGresult *r = pg_run(p, SQL_COMMIT, NULL, _("saving"), e);
	bool rolled_back;

	p->depth = 0;
	if (r == NULL)
		return ERR_RUNTIME;
	/* COMMIT of a transaction that failed answers ROLLBACK. */
	rolled_back = strcmp(PQcmdStatus(r), "ROLLBACK") == 0;
	PQclear(r);
	if (rolled_back)
		return err_set(e, ERR_RUNTIME, _("%s: saving: rolled back"),
		    p->shown);
	return 0;
}

void
pg_rollback(struct pgs *p)
{
	if (p->depth && p->conn && PQstatus(p->conn) == CONNECTION_OK)
		pg_do(p, SQL_ROLLBACK, NULL, "", NULL);
	p->depth = 0;
}

int
pg_tx(struct pgs *p, int (*fn)(struct pgs *, void *, struct err *), void *arg,
    struct err *e)
{
	int rc;

	if (pg_begin(p, e))
		return ERR_RUNTIME;
	if ((rc = fn(p, arg, e)) != 0) {
		pg_rollback(p);
		return rc;
	}
	return pg_commit(p, e);
}

void
pgp_str(struct pgp *a, const char *v)
{
	if (a->n < PGP_MAX)
		a->v[a->n++] = v;
}

void
pgp_text(struct pgp *a, const char *v)
{
	pgp_str(a, v && *v ? v : NULL);
}

void
pgp_null(struct pgp *a)
{
	pgp_str(a, NULL);
}

void
pgp_int(struct pgp *a, int64_t v)
{
	if (a->n >= PGP_MAX)
		return;
	snprintf(a->num[a->n], sizeof a->num[a->n], "%lld", (long long)v);
	a->v[a->n] = a->num[a->n];
	a->n++;
}

char *
pg_dup(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : xstrdup(PQgetvalue(r, row, col));
}

void
pg_strings(PGresult *r, char ***out, size_t *n)
{
	int rows = PQntuples(r);
	char **v = rows ? xcalloc((size_t)rows, sizeof *v) : NULL;

	for (int i = 0; i < rows; i++)
		v[i] = pg_dup(r, i, 0);
	PQclear(r);
	*out = v;
	*n = (size_t)rows;
}

int64_t
pg_int(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? 0 :
	    (int64_t)strtoll(PQgetvalue(r, row, col), NULL, 10);
}

void
pg_copy(char *dst, size_t n, const PGresult *r, int row, int col)
{
	snprintf(dst, n, "%s", PQgetisnull(r, row, col) ? "" :
	    PQgetvalue(r, row, col));
}

bool
pg_true(const PGresult *r, int row, int col)
{
	return !PQgetisnull(r, row, col) && PQgetvalue(r, row, col)[0] == 't';
}

int
pgs_open(const char *uri, struct pgs **out, char **shown, struct err *e)
{
	struct pgs *p;
	const char *why;

	*out = NULL;
	*shown = NULL;
	if (pg_lib_load(&why) != 0) {
		char *at = hide_password(uri);
		int rc = err_set(e, ERR_RUNTIME, _("%s: a PostgreSQL store "
		    "needs the libpq library, which cannot be loaded (%s); on "
		    "Debian: apt-get install libpq5"), at, why);

		free(at);
		return rc;
	}
	p = xcalloc(1, sizeof *p);
	p->uri = xstrdup(uri);
	p->shown = hide_password(uri);
	p->busy_ms = 5000;
	if (connect_now(p, e) || pg_schema_check(p, e)) {
		pgs_close(p);
		return ERR_RUNTIME;
	}
	*shown = xstrdup(p->shown);
	*out = p;
	return 0;
}

void
pgs_close(struct pgs *p)
{
	if (p == NULL)
		return;
	/* The server would drop the edit locks when the session ends, but a
	 * moment later: give them back now, for whoever opens next. */
	if (p->nheld && p->conn && PQstatus(p->conn) == CONNECTION_OK) {
		p->depth = 0;
		pg_do(p, SQL_UNLOCK_ALL, NULL, "", NULL);
	}
	drop_connection(p);
	free(p->prep);
	free(p->once);
	free(p->held);
	/* The URI may hold a password: do not leave it in freed memory. */
	if (p->uri) {
		volatile char *v = p->uri;

		for (size_t i = 0; v[i]; i++)
			v[i] = '\0';
	}
	free(p->uri);
	free(p->shown);
	free(p);
}

void
pgs_set_busy_timeout(struct pgs *p, int ms)
{
	p->busy_ms = ms;
	if (p->conn && PQstatus(p->conn) == CONNECTION_OK && p->depth == 0)
		session_setup(p, NULL);
}
