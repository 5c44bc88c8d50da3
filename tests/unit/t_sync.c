/*
 * Unit tests of saving beside another writer (store_meeting_sync), one
 * function per rule.  Two connections to one database play two instances
 * of minutes with the same meeting open: each loads it with its base,
 * edits its copy and saves; the last save never silently wins.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "core/model.h"
#include "core/search.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tap.h"
#include "tdb.h"

static const char *const RESULTS[] = { "results" };

/* One instance: its connection, its copy of the meeting, its base. */
struct inst {
	struct store		*s;
	struct meeting		 m;
	struct store_base	*base;
};

/* Closes both instances and the database. */
static void
done(struct tdb *t, struct inst *a, struct inst *b)
{
	meeting_free(&a->m);
	meeting_free(&b->m);
	store_base_free(a->base);
	store_base_free(b->base);
	if (b->s)
		store_close(b->s);
	tdb_close(t);
}

/* A database with one meeting whose "results" section holds text, and
 * two instances that have it open; false after saying why not. */
static bool
two_editors(struct tdb *t, struct inst *a, struct inst *b, const char *text,
    const char *what)
{
	struct meeting m;
	struct attendee *p;
	struct err e;

	memset(a, 0, sizeof *a);
	memset(b, 0, sizeof *b);
	if (!tdb_open(t, what))
		return false;
	tdb_meeting(&m, "Giao ban");
	meeting_section_set(&m, "results", text);
	p = meeting_add_attendee(&m);
	p->name = xstrdup("Nguyễn Văn An");
	p = meeting_add_attendee(&m);
	p->name = xstrdup("Trần Thị Bình");
	meeting_add_action(&m)->task = xstrdup("Rà soát chỉ tiêu");
	if (ok(store_meeting_insert(t->s, &m, &e) == 0 &&
	    store_open(t->db, 0, &b->s, &e) == 0 &&
	    store_meeting_open(t->s, m.id, &a->m, &a->base, &e) == 0 &&
	    store_meeting_open(b->s, m.id, &b->m, &b->base, &e) == 0,
	    "%s: set-up: two instances open the meeting", what)) {
		a->s = t->s;
		meeting_free(&m);
		return true;
	}
	printf("# %s\n", e.msg);
	meeting_free(&m);
	done(t, a, b);
	return false;
}

/* Saves the instance's "results" (and roster and tasks). */
static int
save(struct inst *x, struct store_sync_report *rep)
{
	struct err e;
	int rc = store_meeting_sync(x->s, x->base, &x->m, RESULTS, 1,
	    STORE_SYNC_HEADER | STORE_SYNC_ROSTER | STORE_SYNC_TASKS, rep, &e);

	if (rc != 0)
		printf("# %s\n", e.msg);
	return rc;
}

/* What the store has now, read by a third look. */
static char *
stored(struct tdb *t, const char *key)
{
	struct meeting m;
	struct err e;
	char *text;

	if (store_meeting_load(t->s, 1, &m, &e) != 0)
		return xstrdup("(cannot load)");
	text = xstrdup(meeting_section(&m, key) ? meeting_section(&m, key) : "");
	meeting_free(&m);
	return text;
}

static void
test_plain_save(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	char *got;
	int64_t rev;

	if (!two_editors(&t, &a, &b, "Đạt kế hoạch.", "plain save"))
		return;
	rev = store_base_rev(a.base, "results");
	meeting_section_set(&a.m, "results", "Đạt 92% kế hoạch.");
	if (ok(save(&a, &rep) == 0, "a save from the stored revision")) {
		ok(rep.merged == 0 && rep.kept_both == 0 && rep.nchanged == 0,
		    "merges nothing");
		is_int(store_base_rev(a.base, "results"), rev + 1,
		    "and moves the revision on by one");
		store_sync_report_free(&rep);
	}
	got = stored(&t, "results");
	is_str(got, "Đạt 92% kế hoạch.", "the text is stored");
	free(got);
	done(&t, &a, &b);
}

