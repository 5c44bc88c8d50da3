/*
 * Unit tests of the store, one function per feature, each on its own
 * throwaway database (tdb.h): a meeting survives insert and load whole;
 * the editor's saves change only what they should; action history
 * records status changes; a failed transaction changes nothing; two
 * connections see each other's commits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/model.h"
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tap.h"
#include "tdb.h"
#include "tmeet.h"

static void
fill(struct meeting *m)
{
	struct attendee *a;
	struct action *t;

	tm_meeting(m, "Hội nghị giao ban quý IV", "2025-12-15");
	meeting_set(m, F_SERIES, "giao-ban-quy");
	meeting_set(m, F_STYLE, "party");
	meeting_set(m, F_NUMBER, "30-BB/QU");
	meeting_set(m, F_RECIPIENTS, "Thường trực Quận ủy; Lưu VP");
	tm_attendee(m, "Nguyễn Thị Hoa", NULL)->role = ROLE_CHAIR;
	a = tm_attendee(m, "Trần Văn Bình", "Hội Nông dân");
	a->presence = PRES_REPRESENTED;
	a->proxy = xstrdup("Lê Văn Cường");
	meeting_section_set(m, "results", "Đạt 92,3% kế hoạch.");
	t = tm_action(m, "Ủy ban MTTQ quận", "Rà soát các chỉ tiêu",
	    "2025-12-31");
	t->due_text = xstrdup("trong tháng 12");
	t->src_section = xstrdup("conclusions");
	t->src_start = 10;
	t->src_end = 42;
	tm_action(m, NULL, "Tổng kết", NULL)->status = ACT_DOING;
}

/* A database holding the meeting of fill(), stored in *m; false after
 * saying why not. */
static bool
with_meeting(struct tdb *t, struct meeting *m, const char *what)
{
	struct err e;

	if (!tdb_open(t, what))
		return false;
	fill(m);
	if (!ok(store_meeting_insert(t->s, m, &e) == 0, "%s: set-up: insert",
	    what)) {
		printf("# %s\n", e.msg);
		meeting_free(m);
		tdb_close(t);
		return false;
	}
	return true;
}

static void
test_create(void)
{
	struct tdb t;
	struct store *s;
	struct stat sb;
	struct err e;
	char *path;

	if (test_on_pg()) {
		printf("# create: a PostgreSQL store has no file to create\n");
		return;
	}
	if (!tdb_make(&t, "create", false))
		return;
	path = xasprintf("%s/sub/m.db", t.dir);
	is_int(store_open(path, 0, &s, &e), ERR_RUNTIME,
	    "no create flag: a missing file is an error");
	if (ok(store_open(path, STORE_CREATE, &s, &e) == 0, "create: %s",
	    e.msg)) {
		ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
		    "file mode 0600");
		store_close(s);
	}
	/* Empty the sub-folder for tdb_close. */
	for (const char *const *x = (const char *const[]){ "", "-wal", "-shm",
	    NULL }; *x; x++) {
		char *p = xasprintf("%s%s", path, *x);

		unlink(p);
		free(p);
	}
	free(path);
	path = xasprintf("%s/sub", t.dir);
	rmdir(path);
	free(path);
	tdb_close(&t);
}

