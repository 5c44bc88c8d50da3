/*
 * Unit tests of the action review: the store's query orders overdue
 * first, then by due date, undated last, and every filter narrows it
 * (scope, folded assignee, meeting, series, due-before); status changes
 * append history in one transaction; the source text is found; and the
 * CSV and iCalendar writers quote, escape and fold as their RFCs say.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "export/export_actions.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "store/store.h"
#include "tap.h"
#include "tdb.h"
#include "tmeet.h"
#include "lib/xmalloc.h"

static void
task(struct meeting *m, const char *who, const char *what, const char *due,
    enum act_status st)
{
	tm_action(m, who, what, due)->status = st;
}

static int64_t
add_meeting(struct store *s, const char *title, const char *series,
    const char *date, void (*tasks)(struct meeting *))
{
	struct meeting m;
	struct err e;
	int64_t id;

	tm_meeting(&m, title, date);
	meeting_set(&m, F_SERIES, series);
	tasks(&m);
	if (store_meeting_insert(s, &m, &e))
		printf("# insert: %s\n", e.msg);
	id = m.id;	/* 0 when the insert failed */
	meeting_free(&m);
	return id;
}

static void
tasks_a(struct meeting *m)
{
	struct action *a;

	meeting_section_set(m, "conclusions", "Mở đầu. Đề nghị Ủy ban MTTQ "
	    "quận rà soát chỉ tiêu trước ngày 15/10. Kết thúc.");
	task(m, "Ủy ban MTTQ quận", "Rà soát chỉ tiêu", "2025-10-15", ACT_OPEN);
	a = &m->act[0];
	a->src_section = xstrdup("conclusions");
	a->src_start = (int64_t)strlen("Mở đầu. ");
	a->src_end = (int64_t)strlen("Mở đầu. Đề nghị Ủy ban MTTQ quận rà "
	    "soát chỉ tiêu trước ngày 15/10.");
	task(m, "Quận đoàn", "Ngày hội thanh niên", NULL, ACT_OPEN);
	task(m, "Hội Nông dân", "Phương án hội viên", "2025-12-31", ACT_DOING);
	task(m, "Ủy ban MTTQ quận", "Tổng hợp ý kiến", "2025-09-30", ACT_DONE);
}

static void
tasks_b(struct meeting *m)
{
	task(m, "Đoàn Thanh niên phường", "Sinh hoạt chi đoàn", "2025-11-01",
	    ACT_OPEN);
	task(m, NULL, "Việc chưa giao", "2025-10-01", ACT_DOING);
	task(m, "Hội Cựu chiến binh", "Giải cầu lông", "2025-10-20",
	    ACT_DROPPED);
}

/* A database with the two meetings of tasks_a (its id in *ma) and
 * tasks_b; false after saying why not. */
static bool
review_db(struct tdb *t, int64_t *ma, const char *what)
{
	if (!tdb_open(t, what))
		return false;
	*ma = add_meeting(t->s, "Giao ban quý III", "giao-ban-quy",
	    "2025-09-18", tasks_a);
	if (ok(*ma > 0 && add_meeting(t->s, "Giao ban tháng 10",
	    "giao-ban-phuong", "2025-10-28", tasks_b) > 0,
	    "%s: set-up: meetings stored", what))
		return true;
	tdb_close(t);
	return false;
}

/* The ids of the rows, comma-separated, for compact comparisons. */
static char *
ids(const struct action_row *v, size_t n)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "," : "", v[i].a.task);
	return buf_steal(&b);
}

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether the table's read (store_act_brief) of f gives the rows v[0..n)
 * of store_act_query, in the same order, with the same columns. */
