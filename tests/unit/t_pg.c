/*
 * What only a shared PostgreSQL store does, through the store interface,
 * as the roles of tests/pg/roles.sh: a unit (ward_a) writes its meeting;
 * another unit (ward_b) can neither read nor change it; the office reads
 * it, may change its tasks' status (the history naming the office) and
 * nothing else; an edit lock is seen across processes (by the office
 * too) and freed when its holder's session ends; a connection survives
 * a server restart.
 * Skipped (77) unless tests/pg/ gives the roles' URIs.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/model.h"
#include "core/search.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tap.h"
#include "tdb.h"
#include "tmeet.h"

static int64_t
ward_meeting(struct store *s)
{
	struct meeting m;
	struct err e;
	int64_t id;

	tm_meeting(&m, "Giao ban phường A", "2025-11-03");
	meeting_section_set(&m, "results", "Đảng viên mới của phường A.");
	tm_action(&m, "Văn phòng", "Báo cáo quý", NULL);
	ok(store_meeting_insert(s, &m, &e) == 0, "ward_a stores its meeting: %s",
	    e.msg);
	id = m.id;
	meeting_free(&m);
	return id;
}

static void
other_unit(struct store *b, int64_t id, int64_t task)
{
	struct meeting m;
	struct err e;

	is_int(store_meeting_load(b, id, &m, &e), ERR_INPUT,
	    "ward_b cannot read ward_a's meeting");
	ok(!store_meeting_exists(b, id), "nor know it is there");
	is_int(tdb_hits(b, "dang vien"), 0, "nor find it by searching");
	is_int(store_section_save(b, id, "results", "Xóa", &e), ERR_INPUT,
	    "nor change its text");
	is_int(store_act_set_status(b, task, ACT_DONE, NULL, NULL, NULL, &e),
	    ERR_INPUT, "nor its task's status");
}

static const char *const RESULTS[] = { "results" };

static void
office(struct store *o, struct store *a, int64_t id, int64_t task)
{
	struct store_sync_report rep;
	struct store_base *base;
	struct meeting m, l;
	struct store_act_event *ev;
	struct err e;
	size_t n;
	bool changed;

	ok(store_meeting_load(o, id, &m, &e) == 0, "the office reads it: %s",
	    e.msg);
	is_int(tdb_hits(o, "dang vien"), 1, "and finds it");
	is_int(store_section_save(o, id, "results", "Sửa", &e), ERR_RUNTIME,
	    "but may not change its text");
	ok(strstr(e.msg, "ward_a") != NULL, "and is told whose it is: %s", e.msg);
	meeting_set(&m, F_TITLE, "Đổi tên");
	is_int(store_meeting_save_header(o, &m, &e), ERR_RUNTIME,
	    "nor its header");
	is_int(store_attendees_save(o, &m, &e), ERR_RUNTIME, "nor its roster");
	tm_set(&m.act[0].task, "Việc khác");
	is_int(store_actions_save(o, &m, &e), ERR_RUNTIME, "nor its tasks' text");
	meeting_free(&m);
	if (ok(store_meeting_open(o, id, &m, &base, &e) == 0, "the office "
	    "opens it for editing")) {
		meeting_section_set(&m, "results", "Sửa khi soát xét");
		is_int(store_meeting_sync(o, base, &m, RESULTS, 1,
		    STORE_SYNC_HEADER | STORE_SYNC_TASKS, &rep, &e), ERR_RUNTIME,
		    "but its merging save is refused too");
		store_sync_report_free(&rep);
		meeting_free(&m);
		store_base_free(base);
	}
	ok(store_meeting_load(a, id, &l, &e) == 0 &&
	    strcmp(meeting_get(&l, F_TITLE), "Giao ban phường A") == 0 &&
	    strcmp(meeting_section(&l, "results"), "Đảng viên mới của phường A.") == 0 &&
	    strcmp(l.act[0].task, "Báo cáo quý") == 0,
	    "ward_a's meeting is as it was");
	meeting_free(&l);
	ok(store_act_set_status(o, task, ACT_DONE, "đã kiểm tra", NULL,
	    &changed, &e) == 0 && changed, "the office sets the task done: %s",
	    e.msg);
	ok(store_act_history(a, task, &ev, &n, &e) == 0 && n == 2 &&
	    ev[1].by && strcmp(ev[1].by, "office") == 0 &&
	    strcmp(ev[1].new_status, "done") == 0,
	    "ward_a sees the change, made by the office");
	if (n)
		store_act_events_free(ev, n);
}

/* A ward saves a long text leaving the index for later, as the editor
 * does: once it catches up (when idle, or at its next search), the
 * office finds the new words, and ward_b still nothing. */
