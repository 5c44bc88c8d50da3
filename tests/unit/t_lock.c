/*
 * Unit tests of the edit locks (store_lock.c), one function per rule,
 * with real processes: a child opens the database, marks a meeting open
 * and waits; the test kills it, leaves it a zombie, or changes its mark
 * behind its back (its start time, its heartbeat, its host) with SQLite
 * itself, as another host or a reused PID would leave it.  Under the
 * PostgreSQL suite (tests/pg/unit.sh) the rules that hold there run on
 * a PostgreSQL store (store_pg_lock.c), where the server says whether a
 * holder's session lives; marks changed behind a holder's back are the
 * SQLite file's own matter.
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/model.h"
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tap.h"
#include "tdb.h"

/* A database holding one meeting, its id in *id; false after saying
 * why not. */
static bool
with_meeting(struct tdb *t, int64_t *id, const char *what)
{
	struct meeting m;
	struct err e;

	if (!tdb_open(t, what))
		return false;
	tdb_meeting(&m, "Giao ban");
	if (!ok(store_meeting_insert(t->s, &m, &e) == 0, "%s: set-up: insert",
	    what)) {
		meeting_free(&m);
		tdb_close(t);
		return false;
	}
	*id = m.id;
	meeting_free(&m);
	return true;
}

/* Another editor: a child process that marks meeting id open in the
 * database at path, says so on a pipe, and waits for a word: 'r' to
 * release its mark and exit, anything else to exit without.  0 when it
 * could not start. */
struct holder {
	pid_t	 pid;
	int	 cmd;	/* the test writes here */
	bool	 warned;	/* it found another's mark when it took its own */
};

static struct holder
holder_start(const char *path, int64_t id)
{
	struct holder h = { 0, -1, false };
	int ready[2], cmd[2];
	char c = 0;

	if (pipe(ready) != 0 || pipe(cmd) != 0)
		return h;
	fflush(stdout);
	if ((h.pid = fork()) == 0) {
		struct store *s;
		struct err e;
		long other;

		close(ready[0]);
		close(cmd[1]);
		if (store_open(path, 0, &s, &e) != 0 ||
		    store_lock_take(s, id, &other, &e) != 0)
			_exit(1);
		if (write(ready[1], other ? "w" : "y", 1) != 1 ||
		    read(cmd[0], &c, 1) != 1)
			c = 0;
		if (c == 'r')
			store_lock_release(s, id);
		store_close(s);
		_exit(0);
	}
	close(ready[1]);
	close(cmd[0]);
	if (h.pid < 0 || read(ready[0], &c, 1) != 1 || (c != 'y' && c != 'w')) {
		if (h.pid > 0)
			waitpid(h.pid, NULL, 0);
		close(cmd[1]);
		h.pid = 0;
	} else {
		h.cmd = cmd[1];
		h.warned = c == 'w';
	}
	close(ready[0]);
	return h;
}

/* Ends the holder: word 'r' releases, 'q' quits without releasing, 'k'
 * kills it with SIGKILL; reap says whether to wait for it (a killed
 * child that is not waited for stays a zombie). */
static void
holder_end(struct holder *h, char word, bool reap)
{
	if (h->pid <= 0)
		return;
	if (word == 'k')
		kill(h->pid, SIGKILL);
	else if (write(h->cmd, &word, 1) != 1)
		kill(h->pid, SIGKILL);
	close(h->cmd);
	if (reap)
		waitpid(h->pid, NULL, 0);
}

/* A database with one meeting (id in *id) that another editor, *h, has
 * open; false after saying why not. */
static bool
with_holder(struct tdb *t, int64_t *id, struct holder *h, const char *what)
{
	if (!with_meeting(t, id, what))
		return false;
	*h = holder_start(t->db, *id);
	if (ok(h->pid > 0, "%s: set-up: another editor runs", what))
		return true;
	tdb_close(t);
	return false;
}