static bool
brief_same(struct store *s, const struct store_act_filter *f,
    const struct action_row *v, size_t n)
{
	struct act_brief t;
	struct err e;
	bool same;

	if (store_act_brief(s, f, &t, &e)) {
		printf("# brief: %s\n", e.msg);
		return false;
	}
	same = t.n == n;
	for (size_t i = 0; same && i < n; i++) {
		const struct act_brief_row *r = &t.row[i];

		same = r->id == v[i].a.id && r->meeting_id == v[i].a.meeting_id &&
		    same_str(r->title, v[i].meeting_title) &&
		    same_str(r->assignee, v[i].a.assignee) &&
		    same_str(r->task, v[i].a.task) &&
		    same_str(r->due, v[i].a.due) &&
		    r->status == v[i].a.status && r->overdue == v[i].overdue;
		if (!same)
			printf("# row %zu differs: item %lld against %lld\n", i,
			    (long long)r->id, (long long)v[i].a.id);
	}
	store_act_brief_free(&t);
	return same;
}

/* The tasks of the items f selects, in order; every query also checks
 * that the table's own read agrees with it. */
static char *
query(struct store *s, struct store_act_filter f)
{
	struct action_row *v;
	struct err e;
	size_t n;
	char *r;

	f.today = f.today ? f.today : "2025-10-25";
	if (store_act_query(s, &f, &v, &n, &e)) {
		printf("# query: %s\n", e.msg);
		return xstrdup("(error)");
	}
	r = ids(v, n);
	ok(brief_same(s, &f, v, n), "the table's read agrees: %s", r);
	action_rows_free(v, n);
	return r;
}

static void
no_tasks(struct meeting *m)
{
	(void)m;
}

static void
one_task(struct meeting *m)
{
	task(m, "Phòng Nội vụ", "Báo cáo biên chế", "2025-10-01", ACT_OPEN);
}

/* The titles of a few items' meetings among many are looked up one by
 * one, of most of a range in one pass: both give every title. */
static void
test_brief_titles(void)
{
	struct tdb t;
	int64_t first, last = 0;
	char *r;
	bool stored = true;

	if (!tdb_open(&t, "titles of the table"))
		return;
	first = add_meeting(t.s, "Giao ban đầu năm", NULL, "2025-01-05",
	    one_task);
	for (int i = 0; i < 1040 && stored; i++)
		stored = add_meeting(t.s, "Họp không có việc", NULL,
		    "2025-02-01", no_tasks) > 0;
	if (stored)
		last = add_meeting(t.s, "Giao ban cuối năm", NULL,
		    "2025-12-20", one_task);
	if (!ok(first > 0 && last > first + 1024, "titles: set-up: %lld "
	    "meetings between the two", (long long)(last - first))) {
		tdb_close(&t);
		return;
	}
	/* Two items, 1,041 meetings apart: looked up by id. */
	r = query(t.s, (struct store_act_filter){ .scope = STORE_ACT_OPEN });
	is_str(r, "Báo cáo biên chế,Báo cáo biên chế", "both items listed");
	free(r);
	/* One item: its own meeting, in a range of one. */
	r = query(t.s, (struct store_act_filter){ .meeting_id = last });
	is_str(r, "Báo cáo biên chế", "one meeting's item");
	free(r);
	tdb_close(&t);
}

/* The scopes, each in review order: overdue first, then by due date,
 * undated last. */
static void
test_query_scope(void)
{
	struct tdb t;
	int64_t ma;
	char *r;

	if (!review_db(&t, &ma, "query scope"))
		return;
	r = query(t.s, (struct store_act_filter){ .scope = STORE_ACT_OPEN });
	is_str(r, "Việc chưa giao,Rà soát chỉ tiêu,Sinh hoạt chi đoàn,"
	    "Phương án hội viên,Ngày hội thanh niên", "open: overdue first, "
	    "then by due, undated last");
	free(r);
	r = query(t.s, (struct store_act_filter){ .scope = STORE_ACT_OVERDUE });
	is_str(r, "Việc chưa giao,Rà soát chỉ tiêu", "overdue only");
	free(r);
	r = query(t.s, (struct store_act_filter){ .scope = STORE_ACT_OVERDUE,
	    .today = "2025-10-10" });
	is_str(r, "Việc chưa giao", "overdue depends on today");
	free(r);
	r = query(t.s, (struct store_act_filter){ .scope = STORE_ACT_ALL });
	is_str(r, "Việc chưa giao,Rà soát chỉ tiêu,Tổng hợp ý kiến,"
	    "Giải cầu lông,Sinh hoạt chi đoàn,Phương án hội viên,"
	    "Ngày hội thanh niên", "all: done and dropped are not overdue");
	free(r);
	tdb_close(&t);
}

