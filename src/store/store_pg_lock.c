/*
 * Edit locks in the PostgreSQL store, the twins of store_lock.c, with the
 * same rules: each instance editing a meeting has its own mark, a mark of
 * this very process never warns it, and an instance never removes or
 * replaces another's live mark.  Whether a holder is alive is the
 * server's to say, not a clock's or a PID's: each holder's session keeps
 * a shared advisory lock on the meeting, which the server drops the
 * moment that session ends, however it ends (kill -9, a lost network, a
 * reboot), and its mark (a row of edit_lock) names the server process of
 * that session.  A mark whose server process no longer holds the lock is
 * dead; the next instance to mark the meeting drops it.  Looking
 * (pgs_lock_other) reads pg_locks and the marks, and takes nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_pg_impl.h"

/* The advisory lock's first key ('MNTS'); the meeting id is the second. */
#define HELD_BY(backend) \
    " EXISTS (SELECT 1 FROM pg_catalog.pg_locks k" \
    "  WHERE k.locktype = 'advisory' AND k.granted" \
    "  AND k.database = (SELECT oid FROM pg_catalog.pg_database" \
    "   WHERE datname = current_database())" \
    "  AND k.classid = 1296978003 AND k.objsubid = 2" \
    "  AND k.objid::bigint = $1 AND k.pid = " backend ")"

static const char SQL_TRY[] =
    "SELECT pg_try_advisory_lock_shared(1296978003, $1::int)";
static const char SQL_UNLOCK[] =
    "SELECT pg_advisory_unlock_shared(1296978003, $1::int)";
/* Another process's mark whose session still holds the meeting. */
static const char SQL_OTHER[] =
    "SELECT l.pid FROM edit_lock l WHERE l.meeting_id = $1"
    " AND NOT (l.host = $2 AND l.pid = $3)"
    " AND l.backend <> pg_backend_pid() AND" HELD_BY("l.backend")
    " ORDER BY l.beat DESC, l.pid LIMIT 1";
/* Marks of ended sessions, and another process's mark naming this very
 * session (a server process number used again). */
static const char SQL_DEAD[] =
    "DELETE FROM edit_lock l WHERE l.meeting_id = $1"
    " AND NOT (l.host = $2 AND l.pid = $3)"
    " AND (l.backend = pg_backend_pid() OR NOT" HELD_BY("l.backend") ")";
static const char SQL_PUT[] =
    "INSERT INTO edit_lock (meeting_id, host, pid, backend, beat)"
    " VALUES ($1, $2, $3, pg_backend_pid(), $4)"
    " ON CONFLICT (meeting_id, host, pid) DO UPDATE"
    " SET backend = excluded.backend, beat = excluded.beat";
static const char SQL_DROP[] =
    "DELETE FROM edit_lock WHERE meeting_id = $1 AND host = $2 AND pid = $3";

static void
hostname(char *h, size_t n)
{
	if (gethostname(h, n) != 0)
		snprintf(h, n, "localhost");
	h[n - 1] = '\0';
}

/* $1 the meeting, $2 this host, $3 this process. */
static void
bind_me(struct pgp *a, int64_t id, char host[256])
{
	hostname(host, 256);
	pgp_int(a, id);
	pgp_str(a, host);
	pgp_int(a, (int64_t)getpid());
}

static int
other(struct pgs *p, int64_t id, long *other_pid, struct err *e)
{
	struct pgp a = PGP_INIT;
	char host[256];
	PGresult *r;

	*other_pid = 0;
	bind_me(&a, id, host);
	r = pg_run(p, SQL_OTHER, &a, _("reading who has the meeting open"), e);
	if (r == NULL)
		return ERR_RUNTIME;
	if (PQntuples(r))
		*other_pid = (long)pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

int
pgs_lock_other(struct pgs *p, int64_t id, long *other_pid, struct err *e)
{
	return other(p, id, other_pid, e);
}

static bool
holding(const struct pgs *p, int64_t id)
{
	for (size_t i = 0; i < p->nheld; i++)
		if (p->held[i] == id)
			return true;
	return false;
}

struct take_arg {
	int64_t	 id;
	long	 other;
};

static int
tx_take(struct pgs *p, void *arg, struct err *e)
{
	struct take_arg *t = arg;
	struct pgp a = PGP_INIT;
	char host[256];

	bind_me(&a, t->id, host);
	if (pg_do(p, SQL_DEAD, &a, _("marking the meeting open"), e) ||
	    other(p, t->id, &t->other, e))
		return ERR_RUNTIME;
	pgp_int(&a, (int64_t)time(NULL));
	return pg_do(p, SQL_PUT, &a, _("marking the meeting open"), e);
}

int
pgs_lock_take(struct pgs *p, int64_t id, long *other_pid, struct err *e)
{
	struct take_arg t = { id, 0 };
	int rc;

	*other_pid = 0;
	if (!holding(p, id)) {
		struct pgp a = PGP_INIT;
		PGresult *r;

		pgp_int(&a, id);
		r = pg_run(p, SQL_TRY, &a, _("marking the meeting open"), e);
		if (r == NULL)
			return ERR_RUNTIME;
		/* Shared: every holder gets it. */
		if (pg_true(r, 0, 0)) {
			XPUSH(p->held, p->nheld, p->capheld);
			p->held[p->nheld++] = id;
		}
		PQclear(r);
	}
	if ((rc = pg_tx(p, tx_take, &t, e)) == 0)
		*other_pid = t.other;
	return rc;
}

int
pgs_lock_refresh(struct pgs *p, int64_t id, struct err *e)
{
	long other_pid;

	/* The mark names this session's server process, which changes
	 * when a lost connection is opened again. */
	return pgs_lock_take(p, id, &other_pid, e);
}

void
pgs_lock_release(struct pgs *p, int64_t id)
{
	struct pgp a = PGP_INIT;
	char host[256];

	for (size_t i = 0; i < p->nheld; i++)
		if (p->held[i] == id) {
			p->held[i] = p->held[--p->nheld];
			pgp_int(&a, id);
			pg_do(p, SQL_UNLOCK, &a, "", NULL);
			a.n = 0;
			break;
		}
	bind_me(&a, id, host);
	pg_do(p, SQL_DROP, &a, "", NULL);
}
