/*
 * What only a shared PostgreSQL store does, through the store interface,
 * as the roles of tests/pg/roles.sh: a unit (ward_a) writes its meeting;
 * another unit (ward_b) can neither read nor change it; the office reads
 * it, may change its tasks' status (the history naming the office) and
 * nothing else; an edit lock is seen across sessions and freed when its
 * holder's session ends; a connection survives a server restart.
 * Skipped (77) unless tests/pg/ gives the roles' URIs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/search.h"
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tap.h"

static int64_t
ward_meeting(struct store *s)
{
	struct meeting m;
	struct action *t;
	struct err e;
	int64_t id;

	meeting_init(&m);
	meeting_set(&m, F_TEMPLATE, "giaoban");
	meeting_set(&m, F_TITLE, "Giao ban phường A");
	meeting_set(&m, F_DATE, "2025-11-03");
	meeting_section_set(&m, "results", "Đảng viên mới của phường A.");
	t = meeting_add_action(&m);
	t->assignee = xstrdup("Văn phòng");
	t->task = xstrdup("Báo cáo quý");
	ok(store_meeting_insert(s, &m, &e) == 0, "ward_a stores its meeting: %s",
	    e.msg);
	id = m.id;
	meeting_free(&m);
	return id;
}

static size_t
hits(struct store *s, const char *text)
{
	struct search_query q;
	struct search_hit *v;
	struct err e;
	size_t n = 0;

	if (search_query_parse(text, 0, &q, &e) == 0) {
		if (store_search(s, &q, 10, &v, &n, &e) == 0)
			store_search_hits_free(v, n);
		search_query_free(&q);
	}
	return n;
}

static void
other_unit(struct store *b, int64_t id, int64_t task)
{
	struct meeting m;
	struct err e;

	is_int(store_meeting_load(b, id, &m, &e), ERR_INPUT,
	    "ward_b cannot read ward_a's meeting");
	ok(!store_meeting_exists(b, id), "nor know it is there");
	is_int((intmax_t)hits(b, "dang vien"), 0, "nor find it by searching");
	is_int(store_section_save(b, id, "results", "Xóa", &e), ERR_INPUT,
	    "nor change its text");
	is_int(store_act_set_status(b, task, ACT_DONE, NULL, NULL, NULL, &e),
	    ERR_INPUT, "nor its task's status");
}

static void
office(struct store *o, struct store *a, int64_t id, int64_t task)
{
	struct meeting m, l;
	struct store_act_event *ev;
	struct err e;
	size_t n;
	bool changed;

	ok(store_meeting_load(o, id, &m, &e) == 0, "the office reads it: %s",
	    e.msg);
	is_int((intmax_t)hits(o, "dang vien"), 1, "and finds it");
	is_int(store_section_save(o, id, "results", "Sửa", &e), ERR_RUNTIME,
	    "but may not change its text");
	ok(strstr(e.msg, "ward_a") != NULL, "and is told whose it is: %s", e.msg);
	meeting_set(&m, F_TITLE, "Đổi tên");
	is_int(store_meeting_save_header(o, &m, &e), ERR_RUNTIME,
	    "nor its header");
	is_int(store_attendees_save(o, &m, &e), ERR_RUNTIME, "nor its roster");
	free(m.act[0].task);
	m.act[0].task = xstrdup("Việc khác");
	is_int(store_actions_save(o, &m, &e), ERR_RUNTIME, "nor its tasks' text");
	meeting_free(&m);
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

static void
locks(struct store *a, int64_t id)
{
	struct store *a2;
	struct err e;
	long other = 0;

	if (store_open(getenv("MINUTES_TEST_PG_A"), 0, &a2, &e) != 0) {
		ok(0, "a second session: %s", e.msg);
		return;
	}
	ok(store_lock_take(a, id, &other, &e) == 0 && other == 0,
	    "the first editor takes the lock");
	ok(store_lock_take(a2, id, &other, &e) == 0 && other != 0,
	    "a second session is warned (%ld)", other);
	store_close(a);
	ok(store_lock_refresh(a2, id, &e) == 0, "its holder gone, the lock is "
	    "refreshed");
	store_close(a2);
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
	locks(a, id);
	restart(id);
	store_close(b);
	store_close(o);
	return tap_done();
}