/* The assignee filter folds case, marks and đ on both sides. */
static void
test_query_assignee(void)
{
	struct tdb t;
	int64_t ma;
	char *r;

	if (!review_db(&t, &ma, "query by assignee"))
		return;
	r = query(t.s, (struct store_act_filter){ .assignee = "uy ban mttq" });
	is_str(r, "Rà soát chỉ tiêu", "assignee folds case and marks");
	free(r);
	r = query(t.s, (struct store_act_filter){ .assignee = "doan" });
	is_str(r, "Sinh hoạt chi đoàn,Ngày hội thanh niên",
	    "assignee folds đ to d");
	free(r);
	r = query(t.s, (struct store_act_filter){ .assignee = "ĐOÀN THANH" });
	is_str(r, "Sinh hoạt chi đoàn", "assignee needle is folded too");
	free(r);
	r = query(t.s, (struct store_act_filter){ .scope = STORE_ACT_ALL,
	    .assignee = "nobody" });
	is_str(r, "", "assignee matching nothing");
	free(r);
	tdb_close(&t);
}

/* The meeting, series and due-before filters narrow the list. */
static void
test_query_filters(void)
{
	struct tdb t;
	int64_t ma;
	char *r;

	if (!review_db(&t, &ma, "query filters"))
		return;
	r = query(t.s, (struct store_act_filter){ .meeting_id = ma });
	is_str(r, "Rà soát chỉ tiêu,Phương án hội viên,Ngày hội thanh niên",
	    "meeting filter");
	free(r);
	r = query(t.s, (struct store_act_filter){ .series = "giao-ban-phuong" });
	is_str(r, "Việc chưa giao,Sinh hoạt chi đoàn", "series filter");
	free(r);
	r = query(t.s, (struct store_act_filter){ .due_before = "2025-11-01" });
	is_str(r, "Việc chưa giao,Rà soát chỉ tiêu",
	    "due-before is exclusive and drops undated items");
	free(r);
	r = query(t.s, (struct store_act_filter){ .scope = STORE_ACT_OVERDUE,
	    .due_before = "2025-10-05" });
	is_str(r, "Việc chưa giao", "overdue and due-before together");
	free(r);
	tdb_close(&t);
}

/* The two-step read a screen uses gives the same items in the same order,
 * and places each row where its id was asked for. */
static void
test_two_step(void)
{
	struct store_act_filter f = { .scope = STORE_ACT_ALL,
	    .today = "2025-10-25" };
	struct action_row v[4], *all;
	int64_t *id, run[4], ma;
	size_t n, nall;
	struct tdb t;
	struct err e;
	struct store *s;
	char *a, *b;
	bool same;

	if (!review_db(&t, &ma, "two steps"))
		return;
	s = t.s;
	if (!ok(store_act_ids(s, &f, &id, &n, &e) == 0, "ids of the review")) {
		tdb_close(&t);
		return;
	}
	if (!ok(store_act_query(s, &f, &all, &nall, &e) == 0 && n == nall &&
	    n == 7, "the query reads as many")) {
		free(id);
		tdb_close(&t);
		return;
	}
	same = true;
	for (size_t i = 0; same && i < n; i++)
		same = id[i] == all[i].a.id;
	ok(same, "the ids of all seven items, in the review's order");
	/* A run asked for in another order, with an id that is gone. */
	run[0] = id[n - 1];
	run[1] = 999999;
	run[2] = id[0];
	run[3] = id[2];
	if (ok(store_act_fetch(s, f.today, run, 4, v, &e) == 0, "fetch a run")) {
		a = ids(v, 1);
		b = ids(&all[nall - 1], 1);
		is_str(a, b, "first row is the last item");
		free(a);
		free(b);
		ok(v[1].a.id == 999999 && v[1].a.meeting_id == 0 &&
		    v[1].a.task == NULL, "an id that is gone: only its id");
		ok(v[2].a.id == all[0].a.id && v[2].overdue && v[2].a.task &&
		    strcmp(v[2].a.task, all[0].a.task) == 0,
		    "third row is the first item, overdue");
		ok(v[3].a.id == all[2].a.id && v[3].meeting_title != NULL,
		    "fourth row is the third item, with its meeting");
		for (size_t i = 0; i < 4; i++)
			action_row_free(&v[i]);
	}
	ok(store_act_fetch(s, f.today, run, 0, v, &e) == 0, "an empty run");
	f.assignee = "uy ban";
	free(id);
	ok(store_act_ids(s, &f, &id, &n, &e) == 0 && n == 2,
	    "ids with the assignee filter");
	free(id);
	action_rows_free(all, nall);
	tdb_close(&t);
}

