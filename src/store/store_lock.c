/*
 * Edit locks (see store.h): the marks instances leave on the meetings they
 * edit, so that a second one can warn.  A PID alone does not say whether a
 * mark's holder is alive: a program killed with SIGKILL whose parent does
 * not reap it stays a zombie, and kill(pid, 0) succeeds on a zombie or on
 * an unrelated process that was given the same PID later.  So each mark
 * carries the heartbeat its holder renews and, on Linux, the holder's
 * identity: the boot id and the process's start time, both from /proc.  A
 * holder on this host is alive only while /proc shows a process with that
 * PID, not a zombie, started at that time; one on another host (a shared
 * folder) only while it beats.
 *
 * Reading the marks and writing one's own happen in one BEGIN IMMEDIATE
 * transaction, so two instances opening the meeting at once both see
 * each other.  An instance never removes or replaces another's live
 * mark; dead ones are dropped when seen.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

static const char SQL_MARKS[] =
    "SELECT host, pid, started, beat FROM edit_lock WHERE meeting_id = ?1";
static const char SQL_PUT[] =
    "INSERT OR REPLACE INTO edit_lock (meeting_id, host, pid, started, beat)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_DROP[] =
    "DELETE FROM edit_lock WHERE meeting_id = ?1 AND host = ?2 AND pid = ?3";

static void
hostname(char *h, size_t n)
{
	if (gethostname(h, n) != 0)
		snprintf(h, n, "localhost");
	h[n - 1] = '\0';
}

/*
 * The identity of process pid: "boot-id/start-time" (the start in clock
 * ticks since boot, field 22 of /proc/PID/stat), and its state letter in
 * *state.  False when /proc has no such process.  The command name in
 * parentheses may hold spaces and parentheses: fields are counted after
 * the last ')'.
 */
static bool
proc_identity(long pid, char *out, size_t n, char *state)
{
	char path[64], line[1024], boot[64] = "?";
	const char *p;
	unsigned long long start = 0;
	FILE *f;
	size_t len;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if ((f = fopen(path, "re")) == NULL)
		return false;
	len = fread(line, 1, sizeof line - 1, f);
	fclose(f);
	line[len] = '\0';
	if ((p = strrchr(line, ')')) == NULL || sscanf(p + 1, " %c", state) != 1)
		return false;
	for (int field = 3; field <= 22 && p; field++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p + 1, "%llu", &start) != 1)
		return false;
	if ((f = fopen("/proc/sys/kernel/random/boot_id", "re")) != NULL) {
		if (fgets(boot, sizeof boot, f) == NULL)
			snprintf(boot, sizeof boot, "?");
		boot[strcspn(boot, "\n")] = '\0';
		fclose(f);
	}
	snprintf(out, n, "%s/%llu", boot, start);
	return true;
}

/* Whether holder pid on this host, which recorded started (NULL where
 * /proc was not there to tell), is still the process that took the mark. */
static bool
holder_runs(long pid, const char *started)
{
	char now[128], state = '?';

	if (pid <= 0)
		return false;
	if (!proc_identity(pid, now, sizeof now, &state)) {
		/* No /proc at all: a PID is all there is to go by. */
		if (access("/proc/self/stat", R_OK) != 0)
			return kill((pid_t)pid, 0) == 0 || errno == EPERM;
		return false;
	}
	if (state == 'Z' || state == 'X')
		return false;
	return started == NULL || strcmp(started, now) == 0;
}

/* What one look at the marks found. */
struct look {
	char	 host[256];
	time_t	 now;
	long	 other;		/* a live holder's pid, or 0 */
	struct dead {
		char	*host;
		long	 pid;
	}	*dead;		/* marks to drop */
	size_t	 ndead, cap;
};

