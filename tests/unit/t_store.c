/*
 * Unit tests of the store: a meeting survives insert and load whole; the
 * editor's saves change only what they should; action history records
 * status changes; a failed transaction changes nothing; two connections
 * see each other's commits; edit locks warn a second holder.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/model.h"
#include "lib/err.h"
#include "store/store.h"
#include "tap.h"
#include "testdb.h"
#include "lib/xmalloc.h"

static void
fill(struct meeting *m)
{
	struct attendee *a;
	struct action *t;

	meeting_init(m);
	meeting_set(m, F_TEMPLATE, "giaoban");
	meeting_set(m, F_SERIES, "giao-ban-quy");
	meeting_set(m, F_TITLE, "Hội nghị giao ban quý IV");
	meeting_set(m, F_DATE, "2025-12-15");
	meeting_set(m, F_STYLE, "party");
	meeting_set(m, F_NUMBER, "30-BB/QU");
	meeting_set(m, F_RECIPIENTS, "Thường trực Quận ủy; Lưu VP");
	a = meeting_add_attendee(m);
	a->name = xstrdup("Nguyễn Thị Hoa");
	a->role = ROLE_CHAIR;
	a = meeting_add_attendee(m);
	a->name = xstrdup("Trần Văn Bình");
	a->organisation = xstrdup("Hội Nông dân");
	a->presence = PRES_REPRESENTED;
	a->proxy = xstrdup("Lê Văn Cường");
	meeting_section_set(m, "results", "Đạt 92,3% kế hoạch.");
	t = meeting_add_action(m);
	t->assignee = xstrdup("Ủy ban MTTQ quận");
	t->task = xstrdup("Rà soát các chỉ tiêu");
	t->due = xstrdup("2025-12-31");
	t->due_text = xstrdup("trong tháng 12");
	t->src_section = xstrdup("conclusions");
	t->src_start = 10;
	t->src_end = 42;
	t = meeting_add_action(m);
	t->task = xstrdup("Tổng kết");
	t->status = ACT_DOING;
}

int
main(void)
{
	char dir[] = "/tmp/t_store.XXXXXX";
	char *path;
	struct store *s, *s2;
	struct meeting m, l;
	struct meeting_summary *v;
	struct err e;
	struct stat sb;
	size_t n;
	long other;
	int64_t id;

	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/sub/m.db", dir);
	if (!test_on_pg())
		is_int(store_open(path, 0, &s, &e), ERR_RUNTIME,
		    "no create flag: missing file is an error");
	ok(store_open(test_db(path), STORE_CREATE, &s, &e) == 0, "create: %s", e.msg);
	if (!test_on_pg())
		ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
		    "file mode 0600");

	fill(&m);
	ok(store_meeting_insert(s, &m, &e) == 0, "insert");
	ok(m.id > 0 && m.act[0].id > 0 && m.att[1].id > 0, "ids assigned");
	id = m.id;
	ok(store_meeting_load(s, id, &l, &e) == 0, "load");
	is_str(meeting_get(&l, F_TITLE), "Hội nghị giao ban quý IV", "title");
	is_str(meeting_get(&l, F_RECIPIENTS), "Thường trực Quận ủy; Lưu VP", "recipients");
	is_str(meeting_get(&l, F_STATUS), "draft", "status default");
	is_int((intmax_t)l.natt, 2, "attendees");
	is_str(l.att[1].proxy, "Lê Văn Cường", "proxy");
	ok(l.att[1].presence == PRES_REPRESENTED && l.att[0].role == ROLE_CHAIR,
	    "role and presence");
	is_str(meeting_section(&l, "results"), "Đạt 92,3% kế hoạch.", "section");
	is_int((intmax_t)l.nact, 2, "actions");
	is_str(l.act[0].due_text, "trong tháng 12", "due text");
	is_str(l.act[0].src_section, "conclusions", "source section");
	ok(l.act[0].src_start == 10 && l.act[0].src_end == 42, "source span");
	ok(l.act[1].status == ACT_DOING && l.act[1].assignee == NULL, "status, null assignee");
	meeting_free(&l);

	ok(store_section_save(s, id, "results", "Mới", &e) == 0, "section save");
	ok(store_section_save(s, id, "opinions", "Ý kiến", &e) == 0, "new section");
	meeting_set(&m, F_PLACE, "Hội trường");
	meeting_section_set(&m, "conclusions", "Kết luận");
	{
		const char *keys[] = { "conclusions" };

		ok(store_meeting_save_texts(s, &m, keys, 1, &e) == 0, "save texts");
	}
	store_meeting_load(s, id, &l, &e);
	is_str(meeting_section(&l, "results"), "Mới", "section saved");
	is_str(meeting_section(&l, "opinions"), "Ý kiến", "new section saved");
	is_str(meeting_section(&l, "conclusions"), "Kết luận", "texts saved");
	is_str(meeting_get(&l, F_PLACE), "Hội trường", "header saved with texts");
	meeting_free(&l);

	/* Status change and deletion through store_actions_save. */
	m.act[0].status = ACT_DONE;
	action_free(&m.act[1]);
	m.nact = 1;
	ok(store_actions_save(s, &m, &e) == 0, "actions save");
	store_meeting_load(s, id, &l, &e);
	ok(l.nact == 1 && l.act[0].status == ACT_DONE, "one action left, done");
	meeting_free(&l);
	ok(store_meeting_list(s, &v, &n, &e) == 0 && n == 1, "list");
	ok(v[0].open_tasks == 0 && strcmp(v[0].date, "2025-12-15") == 0,
	    "list counts open tasks");
	store_summaries_free(v, n);

	/* A status changed elsewhere (minutes action, the review) while the
	 * editor holds the meeting is not undone by the editor's next save
	 * of the tasks, unless the editor changed that status itself. */
	{
		bool changed;
		struct store_act_event *ev;
		size_t nev;

		ok(store_act_set_status(s, m.act[0].id, ACT_DOING, "elsewhere",
		    NULL, &changed, &e) == 0 && changed, "status set elsewhere");
		free(m.act[0].task);
		m.act[0].task = xstrdup("Sửa tên việc");
		ok(store_actions_save(s, &m, &e) == 0, "the editor saves its tasks");
		store_meeting_load(s, id, &l, &e);
		ok(l.nact == 1 && l.act[0].status == ACT_DOING &&
		    strcmp(l.act[0].task, "Sửa tên việc") == 0,
		    "the other change stands, the editor's edit is saved");
		meeting_free(&l);
		ok(m.act[0].status == ACT_DOING, "and the editor's copy follows it");
		store_act_history(s, m.act[0].id, &ev, &nev, &e);
		ok(nev > 0 && strcmp(ev[nev - 1].new_status, "doing") == 0 &&
		    strcmp(ev[nev - 1].note ? ev[nev - 1].note : "", "elsewhere") == 0,
		    "no history row undoing it");
		store_act_events_free(ev, nev);
		m.act[0].status = ACT_DROPPED;
		ok(store_actions_save(s, &m, &e) == 0, "the editor changes it");
		store_meeting_load(s, id, &l, &e);
		ok(l.act[0].status == ACT_DROPPED, "its own change is written");
		meeting_free(&l);
	}

	/* The editor's save is one transaction: a header that cannot be
	 * stored keeps the text and the tasks saved with it out too, so the
	 * tasks' spans never point into text of another moment. */
	{
		const char *keys[] = { "conclusions" };

		meeting_section_set(&m, "conclusions", "Kết luận mới");
		free(m.act[0].task);
		m.act[0].task = xstrdup("Việc mới");
		meeting_set(&m, F_STYLE, "royal");	/* violates the CHECK */
		is_int(store_meeting_save(s, &m, true, keys, 1, true, true, &e),
		    ERR_RUNTIME, "a save with a bad header fails");
		store_meeting_load(s, id, &l, &e);
		ok(strcmp(meeting_section(&l, "conclusions"), "Kết luận") == 0 &&
		    strcmp(l.act[0].task, "Sửa tên việc") == 0,
		    "and stores neither the text nor the task");
		meeting_free(&l);
		meeting_set(&m, F_STYLE, NULL);
		ok(store_meeting_save(s, &m, true, keys, 1, true, true, &e) == 0,
		    "the same save with the header fixed");
		store_meeting_load(s, id, &l, &e);
		ok(strcmp(meeting_section(&l, "conclusions"), "Kết luận mới") == 0 &&
		    strcmp(l.act[0].task, "Việc mới") == 0,
		    "stores the text and the task together");
		meeting_free(&l);
	}

	/* A failed whole insert leaves nothing behind. */
	{
		struct meeting bad;

		fill(&bad);
		free(bad.act[1].task);
		bad.act[1].task = NULL;	/* violates NOT NULL? no: bound as "" */
		meeting_set(&bad, F_STYLE, "royal");	/* violates the CHECK */
		is_int(store_meeting_insert(s, &bad, &e), ERR_RUNTIME,
		    "a failing insert fails");
		ok(bad.id == 0, "and assigns no id");
		meeting_free(&bad);
		store_meeting_list(s, &v, &n, &e);
		is_int((intmax_t)n, 1, "and stores nothing");
		store_summaries_free(v, n);
	}


	/* Answered suggestions are remembered per section. */
	{
		char **d;
		size_t nd;

		ok(store_suggestion_mark(s, id, "conclusions", "abc", "accepted", &e) == 0,
		    "mark a suggestion");
		ok(store_suggestion_mark(s, id, "conclusions", "def", "dismissed", &e) == 0,
		    "mark another");
		ok(store_suggestion_mark(s, id, "conclusions", "abc", "dismissed", &e) == 0,
		    "mark again replaces");
		ok(store_suggestions_seen(s, id, "conclusions", &d, &nd, &e) == 0 &&
		    nd == 2, "two digests seen");
		for (size_t i = 0; i < nd; i++)
			free(d[i]);
		free(d);
		ok(store_suggestions_seen(s, id, "results", &d, &nd, &e) == 0 &&
		    nd == 0, "none in another section");
		free(d);
		is_int(store_suggestion_mark(s, id, "x", "y", "maybe", &e), ERR_RUNTIME,
		    "an unknown state is refused by the schema");
		ok(store_suggestion_forget(s, id, "conclusions", "abc", &e) == 0 &&
		    store_suggestion_forget(s, id, "conclusions", "zzz", &e) == 0,
		    "forget an answer, and one never given");
		ok(store_suggestions_seen(s, id, "conclusions", &d, &nd, &e) == 0 &&
		    nd == 1 && strcmp(d[0], "def") == 0, "the other stays");
		for (size_t i = 0; i < nd; i++)
			free(d[i]);
		free(d);
	}

	/* A second connection sees commits and the lock. */
	ok(store_open(test_db(path), 0, &s2, &e) == 0, "second connection");
	ok(store_meeting_exists(s2, id), "sees the meeting");
	ok(!store_meeting_exists(s2, id + 100), "and not a missing one");
	ok(store_lock_take(s, id, &other, &e) == 0 && other == 0, "first lock");
	ok(store_lock_take(s, id, &other, &e) == 0 && other == 0,
	    "own lock again: no warning");
	store_lock_release(s, id);
	ok(store_lock_take(s, id, &other, &e) == 0 && other == 0, "after release");
	/* Pretend another live process (our parent) holds it. */
	store_lock_release(s, id);
	{
		struct store *s3;

		store_open(test_db(path), 0, &s3, &e);
		store_lock_take(s3, id, &other, &e);
		store_close(s3);
	}
	ok(store_lock_take(s2, id, &other, &e) == 0, "lock held by self pid");
	ok(other == 0, "a lock of this very process does not warn");
	is_int(store_meeting_load(s2, 99999, &l, &e), ERR_INPUT, "missing id is input error");
	store_close(s2);
	/* The list in parts, newest first, as the meeting list reads it. */
	{
		struct meeting m2;
		size_t total = 0;

		fill(&m2);
		meeting_set(&m2, F_DATE, "2030-01-01");
		ok(store_meeting_insert(s, &m2, &e) == 0, "a second meeting");
		ok(store_meeting_count(s, &total, &e) == 0 && total == 2,
		    "two meetings counted");
		ok(store_meeting_list_range(s, 0, 1, &v, &n, &e) == 0 && n == 1 &&
		    v[0].id == m2.id, "the first part: the newest");
		store_summaries_free(v, n);
		ok(store_meeting_list_range(s, 1, 0, &v, &n, &e) == 0 && n == 1 &&
		    v[0].id == id, "the rest from the second on");
		store_summaries_free(v, n);
		ok(store_meeting_list_range(s, 2, 5, &v, &n, &e) == 0 && n == 0,
		    "past the end: nothing");
		store_summaries_free(v, n);
		meeting_free(&m2);
	}
	store_close(s);
	meeting_free(&m);

	unlink(path);
	{
		char *p = xasprintf("%s-wal", path);

		unlink(p);
		free(p);
		p = xasprintf("%s-shm", path);
		unlink(p);
		free(p);
		p = xasprintf("%s/sub", dir);
		rmdir(p);
		free(p);
	}
	rmdir(dir);
	free(path);
	return tap_done();
}