/* A row of the review carries its meeting and whether it is overdue. */
static void
test_row(void)
{
	struct action_row *v;
	struct tdb t;
	struct err e;
	int64_t ma;
	size_t n;

	if (!review_db(&t, &ma, "rows"))
		return;
	if (ok(store_act_query(t.s, &(struct store_act_filter){ .today =
	    "2025-10-25", .meeting_id = ma }, &v, &n, &e) == 0 && n > 0,
	    "query one meeting")) {
		ok(v[0].overdue && strcmp(v[0].meeting_title,
		    "Giao ban quý III") == 0 && strcmp(v[0].meeting_date,
		    "2025-09-18") == 0, "row carries overdue and the meeting");
		action_rows_free(v, n);
	}
	tdb_close(&t);
}

/* The id of the first task of the meeting of tasks_a, or 0. */
static int64_t
first_task(struct store *s, int64_t ma)
{
	struct action_row *v;
	struct err e;
	int64_t id = 0;
	size_t n;

	if (store_act_query(s, &(struct store_act_filter){ .today =
	    "2025-10-25", .meeting_id = ma }, &v, &n, &e) == 0) {
		id = n ? v[0].a.id : 0;
		action_rows_free(v, n);
	}
	return id;
}

/* A status change appends to the history, with its note; the same
 * status again only with a note. */
static void
test_status(void)
{
	struct store_act_event *ev;
	enum act_status old;
	struct tdb t;
	struct err e;
	bool changed;
	int64_t ma, id;
	size_t n;

	if (!review_db(&t, &ma, "status") ||
	    !ok((id = first_task(t.s, ma)) != 0, "status: set-up: a task"))
		goto out;
	ok(store_act_set_status(t.s, id, ACT_DONE, "xong", &old, &changed,
	    &e) == 0, "set status");
	ok(old == ACT_OPEN && changed, "old status reported");
	ok(store_act_set_status(t.s, id, ACT_DONE, NULL, &old, &changed,
	    &e) == 0 && !changed, "same status again: nothing changes");
	ok(store_act_set_status(t.s, id, ACT_DONE, "đã kiểm tra", NULL,
	    &changed, &e) == 0, "same status with a note");
	if (!ok(store_act_history(t.s, id, &ev, &n, &e) == 0, "history"))
		goto out;
	if (is_int((intmax_t)n, 3, "creation, change and note: three rows")) {
		is_str(ev[0].old_status, NULL, "first row is the creation");
		is_str(ev[1].old_status, "open", "old status");
		is_str(ev[1].new_status, "done", "new status");
		is_str(ev[1].note, "xong", "note");
		is_str(ev[2].note, "đã kiểm tra", "a note without a change");
		ok(strlen(ev[1].at) == 20 && ev[1].at[10] == 'T', "time stamp");
	}
	store_act_events_free(ev, n);
out:
	tdb_close(&t);
}

/* The rows the review of open items reads with f, and the note and
 * closing stamp of the one whose task is what. */
