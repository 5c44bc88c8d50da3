/*
 * Unit tests of series carry-over and the finalise checklist: the next
 * meeting of a series gets the last roster all present and the series'
 * open tasks; people are offered from the latest roster; the checklist
 * names each missing piece and is empty for complete minutes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/model.h"
#include "core/series.h"
#include "lib/err.h"
#include "store/store.h"
#include "tap.h"
#include "testdb.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"

static int64_t
add_meeting(struct store *s, const char *series, const char *date,
    const char *who, enum presence pres, enum act_status st)
{
	struct meeting m;
	struct attendee *a;
	struct action *t;
	struct err e;
	int64_t id;

	meeting_init(&m);
	meeting_set(&m, F_TEMPLATE, "giaoban");
	meeting_set(&m, F_SERIES, series);
	meeting_set(&m, F_TITLE, date);
	meeting_set(&m, F_DATE, date);
	a = meeting_add_attendee(&m);
	a->name = xstrdup(who);
	a->organisation = xstrdup(date);
	a->presence = pres;
	if (pres == PRES_REPRESENTED)
		a->proxy = xstrdup("Người dự thay");
	a = meeting_add_attendee(&m);
	a->name = xstrdup("Lê Thị Thu");
	a->role = ROLE_SECRETARY;
	t = meeting_add_action(&m);
	t->task = xasprintf("Việc của kỳ %s", date);
	t->status = st;
	store_meeting_insert(s, &m, &e);
	id = m.id;
	meeting_free(&m);
	return id;
}

static void
test_series(void)
{
	char dir[] = "/tmp/t_series.XXXXXX";
	char *path;
	struct store *s;
	struct meeting prev, next;
	struct action *v;
	struct person *p;
	struct err e;
	size_t n;
	int64_t a, b, c;

	mkdtemp(dir);
	path = xasprintf("%s/m.db", dir);
	store_open(test_db(path), STORE_CREATE, &s, &e);
	a = add_meeting(s, "quy", "2025-03-20", "Trần Văn A", PRES_PRESENT, ACT_OPEN);
	b = add_meeting(s, "quy", "2025-06-20", "Trần Văn B", PRES_REPRESENTED, ACT_DOING);
	c = add_meeting(s, "thang", "2025-07-01", "Trần Văn C", PRES_PRESENT, ACT_OPEN);
	add_meeting(s, "quy", "2025-09-20", "Trần Văn D", PRES_PRESENT, ACT_DONE);
	ok(a && b && c, "meetings stored");

	ok(store_series_previous(s, "quy", "2025-07-15", 0, &prev, &e) == 0,
	    "previous meeting found");
	is_int(prev.id, b, "it is the latest before the date");
	meeting_init(&next);
	series_copy_roster(&next, &prev);
	is_int((intmax_t)next.natt, 2, "roster copied");
	ok(next.att[0].presence == PRES_PRESENT && next.att[0].proxy == NULL,
	    "all marked present, no representative");
	ok(next.att[1].role == ROLE_SECRETARY, "roles kept");
	meeting_free(&next);
	meeting_free(&prev);
	ok(store_series_previous(s, "nosuch", "2025-07-15", 0, &prev, &e) == 0 &&
	    prev.id == 0, "no previous meeting in an unknown series");
	ok(store_series_previous(s, "quy", "2025-06-20", b, &prev, &e) == 0 &&
	    prev.id == a, "a meeting is not its own predecessor");
	meeting_free(&prev);

	ok(store_series_open_actions(s, "quy", "2025-12-31", 0, &v, NULL, &n,
	    &e) == 0,
	    "open actions of the series");
	is_int((intmax_t)n, 2, "open and doing, not done, not other series");
	if (n == 2) {
		is_str(v[0].task, "Việc của kỳ 2025-03-20", "oldest first");
		ok(v[1].status == ACT_DOING && v[1].meeting_id == b, "with status and meeting");
	}
	if (n == 2) {
		struct meeting r;

		/* The September meeting reviews the two open items. */
		ok(store_act_review(s, v[0].id, ACT_DONE, "xong", c, &e) == 0 &&
		    store_act_review(s, v[1].id, ACT_DOING, NULL, c, &e) == 0 &&
		    store_act_review(s, v[1].id, ACT_DOING, NULL, c, &e) == 0,
		    "review changes stored");
		ok(store_meeting_load(s, c, &r, &e) == 0, "reviewing meeting loads");
		is_int((intmax_t)r.nrev, 1, "a review lists what it changed, "
		    "not what it re-set without a note");
		if (r.nrev == 1)
			ok(r.rev[0].status == ACT_DONE && r.rev[0].note &&
			    strcmp(r.rev[0].note, "xong") == 0 &&
			    strcmp(r.rev[0].task, "Việc của kỳ 2025-03-20") == 0,
			    "with its outcome and note");
		meeting_free(&r);
		ok(store_act_review(s, v[1].id, ACT_DROPPED, "thôi", c, &e) == 0 &&
		    store_meeting_load(s, c, &r, &e) == 0 && r.nrev == 2 &&
		    r.rev[1].status == ACT_DROPPED, "a later change is listed");
		meeting_free(&r);
		{
			struct action *w;
			char **notes;
			size_t m;

			ok(store_series_open_actions(s, "quy", "2025-12-31", c,
			    &w, &notes, &m, &e) == 0 && m == 2 &&
			    w[0].status == ACT_DONE && notes[0] &&
			    strcmp(notes[0], "xong") == 0 &&
			    w[1].status == ACT_DROPPED && notes[1] &&
			    strcmp(notes[1], "thôi") == 0,
			    "the reviewing meeting still lists what it closed, "
			    "with its notes");
			for (size_t i = 0; i < m; i++) {
				action_free(&w[i]);
				free(notes[i]);
			}
			free(w);
			free(notes);
			ok(store_series_open_actions(s, "quy", "2025-12-31", 0,
			    &w, NULL, &m, &e) == 0 && m == 0,
			    "another meeting does not");
			free(w);
		}
		ok(store_meeting_load(s, a, &r, &e) == 0 && r.nrev == 0,
		    "another meeting reviewed nothing");
		meeting_free(&r);
	}
	for (size_t i = 0; i < n; i++)
		action_free(&v[i]);
	free(v);

	ok(store_people(s, &p, &n, &e) == 0, "people");
	is_int((intmax_t)n, 5, "each name once");
	is_str(p[0].name, "Lê Thị Thu", "newest first (ties by name)");
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].name, "Lê Thị Thu") == 0)
			ok(p[i].organisation == NULL, "latest appearance's organisation");
	store_people_free(p, n);
	store_close(s);
	unlink(path);
	free(path);
	path = xasprintf("%s/m.db-wal", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/m.db-shm", dir);
	unlink(path);
	free(path);
	rmdir(dir);
}