static void
test_different_places(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	char *got;

	if (!two_editors(&t, &a, &b, "Khai mạc.\nThảo luận.\nKết luận.\n",
	    "different places"))
		return;
	meeting_section_set(&a.m, "results",
	    "Khai mạc lúc 8 giờ.\nThảo luận.\nKết luận.\n");
	meeting_section_set(&b.m, "results",
	    "Khai mạc.\nThảo luận.\nKết luận: giao nhiệm vụ.\n");
	ok(save(&a, &rep) == 0, "one instance saves");
	store_sync_report_free(&rep);
	if (ok(save(&b, &rep) == 0, "the other saves from the older revision")) {
		ok(rep.merged == 1 && rep.kept_both == 0,
		    "its edit and the first one's are merged");
		ok(rep.nchanged == 1 && strcmp(rep.changed[0], "results") == 0,
		    "and the report names the section that changed under it");
		store_sync_report_free(&rep);
	}
	got = stored(&t, "results");
	is_str(got, "Khai mạc lúc 8 giờ.\nThảo luận.\nKết luận: giao nhiệm vụ.\n",
	    "both edits are stored");
	is_str(meeting_section(&b.m, "results"), got,
	    "and the second instance has what is stored");
	free(got);
	ok(save(&a, &rep) == 0 && rep.nchanged == 1,
	    "the first instance's next save brings the other's edit to it");
	is_str(meeting_section(&a.m, "results"),
	    "Khai mạc lúc 8 giờ.\nThảo luận.\nKết luận: giao nhiệm vụ.\n",
	    "so both now have both");
	store_sync_report_free(&rep);
	done(&t, &a, &b);
}

static void
test_same_place(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	char *got, *want;

	if (!two_editors(&t, &a, &b, "Họp lúc 7 giờ.", "same place"))
		return;
	meeting_section_set(&a.m, "results", "Họp lúc 8 giờ.");
	meeting_section_set(&b.m, "results", "Họp lúc 9 giờ.");
	ok(save(&a, &rep) == 0, "one instance saves");
	store_sync_report_free(&rep);
	if (ok(save(&b, &rep) == 0, "the other changed the same words")) {
		ok(rep.kept_both == 1, "both versions are kept");
		store_sync_report_free(&rep);
	}
	want = xasprintf("Họp lúc 9 giờ.\n%s\nHọp lúc 8 giờ.\n%s",
	    merge_mark_begin(), merge_mark_end());
	got = stored(&t, "results");
	is_str(got, want, "its own line stays, the other's follows between "
	    "marker lines");
	free(got);
	free(want);
	done(&t, &a, &b);
}

/* Many saves each way: no word typed on either side goes missing. */
static void
test_turns(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	char *got, *text;
	bool all = true;

	if (!two_editors(&t, &a, &b, "Đầu.\n\nGiữa.\n\nCuối.\n", "turns"))
		return;
	for (int i = 0; i < 20 && all; i++) {
		struct inst *x = i % 2 ? &b : &a;

		text = i % 2 ? xasprintf("%sB%d\n", meeting_section(&x->m,
		    "results"), i) : xasprintf("A%d %s", i,
		    meeting_section(&x->m, "results"));
		meeting_section_set(&x->m, "results", text);
		free(text);
		all = save(x, &rep) == 0 && rep.kept_both == 0;
		store_sync_report_free(&rep);
	}
	ok(all, "twenty saves in turn, each from the other's old revision, "
	    "merge cleanly");
	got = stored(&t, "results");
	for (int i = 0; i < 20 && all; i++) {
		char w[8];

		snprintf(w, sizeof w, "%c%d%c", i % 2 ? 'B' : 'A', i,
		    i % 2 ? '\n' : ' ');
		all = strstr(got, w) != NULL;
	}
	ok(all, "every word typed on either side is stored");
	free(got);
	done(&t, &a, &b);
}