static void
test_insert_load(void)
{
	struct tdb t;
	struct meeting m, l;
	struct err e;

	if (!with_meeting(&t, &m, "insert"))
		return;
	ok(m.id > 0 && m.act[0].id > 0 && m.att[1].id > 0, "ids assigned");
	if (!ok(store_meeting_load(t.s, m.id, &l, &e) == 0, "load"))
		goto out;
	is_str(meeting_get(&l, F_TITLE), "Hội nghị giao ban quý IV", "title");
	is_str(meeting_get(&l, F_RECIPIENTS), "Thường trực Quận ủy; Lưu VP",
	    "recipients");
	is_str(meeting_get(&l, F_STATUS), "draft", "status default");
	if (is_int((intmax_t)l.natt, 2, "attendees")) {
		is_str(l.att[1].proxy, "Lê Văn Cường", "proxy");
		ok(l.att[1].presence == PRES_REPRESENTED &&
		    l.att[0].role == ROLE_CHAIR, "role and presence");
	}
	is_str(meeting_section(&l, "results"), "Đạt 92,3% kế hoạch.",
	    "section");
	if (is_int((intmax_t)l.nact, 2, "actions")) {
		is_str(l.act[0].due_text, "trong tháng 12", "due text");
		is_str(l.act[0].src_section, "conclusions", "source section");
		ok(l.act[0].src_start == 10 && l.act[0].src_end == 42,
		    "source span");
		ok(l.act[1].status == ACT_DOING && l.act[1].assignee == NULL,
		    "status, null assignee");
	}
	meeting_free(&l);
	is_int(store_meeting_load(t.s, 99999, &l, &e), ERR_INPUT,
	    "a missing id is an input error");
out:
	meeting_free(&m);
	tdb_close(&t);
}

static void
test_text_saves(void)
{
	const char *keys[] = { "conclusions" };
	struct tdb t;
	struct meeting m, l;
	struct err e;

	if (!with_meeting(&t, &m, "text saves"))
		return;
	ok(store_section_save(t.s, m.id, "results", "Mới", &e) == 0,
	    "section save");
	ok(store_section_save(t.s, m.id, "opinions", "Ý kiến", &e) == 0,
	    "new section");
	meeting_set(&m, F_PLACE, "Hội trường");
	meeting_section_set(&m, "conclusions", "Kết luận");
	ok(store_meeting_save_texts(t.s, &m, keys, 1, &e) == 0, "save texts");
	if (ok(store_meeting_load(t.s, m.id, &l, &e) == 0, "load")) {
		is_str(meeting_section(&l, "results"), "Mới", "section saved");
		is_str(meeting_section(&l, "opinions"), "Ý kiến",
		    "new section saved");
		is_str(meeting_section(&l, "conclusions"), "Kết luận",
		    "texts saved");
		is_str(meeting_get(&l, F_PLACE), "Hội trường",
		    "header saved with texts");
		meeting_free(&l);
	}
	meeting_free(&m);
	tdb_close(&t);
}

static void
test_actions_save(void)
{
	struct meeting_summary *v;
	struct tdb t;
	struct meeting m, l;
	struct err e;
	size_t n;

	if (!with_meeting(&t, &m, "actions save"))
		return;
	/* A status change and a deletion. */
	m.act[0].status = ACT_DONE;
	action_free(&m.act[1]);
	m.nact = 1;
	ok(store_actions_save(t.s, &m, &e) == 0, "actions save");
	if (ok(store_meeting_load(t.s, m.id, &l, &e) == 0, "load")) {
		ok(l.nact == 1 && l.act[0].status == ACT_DONE,
		    "one action left, done");
		meeting_free(&l);
	}
	if (ok(store_meeting_list(t.s, &v, &n, &e) == 0 && n == 1, "list")) {
		ok(v[0].open_tasks == 0 && strcmp(v[0].date, "2025-12-15") == 0,
		    "the list counts open tasks");
		store_summaries_free(v, n);
	}
	meeting_free(&m);
	tdb_close(&t);
}

/* A status changed elsewhere (minutes action, the review) while the
 * editor holds the meeting is not undone by the editor's next save of
 * the tasks, unless the editor changed that status itself. */