static void
later(struct store *a, struct store *b, struct store *o, int64_t id)
{
	struct store_sync_report rep;
	struct store_base *base;
	struct meeting m;
	struct buf text = BUF_INIT;
	struct err e;

	if (!ok(store_meeting_open(a, id, &m, &base, &e) == 0,
	    "ward_a opens its meeting for editing: %s", e.msg))
		return;
	while (text.len < 100 * 1024)
		buf_adds(&text, "Đảng viên mới của phường A.\n");
	buf_adds(&text, "Lúa mùa bội thu.\n");
	meeting_section_set(&m, "results", buf_str(&text));
	buf_free(&text);
	ok(store_meeting_sync(a, base, &m, RESULTS, 1, STORE_SYNC_INDEX_LATER,
	    &rep, &e) == 0, "and saves a long text, the index left for later");
	store_sync_report_free(&rep);
	ok(store_search_catch_up(a, &e) == 0, "ward_a catches up");
	is_int(tdb_hits(o, "lua mua boi thu"), 1,
	    "then the office finds the new words");
	is_int(tdb_hits(b, "lua mua boi thu"), 0, "ward_b still nothing");
	meeting_free(&m);
	store_base_free(base);
}

/* Polls until no live mark but the office's own is seen (5 s at most):
 * the server ends a killed holder's session a moment after it died. */
static bool
freed(struct store *o, int64_t id)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	struct err e;
	long other = 1;

	for (int i = 0; i < 250 && other != 0; i++) {
		if (store_lock_other(o, id, &other, &e) != 0)
			return false;
		if (other != 0)
			nanosleep(&ts, NULL);
	}
	return other == 0;
}

/* A ward_a editor in another process marks its meeting open: the office
 * sees the mark and is warned when it opens the meeting too; ward_b,
 * which cannot see the meeting, sees no mark; when the editor is killed
 * its session ends, and its mark holds nothing. */
static void
locks(struct store *b, struct store *o, int64_t id)
{
	struct err e;
	long other = 0;
	int ready[2];
	pid_t pid;
	char c = 0;

	if (pipe(ready) != 0)
		return;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		struct store *s;

		close(ready[0]);
		if (store_open(getenv("MINUTES_TEST_PG_A"), 0, &s, &e) != 0 ||
		    store_lock_take(s, id, &other, &e) != 0 ||
		    write(ready[1], "y", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(ready[1]);
	if (!ok(pid > 0 && read(ready[0], &c, 1) == 1 && c == 'y',
	    "a ward_a editor marks its meeting open")) {
		close(ready[0]);
		if (pid > 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
		return;
	}
	close(ready[0]);
	ok(store_lock_other(o, id, &other, &e) == 0 && other == pid,
	    "the office sees its mark");
	ok(store_lock_take(o, id, &other, &e) == 0 && other == pid,
	    "and is warned when it opens the meeting too");
	store_lock_release(o, id);
	ok(store_lock_other(b, id, &other, &e) == 0 && other == 0,
	    "ward_b, which cannot see the meeting, sees no mark");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	ok(freed(o, id), "the editor killed, its mark holds nothing");
}

static void
restart(int64_t id)
{
	struct store *s;
	struct meeting m;
	struct err e;
	const char *cmd = getenv("MINUTES_TEST_PG_RESTART");

	if (store_open(getenv("MINUTES_TEST_PG_A"), 0, &s, &e) != 0) {
		ok(0, "open: %s", e.msg);
		return;
	}
	ok(cmd && system(cmd) == 0, "the server restarts");
	ok(store_meeting_load(s, id, &m, &e) == 0,
	    "the same store reads on after it: %s", e.msg);
	meeting_free(&m);
	ok(store_section_save(s, id, "results", "Sau khởi động lại", &e) == 0,
	    "and saves: %s", e.msg);
	store_close(s);
}

int
main(void)
{
	const char *ua = getenv("MINUTES_TEST_PG_A"), *ub = getenv("MINUTES_TEST_PG_B");
	const char *uo = getenv("MINUTES_TEST_PG_O");
	struct store *a, *b, *o;
	struct meeting m;
	struct err e;
	int64_t id, task;

	if (!ua || !ub || !uo) {
		printf("1..0 # SKIP run by tests/pg/roles.sh\n");
		return 77;
	}
	if (!ok(store_open(ua, 0, &a, &e) == 0, "ward_a opens: %s", e.msg) ||
	    !ok(store_open(ub, 0, &b, &e) == 0, "ward_b opens: %s", e.msg) ||
	    !ok(store_open(uo, 0, &o, &e) == 0, "office opens: %s", e.msg))
		return tap_done();
	id = ward_meeting(a);
	store_meeting_load(a, id, &m, &e);
	task = m.act[0].id;
	meeting_free(&m);
	other_unit(b, id, task);
	office(o, a, id, task);
	later(a, b, o, id);
	locks(b, o, id);
	store_close(a);
	restart(id);
	store_close(b);
	store_close(o);
	return tap_done();
}