static char *
open_rows(struct store *s, const char *since, bool notes, const char *what,
    char **note, char closed[21])
{
	struct store_act_filter f = { .scope = STORE_ACT_OPEN,
	    .today = "2025-10-25", .closed_since = since, .with_notes = notes };
	struct action_row *v;
	struct err e;
	size_t n;
	char *r;

	*note = NULL;
	closed[0] = '\0';
	if (store_act_query(s, &f, &v, &n, &e)) {
		printf("# query: %s\n", e.msg);
		return xstrdup("(error)");
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].a.task, what) == 0) {
			*note = xstrdup0(v[i].last_note);
			memcpy(closed, v[i].closed, 21);
		}
	r = ids(v, n);
	action_rows_free(v, n);
	return r;
}

/* Calendars and task lists must learn that an item was closed: the
 * review of open items adds those closed since a date, in review order,
 * each with the stamp of its closing; the latest note only when asked. */
static void
test_closed_since(void)
{
	struct tdb t;
	struct err e;
	int64_t ma, id;
	char *got, *note, closed[21];

	if (!review_db(&t, &ma, "closed since") ||
	    !ok((id = first_task(t.s, ma)) != 0, "closed since: set-up: a task") ||
	    !ok(store_act_set_status(t.s, id, ACT_DONE, "xong", NULL, NULL,
	    &e) == 0, "closed since: set-up: the task is done"))
		goto out;
	got = open_rows(t.s, "2000-01-01", false, "Rà soát chỉ tiêu", &note,
	    closed);
	is_str(got, "Việc chưa giao,Tổng hợp ý kiến,Rà soát chỉ tiêu,"
	    "Giải cầu lông,Sinh hoạt chi đoàn,Phương án hội viên,"
	    "Ngày hội thanh niên", "the open items and those closed since, "
	    "in review order");
	ok(strlen(closed) == 20 && closed[10] == 'T', "a closed item has the "
	    "stamp of its closing (%s)", closed);
	is_str(note, NULL, "its note is not read unless asked for");
	free(got);
	free(note);
	got = open_rows(t.s, "2000-01-01", true, "Rà soát chỉ tiêu", &note,
	    closed);
	is_str(note, "xong", "and read when asked for");
	free(got);
	free(note);
	got = open_rows(t.s, "2999-01-01", false, "Việc chưa giao", &note,
	    closed);
	is_str(got, "Việc chưa giao,Sinh hoạt chi đoàn,Phương án hội viên,"
	    "Ngày hội thanh niên", "nothing closed since a later date");
	is_str(closed, "", "an open item has no closing stamp");
	free(got);
	free(note);
out:
	tdb_close(&t);
}

static int
by_id(const void *a, const void *b)
{
	const struct action_row *x = a, *y = b;

	return x->a.id < y->a.id ? -1 : x->a.id > y->a.id;
}

/* The UUID of each item in the order of their ids, comma-separated. */
static char *
uuids(struct store *s)
{
	struct store_act_filter f = { .scope = STORE_ACT_ALL,
	    .today = "2025-10-25" };
	struct action_row *v;
	struct buf b = BUF_INIT;
	struct err e;
	size_t n;

	if (store_act_query(s, &f, &v, &n, &e))
		return xstrdup("(error)");
	qsort(v, n, sizeof *v, by_id);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "," : "", v[i].uuid);
	action_rows_free(v, n);
	return buf_steal(&b);
}

/* Every item has its own random (version 4) UUID, for the whole of its
 * life: a status change or a save of its meeting keeps it. */