static int
row_mark(sqlite3_stmt *st, void *arg)
{
	struct look *lk = arg;
	const char *host = (const char *)sqlite3_column_text(st, 0);
	long pid = (long)sqlite3_column_int64(st, 1);
	const char *started = (const char *)sqlite3_column_text(st, 2);
	time_t age = lk->now - (time_t)sqlite3_column_int64(st, 3);
	bool here = host && strcmp(host, lk->host) == 0, alive;

	if (here && pid == (long)getpid())
		return 0;	/* ours, or a dead one's with our PID */
	/* A clock set back must not keep a mark alive for ever. */
	alive = age < STORE_LOCK_STALE && age > -STORE_LOCK_STALE &&
	    (!here || holder_runs(pid, started));
	if (alive) {
		if (lk->other == 0)
			lk->other = pid;
		return 0;
	}
	XPUSH(lk->dead, lk->ndead, lk->cap);
	lk->dead[lk->ndead].host = xstrdup(host ? host : "");
	lk->dead[lk->ndead++].pid = pid;
	return 0;
}

static int
look(struct store *s, int64_t id, struct look *lk, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_MARKS, e);

	hostname(lk->host, sizeof lk->host);
	lk->now = time(NULL);
	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	return st_each(s, st, row_mark, lk, _("reading who has the meeting "
	    "open"), e);
}

static void
look_free(struct look *lk)
{
	for (size_t i = 0; i < lk->ndead; i++)
		free(lk->dead[i].host);
	free(lk->dead);
}

static int
drop(struct store *s, int64_t id, const char *host, long pid, struct err *e)
{
	sqlite3_stmt *st = st_prep(s, SQL_DROP, e);

	if (st == NULL)
		return ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, host, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)pid);
	return st_done(s, st, _("marking the meeting open"), e);
}

struct take_arg {
	int64_t	 id;
	long	 other;
};

static int
tx_take(struct store *s, void *arg, struct err *e)
{
	struct take_arg *a = arg;
	struct look lk = { .other = 0 };
	char me[128], state;
	sqlite3_stmt *st;
	int rc = look(s, a->id, &lk, e);

	for (size_t i = 0; i < lk.ndead && rc == 0; i++)
		rc = drop(s, a->id, lk.dead[i].host, lk.dead[i].pid, e);
	a->other = lk.other;
	if (rc == 0 && (st = st_prep(s, SQL_PUT, e)) == NULL)
		rc = ERR_RUNTIME;
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_text(st, 2, lk.host, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)getpid());
		if (proc_identity((long)getpid(), me, sizeof me, &state))
			sqlite3_bind_text(st, 4, me, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)lk.now);
		rc = st_done(s, st, _("marking the meeting open"), e);
	}
	look_free(&lk);
	return rc;
}

int
store_lock_take(struct store *s, int64_t meeting_id, long *other_pid,
    struct err *e)
{
	if (s->pg)
		return pgs_lock_take(s->pg, meeting_id, other_pid, e);
	struct take_arg a = { meeting_id, 0 };
	int rc = st_tx(s, tx_take, &a, e);

	*other_pid = rc == 0 ? a.other : 0;
	return rc;
}

int
store_lock_refresh(struct store *s, int64_t meeting_id, struct err *e)
{
	if (s->pg)
		return pgs_lock_refresh(s->pg, meeting_id, e);
	long other;

	return store_lock_take(s, meeting_id, &other, e);
}

int
store_lock_other(struct store *s, int64_t meeting_id, long *other_pid,
    struct err *e)
{
	if (s->pg)
		return pgs_lock_other(s->pg, meeting_id, other_pid, e);
	struct look lk = { .other = 0 };
	int rc = look(s, meeting_id, &lk, e);

	*other_pid = rc == 0 ? lk.other : 0;
	look_free(&lk);
	return rc;
}

struct release_arg {
	int64_t		 id;
	const char	*host;
};

static int
tx_release(struct store *s, void *arg, struct err *e)
{
	struct release_arg *a = arg;

	return drop(s, a->id, a->host, (long)getpid(), e);
}

void
store_lock_release(struct store *s, int64_t meeting_id)
{
	if (s->pg) {
		pgs_lock_release(s->pg, meeting_id);
		return;
	}
	char host[256];
	struct release_arg a = { meeting_id, host };

	hostname(host, sizeof host);
	st_tx(s, tx_release, &a, NULL);
}