/* Polls until process pid is a zombie (5 s at most). */
static bool
is_zombie(pid_t pid)
{
	char path[64], line[512], *p;
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	for (int i = 0; i < 500; i++) {
		FILE *f = fopen(path, "r");
		size_t n = f ? fread(line, 1, sizeof line - 1, f) : 0;

		if (f)
			fclose(f);
		line[n] = '\0';
		if ((p = strrchr(line, ')')) != NULL && p[1] == ' ' && p[2] == 'Z')
			return true;
		nanosleep(&ts, NULL);
	}
	return false;
}

/* Runs sql on the database at path, as another program would. */
static bool
poke(const char *path, const char *sql)
{
	sqlite3 *db;
	bool good;

	if (sqlite3_open(path, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return false;
	}
	sqlite3_busy_timeout(db, 5000);
	good = sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	return good;
}

/* The number the query sql gives on the database at path; -1 on error. */
static long long
scalar(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_open(path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

/* store_lock_take finds nobody else: at once on SQLite; on PostgreSQL
 * within 5 s, as the server ends a dead holder's session a moment after
 * its process died. */
static bool
take_free(struct store *s, int64_t id, long *other, struct err *e)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	for (int i = 0; i < (test_on_pg() ? 250 : 1); i++) {
		if (store_lock_take(s, id, other, e) != 0)
			return false;
		if (*other == 0)
			return true;
		nanosleep(&ts, NULL);
	}
	return false;
}

/* Sets every mark's heartbeat STORE_LOCK_STALE + 1 seconds back. */
static bool
stop_beats(const char *path)
{
	char *sql = xasprintf("UPDATE edit_lock SET beat = %lld",
	    (long long)time(NULL) - STORE_LOCK_STALE - 1);
	bool good = poke(path, sql);

	free(sql);
	return good;
}

static void
test_own_mark(void)
{
	struct tdb t;
	struct store *s2;
	struct err e;
	int64_t id;
	long other;

	if (!with_meeting(&t, &id, "own mark"))
		return;
	ok(store_lock_take(t.s, id, &other, &e) == 0 && other == 0,
	    "the first mark: nobody else");
	ok(store_lock_take(t.s, id, &other, &e) == 0 && other == 0,
	    "this process's own mark again: no warning");
	if (ok(store_open(t.db, 0, &s2, &e) == 0, "another connection")) {
		ok(store_lock_take(s2, id, &other, &e) == 0 && other == 0,
		    "a mark of this very process never warns it");
		store_close(s2);
	}
	tdb_close(&t);
}

static void
test_live_holder(void)
{
	struct holder h;
	struct tdb t;
	struct err e;
	int64_t id;
	long other = 0;

	if (!with_holder(&t, &id, &h, "live holder"))
		return;
	ok(store_lock_other(t.s, id, &other, &e) == 0 && other == h.pid,
	    "a running editor's mark is seen without marking (%ld)", other);
	ok(store_lock_take(t.s, id, &other, &e) == 0 && other == h.pid,
	    "and when marking too");
	store_lock_release(t.s, id);
	ok(store_lock_other(t.s, id, &other, &e) == 0 && other == h.pid,
	    "a second instance's release leaves the first one's mark");
	holder_end(&h, 'r', true);
	ok(store_lock_other(t.s, id, &other, &e) == 0 && other == 0,
	    "the holder's own release removes it");
	tdb_close(&t);
}

/* Asking who has a meeting open leaves no mark: an editor that opens it
 * next is not warned. */
static void
test_look(void)
{
	struct holder h;
	struct tdb t;
	struct err e;
	int64_t id;
	long other = 1;

	if (!with_meeting(&t, &id, "look"))
		return;
	ok(store_lock_other(t.s, id, &other, &e) == 0 && other == 0,
	    "nobody has the meeting open");
	h = holder_start(t.db, id);
	if (ok(h.pid > 0, "look: set-up: another editor runs")) {
		ok(!h.warned, "and it is not warned: the look marked nothing");
		holder_end(&h, 'r', true);
	}
	tdb_close(&t);
}

/* kill -9 of an editor whose parent does not reap it: a zombie, which
 * kill(pid, 0) calls alive, and whose heartbeat is still fresh. */
static void
test_zombie(void)
{
	struct holder h;
	struct tdb t;
	struct err e;
	int64_t id;
	long other = 1;
	char *sql;

	if (!with_holder(&t, &id, &h, "zombie"))
		return;
	holder_end(&h, 'k', false);
	if (ok(is_zombie(h.pid), "killed with SIGKILL and not reaped: a zombie")) {
		ok(kill(h.pid, 0) == 0, "which kill(pid, 0) calls alive");
		ok(take_free(t.s, id, &other, &e),
		    "its fresh mark holds nothing");
		if (!test_on_pg()) {
			sql = xasprintf("SELECT count(*) FROM edit_lock"
			    " WHERE pid = %ld", (long)h.pid);
			is_int(scalar(t.path, sql), 0, "and it is dropped");
			free(sql);
		}
	}
	waitpid(h.pid, NULL, 0);
	tdb_close(&t);
}

/* A live holder's mark, spoiled behind its back in the SQLite file
 * (spoil says how, in name), holds nothing. */
static void
stale_mark(const char *name, bool (*spoil)(const char *path),
    const char *spoiled, const char *verdict)
{
	struct holder h;
	struct tdb t;
	struct err e;
	int64_t id;
	long other = 1;

	/* On PostgreSQL the server, not a heartbeat, says who lives. */
	if (test_on_pg())
		return;
	if (!with_holder(&t, &id, &h, name))
		return;
	if (ok(spoil(t.path), "%s", spoiled))
		ok(store_lock_other(t.s, id, &other, &e) == 0 && other == 0,
		    "%s", verdict);
	holder_end(&h, 'q', true);
	tdb_close(&t);
}

static bool
other_start(const char *path)
{
	return poke(path, "UPDATE edit_lock SET started = 'another/1'");
}

/* The process behind the PID is not the one that took the mark. */
static void
test_reused_pid(void)
{
	stale_mark("reused PID", other_start, "its mark now names another "
	    "process start", "a running process that did not take the mark "
	    "holds nothing");
}

static void
test_heartbeat(void)
{
	char *spoiled = xasprintf("its heartbeat stops %d s ago",
	    STORE_LOCK_STALE + 1);

	stale_mark("heartbeat", stop_beats, spoiled, "a mark without a "
	    "heartbeat for that long holds nothing, even with its process "
	    "alive");
	free(spoiled);
}

/* A mark from another host (a database in a shared folder): only its
 * heartbeat can tell. */
static void
test_other_host(void)
{
	struct tdb t;
	struct err e;
	int64_t id;
	long other = 0;
	char *sql;

	/* Marks changed behind the holder's back in the SQLite file; on
	 * PostgreSQL the server, not a heartbeat, says who lives. */
	if (test_on_pg())
		return;

	if (!with_meeting(&t, &id, "other host"))
		return;
	sql = xasprintf("INSERT INTO edit_lock VALUES (%lld, 'elsewhere.invalid',"
	    " 4242, NULL, %lld)", (long long)id, (long long)time(NULL));
	if (ok(poke(t.path, sql), "a mark from another host, beating"))
		ok(store_lock_other(t.s, id, &other, &e) == 0 && other == 4242,
		    "holds the meeting");
	free(sql);
	if (ok(stop_beats(t.path), "its heartbeat stops"))
		ok(store_lock_other(t.s, id, &other, &e) == 0 && other == 0,
		    "and then holds nothing");
	tdb_close(&t);
}

int
main(void)
{
	test_own_mark();
	test_look();
	test_live_holder();
	test_zombie();
	test_reused_pid();
	test_heartbeat();
	test_other_host();
	return tap_done();
}