static void
test_uuid(void)
{
	struct meeting m;
	struct tdb t;
	struct err e;
	int64_t ma, id;
	char *before, *after;
	bool good = true;
	size_t n = 0;

	if (!review_db(&t, &ma, "uuid"))
		return;
	before = uuids(t.s);
	for (char *u = before; good && *u; u += 37, n++) {
		good = strlen(u) >= 36 && u[8] == '-' && u[13] == '-' &&
		    u[14] == '4' && u[18] == '-' && strchr("89ab", u[19]) &&
		    u[23] == '-' && (u[36] == ',' || u[36] == '\0');
		for (int k = 0; good && k < 36; k++)
			good = strchr("0123456789abcdef-", u[k]) != NULL;
		for (char *w = u + 37; good && w < before + strlen(before);
		    w += 37)
			good = strncmp(u, w, 36) != 0;
		if (u[36] == '\0')
			break;
	}
	ok(good && n + 1 == 7, "seven items, each with its own version 4 "
	    "UUID: %s", before);
	if ((id = first_task(t.s, ma)) != 0 &&
	    store_act_set_status(t.s, id, ACT_DONE, NULL, NULL, NULL, &e) == 0 &&
	    store_meeting_load(t.s, ma, &m, &e) == 0) {
		tm_set(&m.act[1].task, "Ngày hội thanh niên quận");
		ok(store_actions_save(t.s, &m, &e) == 0, "uuid: set-up: a "
		    "save of the meeting's tasks");
		meeting_free(&m);
	}
	after = uuids(t.s);
	is_str(after, before, "a status change and a save keep every UUID");
	free(before);
	free(after);
	tdb_close(&t);
}

/* An unknown item is bad input, named in the message. */
static void
test_unknown_item(void)
{
	struct action_row r;
	struct tdb t;
	struct err e;

	if (!tdb_open(&t, "unknown item"))
		return;
	is_int(store_act_set_status(t.s, 99999, ACT_DONE, NULL, NULL, NULL,
	    &e), ERR_INPUT, "unknown id: ERR_INPUT");
	ok(strstr(e.msg, "99999") != NULL, "the message names the id");
	is_int(store_act_get(t.s, 99999, "2025-10-25", &r, &e), ERR_INPUT,
	    "get of an unknown id");
	tdb_close(&t);
}

/* One item, with its source sentence. */
static void
test_get_and_source(void)
{
	struct action_row r;
	struct tdb t;
	struct err e;
	int64_t ma, id;
	char *text = NULL;

	if (!review_db(&t, &ma, "get") ||
	    !ok((id = first_task(t.s, ma)) != 0, "get: set-up: a task") ||
	    !ok(store_act_set_status(t.s, id, ACT_DONE, NULL, NULL, NULL,
	    &e) == 0, "get: set-up: done"))
		goto out;
	if (!ok(store_act_get(t.s, id, "2025-10-25", &r, &e) == 0, "get"))
		goto out;
	is_str(status_word(r.a.status), "done", "the change is stored");
	ok(!r.overdue, "a done item is never overdue");
	ok(store_act_source(t.s, &r, &text, &e) == 0 && text != NULL,
	    "source section text");
	if (text) {
		char *span = xstrndup(text + r.a.src_start,
		    (size_t)(r.a.src_end - r.a.src_start));

		is_str(span, "Đề nghị Ủy ban MTTQ quận rà soát chỉ tiêu trước "
		    "ngày 15/10.", "the span is the sentence");
		free(span);
	}
	free(text);
	action_row_free(&r);
out:
	tdb_close(&t);
}

/* CSV fields and records as RFC 4180 says. */
static void
test_csv(void)
{
	struct buf b = BUF_INIT;
	struct action_row r = { 0 };

	export_csv_field(&b, "plain");
	buf_addc(&b, '|');
	export_csv_field(&b, "a, b");
	buf_addc(&b, '|');
	export_csv_field(&b, "say \"hi\"");
	buf_addc(&b, '|');
	export_csv_field(&b, "two\nlines");
	buf_addc(&b, '|');
	export_csv_field(&b, NULL);
	is_str(buf_str(&b), "plain|\"a, b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|",
	    "CSV fields quoted only when needed, quotes doubled");
	buf_reset(&b);
	r.a.id = 7;
	r.a.meeting_id = 2;
	r.meeting_title = "Giao ban, quý III";
	strcpy(r.meeting_date, "2025-09-18");
	r.a.task = "Rà soát";
	r.a.status = ACT_DOING;
	r.overdue = true;
	export_actions_csv(&b, &r, 1);
	is_str(buf_str(&b), "id,meeting_id,meeting_title,meeting_date,assignee,"
	    "task,due,due_text,status,overdue\r\n7,2,\"Giao ban, quý III\","
	    "2025-09-18,,Rà soát,,,doing,yes\r\n", "CSV record with CRLF");
	buf_free(&b);
}