static void
test_status_elsewhere(void)
{
	struct store_act_event *ev;
	struct tdb t;
	struct meeting m, l;
	struct err e;
	bool changed;
	size_t nev;

	if (!with_meeting(&t, &m, "status elsewhere"))
		return;
	if (!ok(store_act_set_status(t.s, m.act[0].id, ACT_DOING, "elsewhere",
	    NULL, &changed, &e) == 0 && changed, "status set elsewhere"))
		goto out;
	tm_set(&m.act[0].task, "Sửa tên việc");
	ok(store_actions_save(t.s, &m, &e) == 0, "the editor saves its tasks");
	if (ok(store_meeting_load(t.s, m.id, &l, &e) == 0, "load")) {
		ok(l.act[0].status == ACT_DOING &&
		    strcmp(l.act[0].task, "Sửa tên việc") == 0,
		    "the other change stands, the editor's edit is saved");
		meeting_free(&l);
	}
	ok(m.act[0].status == ACT_DOING, "and the editor's copy follows it");
	if (ok(store_act_history(t.s, m.act[0].id, &ev, &nev, &e) == 0,
	    "history")) {
		ok(nev > 0 && strcmp(ev[nev - 1].new_status, "doing") == 0 &&
		    ev[nev - 1].note && strcmp(ev[nev - 1].note, "elsewhere") == 0,
		    "no history row undoing it");
		store_act_events_free(ev, nev);
	}
	m.act[0].status = ACT_DROPPED;
	ok(store_actions_save(t.s, &m, &e) == 0, "the editor changes it");
	if (ok(store_meeting_load(t.s, m.id, &l, &e) == 0, "load")) {
		ok(l.act[0].status == ACT_DROPPED, "its own change is written");
		meeting_free(&l);
	}
out:
	meeting_free(&m);
	tdb_close(&t);
}

/* The editor's save is one transaction: a header that cannot be stored
 * keeps the text and the tasks saved with it out too, so the tasks'
 * spans never point into text of another moment. */
static void
test_save_is_one_transaction(void)
{
	const char *keys[] = { "conclusions" };
	struct tdb t;
	struct meeting m, l;
	struct err e;

	if (!with_meeting(&t, &m, "one transaction"))
		return;
	meeting_section_set(&m, "conclusions", "Kết luận mới");
	tm_set(&m.act[0].task, "Việc mới");
	meeting_set(&m, F_STYLE, "royal");	/* violates the CHECK */
	is_int(store_meeting_save(t.s, &m, true, keys, 1, true, true, &e),
	    ERR_RUNTIME, "a save with a bad header fails");
	if (ok(store_meeting_load(t.s, m.id, &l, &e) == 0, "load")) {
		ok(meeting_section(&l, "conclusions") == NULL &&
		    strcmp(l.act[0].task, "Rà soát các chỉ tiêu") == 0,
		    "and stores neither the text nor the task");
		meeting_free(&l);
	}
	meeting_set(&m, F_STYLE, NULL);
	ok(store_meeting_save(t.s, &m, true, keys, 1, true, true, &e) == 0,
	    "the same save with the header fixed");
	if (ok(store_meeting_load(t.s, m.id, &l, &e) == 0, "load")) {
		ok(strcmp(meeting_section(&l, "conclusions"), "Kết luận mới") == 0 &&
		    strcmp(l.act[0].task, "Việc mới") == 0,
		    "stores the text and the task together");
		meeting_free(&l);
	}
	meeting_free(&m);
	tdb_close(&t);
}

/* A failed whole insert leaves nothing behind. */
static void
test_failed_insert(void)
{
	struct meeting_summary *v;
	struct meeting bad;
	struct tdb t;
	struct err e;
	size_t n;

	if (!tdb_open(&t, "failed insert"))
		return;
	fill(&bad);
	meeting_set(&bad, F_STYLE, "royal");	/* violates the CHECK */
	is_int(store_meeting_insert(t.s, &bad, &e), ERR_RUNTIME,
	    "a failing insert fails");
	ok(bad.id == 0, "and assigns no id");
	meeting_free(&bad);
	if (ok(store_meeting_list(t.s, &v, &n, &e) == 0, "list")) {
		is_int((intmax_t)n, 0, "and stores nothing");
		store_summaries_free(v, n);
	}
	tdb_close(&t);
}