/* A section this instance did not touch but the other changed. */
static void
test_picked_up(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;

	if (!two_editors(&t, &a, &b, "Kết quả.", "picked up"))
		return;
	meeting_section_set(&a.m, "opinions", "Ý kiến mới.");
	if (!ok(store_meeting_sync(a.s, a.base, &a.m, (const char *[]){
	    "opinions" }, 1, 0, &rep, NULL) == 0, "one instance adds a section"))
		goto out;
	store_sync_report_free(&rep);
	if (ok(save(&b, &rep) == 0, "the other saves something else")) {
		is_str(meeting_section(&b.m, "opinions"), "Ý kiến mới.",
		    "and now has the new section");
		ok(rep.nchanged == 1, "named in its report");
		store_sync_report_free(&rep);
	}
out:
	done(&t, &a, &b);
}

static void
test_roster(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;

	if (!two_editors(&t, &a, &b, "", "roster"))
		return;
	free(a.m.att[0].name);
	a.m.att[0].name = xstrdup("Nguyễn Văn An (chủ trì)");
	b.m.att[1].presence = PRES_ABSENT;
	meeting_add_attendee(&b.m)->name = xstrdup("Lê Văn Cường");
	ok(save(&a, &rep) == 0, "one instance renames a member");
	store_sync_report_free(&rep);
	if (ok(save(&b, &rep) == 0, "the other marks another absent and adds "
	    "one")) {
		ok(rep.roster && rep.kept_both == 0, "the rows merge");
		store_sync_report_free(&rep);
	}
	ok(b.m.natt == 3 && strcmp(b.m.att[0].name, "Nguyễn Văn An (chủ trì)") == 0 &&
	    b.m.att[1].presence == PRES_ABSENT &&
	    strcmp(b.m.att[2].name, "Lê Văn Cường") == 0 && b.m.att[2].id != 0,
	    "one roster with all three changes");
	free(a.m.att[1].name);
	a.m.att[1].name = xstrdup("Trần Thị Bình (A)");
	free(b.m.att[1].name);
	b.m.att[1].name = xstrdup("Trần Thị Bình (B)");
	ok(save(&a, &rep) == 0, "both rename the same member");
	store_sync_report_free(&rep);
	if (ok(save(&b, &rep) == 0, "differently")) {
		ok(rep.kept_both == 1 && b.m.natt == 4 &&
		    strcmp(b.m.att[1].name, "Trần Thị Bình (A)") == 0 &&
		    strcmp(b.m.att[2].name, "Trần Thị Bình (B)") == 0,
		    "both rows are kept, the other's first");
		store_sync_report_free(&rep);
	}
	done(&t, &a, &b);
}

/* `minutes action ID done` while the editor has the task open. */
static void
test_task_status(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	struct err e;
	bool changed;

	if (!two_editors(&t, &a, &b, "", "task status"))
		return;
	if (!ok(store_act_set_status(b.s, a.m.act[0].id, ACT_DONE, NULL, NULL,
	    &changed, &e) == 0, "a task is marked done elsewhere"))
		goto out;
	free(a.m.act[0].task);
	a.m.act[0].task = xstrdup("Rà soát các chỉ tiêu năm");
	if (ok(save(&a, &rep) == 0, "the editor saves its edit of the words")) {
		ok(a.m.nact == 1 && a.m.act[0].status == ACT_DONE &&
		    strcmp(a.m.act[0].task, "Rà soát các chỉ tiêu năm") == 0,
		    "one task, done, with the new words");
		store_sync_report_free(&rep);
	}
out:
	done(&t, &a, &b);
}

/* A save that fails changes nothing, and is retried as it was. */
static void
test_failed_save(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	int64_t rev;
	char *got;

	if (!two_editors(&t, &a, &b, "Cũ.", "failed save"))
		return;
	rev = store_base_rev(a.base, "results");
	meeting_section_set(&a.m, "results", "Mới.");
	meeting_set(&a.m, F_STYLE, "royal");	/* the schema refuses it */
	ok(save(&a, &rep) != 0, "a save the database refuses fails");
	ok(store_base_rev(a.base, "results") == rev &&
	    strcmp(meeting_section(&a.m, "results"), "Mới.") == 0,
	    "and leaves the base and the text as they were");
	got = stored(&t, "results");
	is_str(got, "Cũ.", "having stored nothing");
	free(got);
	meeting_set(&a.m, F_STYLE, NULL);
	ok(save(&a, &rep) == 0, "the same save, retried, succeeds");
	store_sync_report_free(&rep);
	got = stored(&t, "results");
	is_str(got, "Mới.", "and stores the text");
	free(got);
	done(&t, &a, &b);
}