/* JSON of a list of items. */
static void
test_json(void)
{
	struct buf b = BUF_INIT;
	struct action_row r[2];

	memset(r, 0, sizeof r);

	export_actions_json(&b, r, 0);
	is_str(buf_str(&b), "[]\n", "JSON of nothing is an empty array");
	buf_reset(&b);
	r[0].a.id = 3;
	r[0].a.meeting_id = 1;
	r[0].meeting_title = "Giao ban \"mở rộng\"";
	strcpy(r[0].meeting_date, "2025-10-28");
	r[0].a.task = "Việc";
	r[0].a.status = ACT_OPEN;
	r[0].overdue = true;
	r[1] = r[0];
	r[1].a.id = 4;
	r[1].a.assignee = "Quận đoàn";
	r[1].a.due = "2025-11-30";
	r[1].a.status = ACT_DROPPED;
	r[1].overdue = false;
	export_actions_json(&b, r, 2);
	is_str(buf_str(&b), "[{\"id\":3,\"meeting_id\":1,\"meeting_title\":"
	    "\"Giao ban \\\"mở rộng\\\"\",\"meeting_date\":\"2025-10-28\","
	    "\"assignee\":null,\"task\":\"Việc\",\"due\":null,"
	    "\"due_text\":null,\"status\":\"open\",\"overdue\":true},"
	    "{\"id\":4,\"meeting_id\":1,\"meeting_title\":"
	    "\"Giao ban \\\"mở rộng\\\"\",\"meeting_date\":\"2025-10-28\","
	    "\"assignee\":\"Quận đoàn\",\"task\":\"Việc\","
	    "\"due\":\"2025-11-30\",\"due_text\":null,"
	    "\"status\":\"dropped\",\"overdue\":false}]\n",
	    "JSON: nulls, escapes, statuses");
	buf_free(&b);
}

/* iCalendar: escaping, folding, one VTODO per item. */
/* The folding as RFC 5545 words it, one character at a time: the
 * reference the writer's run-by-run folding must agree with. */
static void
fold_ref(struct buf *b, const char *line)
{
	size_t col = 0, len = strlen(line);

	for (size_t i = 0; i < len; ) {
		unsigned char c = (unsigned char)line[i];
		size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

		if (i + k > len)
			k = len - i;
		if (col + k > 75) {
			buf_adds(b, "\r\n ");
			col = 1;
		}
		buf_add(b, line + i, k);
		col += k;
		i += k;
	}
	buf_adds(b, "\r\n");
}

static void
test_ics_runs(void)
{
	static const char *const pieces[] = { "a", "bc ", "\xc3\xa9",
	    "\xe1\xbb\x87", "\xf0\x9f\x93\x85", "Giao ban " };
	struct buf b = BUF_INIT, want = BUF_INIT, v = BUF_INIT, line = BUF_INIT;
	unsigned seed = 7, bad = 0;

	for (int t = 0; t < 300; t++) {
		buf_reset(&v);
		for (int k = 0; k < t % 97; k++) {
			seed = seed * 1103515245 + 12345;
			buf_adds(&v, pieces[(seed >> 16) % 6]);
		}
		buf_reset(&b);
		buf_reset(&want);
		buf_reset(&line);
		export_ics_line(&b, t % 2 ? "SUMMARY" : "DESCRIPTION",
		    buf_str(&v));
		buf_printf(&line, "%s:%s", t % 2 ? "SUMMARY" : "DESCRIPTION",
		    buf_str(&v));
		fold_ref(&want, buf_str(&line));
		bad += strcmp(buf_str(&b), buf_str(&want)) != 0;
	}
	is_int(bad, 0, "folded where one character at a time would fold");
	buf_reset(&b);
	export_ics_text(&b, ",lead\r\nmid\x7f\x01" "end;");
	is_str(buf_str(&b), "\\,lead\\nmid  end\\;",
	    "TEXT escaping at both ends, CR LF as one line break");
	buf_free(&b);
	buf_free(&want);
	buf_free(&v);
	buf_free(&line);
}