/* Answered suggestions are remembered per section. */
static void
test_suggestions(void)
{
	struct tdb t;
	struct meeting m;
	struct err e;
	char **d;
	size_t nd;

	if (!with_meeting(&t, &m, "suggestions"))
		return;
	ok(store_suggestion_mark(t.s, m.id, "conclusions", "abc", "accepted",
	    &e) == 0, "mark a suggestion");
	ok(store_suggestion_mark(t.s, m.id, "conclusions", "def", "dismissed",
	    &e) == 0, "mark another");
	ok(store_suggestion_mark(t.s, m.id, "conclusions", "abc", "dismissed",
	    &e) == 0, "mark again replaces");
	if (ok(store_suggestions_seen(t.s, m.id, "conclusions", &d, &nd,
	    &e) == 0, "read them")) {
		is_int((intmax_t)nd, 2, "two digests seen");
		for (size_t i = 0; i < nd; i++)
			free(d[i]);
		free(d);
	}
	ok(store_suggestions_seen(t.s, m.id, "results", &d, &nd, &e) == 0 &&
	    nd == 0, "none in another section");
	free(d);
	is_int(store_suggestion_mark(t.s, m.id, "x", "y", "maybe", &e),
	    ERR_RUNTIME, "an unknown state is refused by the schema");
	ok(store_suggestion_forget(t.s, m.id, "conclusions", "abc", &e) == 0 &&
	    store_suggestion_forget(t.s, m.id, "conclusions", "zzz", &e) == 0,
	    "forget an answer, and one never given");
	ok(store_suggestions_seen(t.s, m.id, "conclusions", &d, &nd, &e) == 0 &&
	    nd == 1 && strcmp(d[0], "def") == 0, "the other stays");
	for (size_t i = 0; i < nd; i++)
		free(d[i]);
	free(d);
	meeting_free(&m);
	tdb_close(&t);
}

/* The list in parts, newest first, as the meeting list reads it.  (A
 * shared test database may hold other meetings: counted relative.) */
static void
test_list_range(void)
{
	struct meeting_summary *v;
	struct meeting m, m2;
	struct tdb t;
	struct err e;
	size_t n, before = 0, total = 0;
	bool found = false;

	if (!with_meeting(&t, &m, "list range"))
		return;
	ok(store_meeting_count(t.s, &before, &e) == 0 && before >= 1,
	    "the meetings counted");
	fill(&m2);
	meeting_set(&m2, F_DATE, "2099-12-31");
	ok(store_meeting_insert(t.s, &m2, &e) == 0, "a newest meeting");
	ok(store_meeting_count(t.s, &total, &e) == 0 && total == before + 1,
	    "counted too");
	ok(store_meeting_list_range(t.s, 0, 1, &v, &n, &e) == 0 && n == 1 &&
	    v[0].id == m2.id, "the first part: the newest");
	store_summaries_free(v, n);
	ok(store_meeting_list_range(t.s, 1, 0, &v, &n, &e) == 0 &&
	    n == before, "the rest from the second on");
	for (size_t i = 0; i < n; i++)
		found |= v[i].id == m.id;
	ok(found, "holds the other");
	store_summaries_free(v, n);
	ok(store_meeting_list_range(t.s, total, 5, &v, &n, &e) == 0 && n == 0,
	    "past the end: nothing");
	store_summaries_free(v, n);
	meeting_free(&m2);
	meeting_free(&m);
	tdb_close(&t);
}

/* A second connection sees the first's commits. */
static void
test_second_connection(void)
{
	struct tdb t;
	struct meeting m;
	struct store *s2;
	struct err e;

	if (!with_meeting(&t, &m, "second connection"))
		return;
	if (ok(store_open(t.db, 0, &s2, &e) == 0, "second connection")) {
		ok(store_meeting_exists(s2, m.id), "sees the meeting");
		ok(!store_meeting_exists(s2, m.id + 100), "and not a missing one");
		store_close(s2);
	}
	meeting_free(&m);
	tdb_close(&t);
}

int
main(void)
{
	test_create();
	test_insert_load();
	test_text_saves();
	test_actions_save();
	test_status_elsewhere();
	test_save_is_one_transaction();
	test_failed_insert();
	test_suggestions();
	test_list_range();
	test_second_connection();
	return tap_done();
}