/* The editor's older save bumps the revision too, so an instance that
 * saves with a base merges rather than overwrites. */
static void
test_old_save(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	struct err e;
	char *got;

	if (!two_editors(&t, &a, &b, "Một.\nHai.\n", "old save"))
		return;
	meeting_section_set(&a.m, "results", "Một, sửa.\nHai.\n");
	ok(store_meeting_save(a.s, &a.m, true, RESULTS, 1, false, false,
	    &e) == 0, "one instance saves the old way");
	meeting_section_set(&b.m, "results", "Một.\nHai, sửa.\n");
	ok(save(&b, &rep) == 0 && rep.merged == 1, "the other merges");
	store_sync_report_free(&rep);
	got = stored(&t, "results");
	is_str(got, "Một, sửa.\nHai, sửa.\n", "keeping both edits");
	free(got);
	done(&t, &a, &b);
}

/* A save may leave the search index for later; a search never misses
 * what was saved. */
static void
test_index_later(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	struct err e;

	if (!two_editors(&t, &a, &b, "Kết quả.", "index later"))
		return;
	meeting_section_set(&a.m, "results", "Phong trào Dân vận khéo.");
	if (!ok(store_meeting_sync(a.s, a.base, &a.m, RESULTS, 1,
	    STORE_SYNC_INDEX_LATER, &rep, &e) == 0, "a save that leaves the "
	    "index for later"))
		goto out;
	store_sync_report_free(&rep);
	is_int(tdb_hits(b.s, "dan van kheo"), 1, "another instance's search "
	    "still finds the new words");
	is_int(tdb_hits(b.s, "ket qua"), 0, "and not the old ones");
	meeting_section_set(&a.m, "results", "Tổng kết thi đua.");
	ok(store_meeting_sync(a.s, a.base, &a.m, RESULTS, 1,
	    STORE_SYNC_INDEX_LATER, &rep, &e) == 0 &&
	    store_search_catch_up(a.s, &e) == 0, "catching up by itself");
	store_sync_report_free(&rep);
	is_int(tdb_hits(b.s, "tong ket"), 1, "indexes the save");
out:
	done(&t, &a, &b);
}

/* The same with a long text (past the size at which a shared store
 * leaves its index for later too): the other instance's search catches
 * up before it searches. */
static void
test_index_later_long(void)
{
	struct store_sync_report rep;
	struct tdb t;
	struct inst a, b;
	struct buf text = BUF_INIT;
	struct err e;

	if (!two_editors(&t, &a, &b, "Kết quả.", "index later, long"))
		return;
	while (text.len < 100 * 1024)
		buf_adds(&text, "Rà soát hồ sơ đảng viên ở khu dân cư số 3.\n");
	buf_adds(&text, "Phong trào Dân vận khéo.\n");
	meeting_section_set(&a.m, "results", buf_str(&text));
	buf_free(&text);
	if (ok(store_meeting_sync(a.s, a.base, &a.m, RESULTS, 1,
	    STORE_SYNC_INDEX_LATER, &rep, &e) == 0, "a long text saved, the "
	    "index left for later"))
		store_sync_report_free(&rep);
	is_int(tdb_hits(b.s, "dan van kheo"), 1, "another instance's search finds "
	    "its last words");
	is_int(tdb_hits(a.s, "ket qua"), 0, "and not the old ones");
	done(&t, &a, &b);
}

int
main(void)
{
	test_plain_save();
	test_different_places();
	test_same_place();
	test_turns();
	test_picked_up();
	test_roster();
	test_task_status();
	test_failed_save();
	test_old_save();
	test_index_later();
	test_index_later_long();
	return tap_done();
}