static void
test_checklist(const struct tmpl *t)
{
	struct meeting m;
	struct check_item *c;
	struct action *a;
	size_t n;
	char *s;

	meeting_init(&m);
	meeting_set(&m, F_TEMPLATE, "giaoban");
	a = meeting_add_action(&m);
	a->task = xstrdup("Rà soát");
	series_checklist(&m, t, &c, &n);
	ok(n >= 6, "an empty meeting misses much (%zu)", n);
	ok(c[0].kind == CHECK_NO_CHAIR && c[1].kind == CHECK_NO_SECRETARY &&
	    c[2].kind == CHECK_NO_END, "chair, secretary, end first");
	s = series_check_text(&m, t, &c[3]);
	ok(strstr(s, "Thành phần tham dự") != NULL || strstr(s, "Kết quả") != NULL,
	    "empty section named by heading: %s", s);
	free(s);
	ok(c[n - 2].kind == CHECK_TASK_NO_ASSIGNEE && c[n - 1].kind == CHECK_TASK_NO_DUE,
	    "task without assignee and due");
	s = series_check_text(&m, t, &c[n - 1]);
	ok(strstr(s, "Rà soát") != NULL, "task named: %s", s);
	free(s);
	free(c);

	meeting_set(&m, F_CHAIR, "Nguyễn Văn Hùng");
	meeting_set(&m, F_END, "16:30");
	meeting_add_attendee(&m)->name = xstrdup("Lê Thị Thu");
	m.att[0].role = ROLE_SECRETARY;
	meeting_section_set(&m, "results", "Đạt 92% kế hoạch.");
	meeting_section_set(&m, "conclusions", "Đề nghị các đơn vị ...");
	a->assignee = xstrdup("Quận đoàn");
	a->due = xstrdup("2025-12-31");
	series_checklist(&m, t, &c, &n);
	is_int((intmax_t)n, 0, "complete minutes pass the checklist");
	free(c);
	meeting_section_set(&m, "results", "  \n ");
	series_checklist(&m, t, &c, &n);
	ok(n == 1 && c[0].kind == CHECK_EMPTY_SECTION &&
	    strcmp(c[0].section, "results") == 0, "blank text counts as empty");
	free(c);
	meeting_free(&m);
}

int
main(void)
{
	struct tmpl t;
	struct err e;
	char *path = xasprintf("%s/share/templates/giaoban.tmpl",
	    getenv("top_srcdir") ? getenv("top_srcdir") : "..");

	test_series();
	if (tmpl_load_file(path, &t, &e) == 0) {
		test_checklist(&t);
		tmpl_free(&t);
	} else
		ok(0, "giaoban template loads: %s", e.msg);
	free(path);
	return tap_done();
}