static void
test_ics(void)
{
	struct buf b = BUF_INIT;
	struct action_row r = { 0 };
	const char *p;
	size_t maxlen = 0, lines = 0;
	bool split = false;

	export_ics_text(&b, "a\\b;c,d\ne\tf");
	is_str(buf_str(&b), "a\\\\b\\;c\\,d\\ne f", "TEXT escaping");
	buf_reset(&b);

	export_ics_line(&b, "SUMMARY", "ngắn");
	is_str(buf_str(&b), "SUMMARY:ngắn\r\n", "a short line is not folded");
	buf_reset(&b);
	/* 40 three-byte characters: must fold, never inside one. */
	{
		struct buf v = BUF_INIT;

		for (int i = 0; i < 40; i++)
			buf_adds(&v, "ệ");
		export_ics_line(&b, "SUMMARY", buf_str(&v));
		buf_free(&v);
	}
	for (p = buf_str(&b); *p; ) {
		const char *eol = strstr(p, "\r\n");
		size_t len = (size_t)(eol - p);

		lines++;
		if (len > maxlen)
			maxlen = len;
		if (lines > 1 && ((unsigned char)p[1] & 0xc0) == 0x80)
			split = true;
		p = eol + 2;
	}
	ok(lines == 2 && maxlen <= 75, "folded at 75 octets (%zu lines, "
	    "longest %zu)", lines, maxlen);
	ok(!split, "no fold inside a UTF-8 character");
	ok(strstr(buf_str(&b), "\r\n ") != NULL, "continuation starts with a "
	    "space");
	buf_reset(&b);

	r.a.id = 12;
	r.a.meeting_id = 3;
	r.meeting_title = "Giao ban";
	strcpy(r.meeting_date, "2025-09-18");
	r.a.assignee = "Quận đoàn";
	r.a.task = "Tổ chức; ngày hội";
	r.a.due = "2025-11-30";
	r.a.status = ACT_DONE;
	strcpy(r.created, "2025-09-18T08:00:00Z");
	strcpy(r.updated, "2025-10-01T09:30:00Z");
	strcpy(r.closed, "2025-09-30T07:00:00Z");
	strcpy(r.uuid, "0c5e2b1a-7f3d-4a8e-9b2c-1d4e5f6a7b8c");
	export_actions_ics(&b, &r, 1);
	p = buf_str(&b);
	ok(strncmp(p, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 37) == 0,
	    "calendar header");
	ok(strstr(p, "\r\nDUE;VALUE=DATE:20251130\r\n") != NULL, "DUE as a date");
	ok(strstr(p, "\r\nSTATUS:COMPLETED\r\n") != NULL, "done -> COMPLETED");
	ok(strstr(p, "\r\nDTSTAMP:20251001T093000Z\r\n") != NULL,
	    "DTSTAMP is the last change, in UTC");
	ok(strstr(p, "\r\nSUMMARY:Quận đoàn: Tổ chức\\; ngày hội\r\n") != NULL,
	    "SUMMARY has assignee and escaped task");
	ok(strstr(p, "\r\nUID:0c5e2b1a-7f3d-4a8e-9b2c-1d4e5f6a7b8c\r\n") != NULL,
	    "the UID is the item's UUID");
	ok(strstr(p, "\r\nCOMPLETED:20250930T070000Z\r\n") != NULL,
	    "COMPLETED is when it was closed");
	ok(strlen(p) > 15 && strcmp(p + strlen(p) - 15, "END:VCALENDAR\r\n") == 0,
	    "calendar ends with END:VCALENDAR and CRLF");
	buf_free(&b);
}

int
main(void)
{
	test_query_scope();
	test_query_assignee();
	test_query_filters();
	test_two_step();
	test_brief_titles();
	test_row();
	test_status();
	test_closed_since();
	test_uuid();
	test_unknown_item();
	test_get_and_source();
	test_csv();
	test_json();
	test_ics();
	test_ics_runs();
	return tap_done();
}
