/*
 * Unit tests of series carry-over, new meetings and the finalise
 * checklist: a new meeting gets its header from the template and the
 * defaults, the next meeting of a series gets the last roster all present
 * and the series' open tasks; people are offered from the latest roster;
 * the checklist names each missing piece and is empty for complete
 * minutes.  Each feature is one function, which stops at a failed set-up.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/meeting_new.h"
#include "core/model.h"
#include "core/series.h"
#include "lib/err.h"
#include "store/store.h"
#include "tap.h"
#include "testdb.h"
#include "tmeet.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"

/* The store every feature reads: four meetings, three of series "quy". */
struct fixture {
	char		 dir[32];
	char		*path;
	struct store	*s;
	int64_t		 a, b, c, d;	/* quy March, quy June, thang July, quy Sept */
};

static int64_t
add_meeting(struct store *s, const char *series, const char *date,
    const char *who, enum presence pres, enum act_status st)
{
	struct meeting m;
	struct attendee *a;
	struct action *t;
	struct err e;
	int64_t id;

	tm_meeting(&m, date, date);
	meeting_set(&m, F_SERIES, series);
	a = tm_attendee(&m, who, date);
	a->presence = pres;
	if (pres == PRES_REPRESENTED)
		a->proxy = xstrdup("Người dự thay");
	tm_attendee(&m, "Lê Thị Thu", NULL)->role = ROLE_SECRETARY;
	t = meeting_add_action(&m);
	t->task = xasprintf("Việc của kỳ %s", date);
	t->status = st;
	store_meeting_insert(s, &m, &e);
	id = m.id;
	meeting_free(&m);
	return id;
}

static bool
fixture_open(struct fixture *fx)
{
	struct err e;

	memset(fx, 0, sizeof *fx);
	strcpy(fx->dir, "/tmp/t_series.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return false;
	fx->path = xasprintf("%s/m.db", fx->dir);
	if (store_open(test_db(fx->path), STORE_CREATE, &fx->s, &e) != 0)
		return false;
	fx->a = add_meeting(fx->s, "quy", "2025-03-20", "Trần Văn A",
	    PRES_PRESENT, ACT_OPEN);
	fx->b = add_meeting(fx->s, "quy", "2025-06-20", "Trần Văn B",
	    PRES_REPRESENTED, ACT_DOING);
	fx->c = add_meeting(fx->s, "thang", "2025-07-01", "Trần Văn C",
	    PRES_PRESENT, ACT_OPEN);
	fx->d = add_meeting(fx->s, "quy", "2025-09-20", "Trần Văn D",
	    PRES_PRESENT, ACT_DONE);
	return fx->a && fx->b && fx->c && fx->d;
}

static void
fixture_close(struct fixture *fx)
{
	const char *const ext[] = { "", "-wal", "-shm" };

	if (fx->s)
		store_close(fx->s);
	for (size_t i = 0; fx->path && i < 3; i++) {
		char *p = xasprintf("%s%s", fx->path, ext[i]);

		unlink(p);
		free(p);
	}
	free(fx->path);
	rmdir(fx->dir);
}

static void
test_previous(struct fixture *fx)
{
	struct meeting prev;
	struct err e;

	if (!ok(store_series_previous(fx->s, "quy", "2025-07-15", 0, &prev,
	    &e) == 0, "previous meeting found"))
		return;
	is_int(prev.id, fx->b, "it is the latest before the date");
	meeting_free(&prev);
	ok(store_series_previous(fx->s, "nosuch", "2025-07-15", 0, &prev,
	    &e) == 0 && prev.id == 0, "no previous meeting in an unknown series");
	meeting_free(&prev);
	ok(store_series_previous(fx->s, "quy", "2025-06-20", fx->b, &prev,
	    &e) == 0 && prev.id == fx->a, "a meeting is not its own predecessor");
	meeting_free(&prev);
}

static void
test_copy_roster(struct fixture *fx)
{
	struct meeting prev, next;
	struct err e;

	if (!ok(store_series_previous(fx->s, "quy", "2025-07-15", 0, &prev,
	    &e) == 0 && prev.natt == 2, "a previous meeting with a roster"))
		return;
	meeting_init(&next);
	series_copy_roster(&next, &prev);
	is_int((intmax_t)next.natt, 2, "roster copied");
	if (next.natt == 2) {
		ok(next.att[0].presence == PRES_PRESENT &&
		    next.att[0].proxy == NULL,
		    "all marked present, no representative");
		ok(next.att[1].role == ROLE_SECRETARY, "roles kept");
	}
	meeting_free(&next);
	meeting_free(&prev);
}

/* A template as the dialog and `minutes new` get it from the set. */
static const struct tmpl new_tp = { .id = "giaoban", .name = "Giao ban",
	.lang = "vi", .style = "party", .title = "Hội nghị giao ban" };

static void
test_meeting_new(void)
{
	struct meeting m;
	struct err e;

	setenv("MINUTES_TODAY", "2025-11-20", 1);
	meeting_init(&m);
	if (!ok(meeting_new(&m, &new_tp, NULL, NULL, NULL, &e) == 0,
	    "a new meeting with nothing typed"))
		goto out;
	is_str(meeting_get(&m, F_TITLE), "Hội nghị giao ban",
	    "the template's title stands in");
	is_str(meeting_get(&m, F_DATE), "2025-11-20", "today stands in");
	is_str(meeting_get(&m, F_TEMPLATE), "giaoban", "the template is named");
	is_str(meeting_get(&m, F_STYLE), "party", "with its style");
	is_str(meeting_get(&m, F_STATUS), "draft", "a draft");
	ok(meeting_get(&m, F_SERIES) == NULL, "no series");
	meeting_free(&m);

	meeting_init(&m);
	/* Typed with a decomposed accent: stored in NFC. */
	if (!ok(meeting_new(&m, &new_tp, "quy", "Ho\xcc\xa3p quy\xcc\x81",
	    "2025-12-01", &e) == 0, "a new meeting with all typed"))
		goto out;
	is_str(meeting_get(&m, F_TITLE), "Họp quý", "the title typed, in NFC");
	is_str(meeting_get(&m, F_DATE), "2025-12-01", "the date typed");
	is_str(meeting_get(&m, F_SERIES), "quy", "the series typed");
	meeting_free(&m);

	meeting_init(&m);
	is_int(meeting_new(&m, &new_tp, NULL, "Họp", "2025-13-01", &e),
	    ERR_INPUT, "a date that is no date is refused");
	ok(strstr(e.msg, "2025-13-01") != NULL, "naming it: %s", e.msg);
	meeting_free(&m);

	meeting_init(&m);
	{
		struct tmpl untitled = new_tp;

		untitled.title = NULL;
		if (ok(meeting_new(&m, &untitled, "", "", "", &e) == 0,
		    "a template without a title"))
			is_str(meeting_get(&m, F_TITLE), "Giao ban",
			    "its name stands in");
	}
out:
	meeting_free(&m);
	unsetenv("MINUTES_TODAY");
}

static void
test_inherit(struct fixture *fx)
{
	struct meeting m, prev, none;
	struct err e;

	meeting_init(&m);
	meeting_init(&none);
	if (!ok(meeting_new(&m, &new_tp, "quy", "Quý III", "2025-07-15",
	    &e) == 0, "a new meeting of the series"))
		goto out;
	meeting_new_inherit(&m, &none);
	meeting_new_inherit(&m, NULL);
	is_int((intmax_t)m.natt, 0, "no previous meeting: no roster");
	if (!ok(store_series_previous(fx->s, meeting_get(&m, F_SERIES),
	    meeting_get(&m, F_DATE), 0, &prev, &e) == 0 && prev.id == fx->b,
	    "its previous meeting is read"))
		goto out;
	meeting_new_inherit(&m, &prev);
	meeting_free(&prev);
	if (!is_int((intmax_t)m.natt, 2, "the last roster is inherited"))
		goto out;
	is_str(m.att[0].name, "Trần Văn B", "in its order");
	ok(m.att[0].presence == PRES_PRESENT && m.att[0].proxy == NULL,
	    "the represented one is present, without a representative");
	ok(m.att[1].role == ROLE_SECRETARY, "roles kept");
	ok(store_meeting_insert(fx->s, &m, &e) == 0 && m.id > fx->d,
	    "the new meeting stores");
out:
	meeting_free(&m);
}

static void
free_actions(struct action *v, char **notes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		action_free(&v[i]);
		if (notes)
			free(notes[i]);
	}
	free(v);
	free(notes);
}

static void
test_open_actions(struct fixture *fx)
{
	struct action *v;
	struct err e;
	size_t n;

	if (!ok(store_series_open_actions(fx->s, "quy", "2025-12-31", 0, &v,
	    NULL, &n, &e) == 0, "open actions of the series"))
		return;
	if (is_int((intmax_t)n, 2, "open and doing, not done, not other series")) {
		is_str(v[0].task, "Việc của kỳ 2025-03-20", "oldest first");
		ok(v[1].status == ACT_DOING && v[1].meeting_id == fx->b,
		    "with status and meeting");
	}
	free_actions(v, NULL, n);
}

/* The July meeting (of another series) reviews the two open items. */
static void
test_review(struct fixture *fx)
{
	struct action *v, *w;
	char **notes;
	struct meeting r;
	struct err e;
	size_t n, m;
	int64_t c = fx->c;

	if (!ok(store_series_open_actions(fx->s, "quy", "2025-12-31", 0, &v,
	    NULL, &n, &e) == 0 && n == 2, "two open actions to review"))
		return;
	ok(store_act_review(fx->s, v[0].id, ACT_DONE, "xong", c, &e) == 0 &&
	    store_act_review(fx->s, v[1].id, ACT_DOING, NULL, c, &e) == 0 &&
	    store_act_review(fx->s, v[1].id, ACT_DOING, NULL, c, &e) == 0,
	    "review changes stored");
	if (ok(store_meeting_load(fx->s, c, &r, &e) == 0,
	    "reviewing meeting loads")) {
		if (is_int((intmax_t)r.nrev, 1, "a review lists what it "
		    "changed, not what it re-set without a note"))
			ok(r.rev[0].status == ACT_DONE && r.rev[0].note &&
			    strcmp(r.rev[0].note, "xong") == 0 &&
			    strcmp(r.rev[0].task, "Việc của kỳ 2025-03-20") == 0,
			    "with its outcome and note");
		meeting_free(&r);
	}
	ok(store_act_review(fx->s, v[1].id, ACT_DROPPED, "thôi", c, &e) == 0 &&
	    store_meeting_load(fx->s, c, &r, &e) == 0 && r.nrev == 2 &&
	    r.rev[1].status == ACT_DROPPED, "a later change is listed");
	meeting_free(&r);
	ok(store_series_open_actions(fx->s, "quy", "2025-12-31", c, &w, &notes,
	    &m, &e) == 0 && m == 2 && w[0].status == ACT_DONE && notes[0] &&
	    strcmp(notes[0], "xong") == 0 && w[1].status == ACT_DROPPED &&
	    notes[1] && strcmp(notes[1], "thôi") == 0,
	    "the reviewing meeting still lists what it closed, with its notes");
	free_actions(w, notes, m);
	ok(store_series_open_actions(fx->s, "quy", "2025-12-31", 0, &w, NULL,
	    &m, &e) == 0 && m == 0, "another meeting does not");
	free_actions(w, NULL, m);
	ok(store_meeting_load(fx->s, fx->a, &r, &e) == 0 && r.nrev == 0,
	    "another meeting reviewed nothing");
	meeting_free(&r);
	free_actions(v, NULL, n);
}

static void
test_people(struct fixture *fx)
{
	struct person *p;
	struct err e;
	size_t n;

	if (!ok(store_people(fx->s, &p, &n, &e) == 0, "people"))
		return;
	is_int((intmax_t)n, 5, "each name once");
	if (n > 0)
		is_str(p[0].name, "Lê Thị Thu", "newest first (ties by name)");
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].name, "Lê Thị Thu") == 0)
			ok(p[i].organisation == NULL,
			    "latest appearance's organisation");
	store_people_free(p, n);
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
	if (!ok(n >= 6, "an empty meeting misses much (%zu)", n)) {
		free(c);
		meeting_free(&m);
		return;
	}
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
	/* The chair the header names is the roster's (one truth). */
	meeting_add_attendee(&m)->name = xstrdup("Nguyễn Văn Hùng");
	m.att[1].role = ROLE_CHAIR;
	meeting_section_set(&m, "results", "Đạt 92% kế hoạch.");
	meeting_section_set(&m, "conclusions", "Đề nghị các đơn vị ...");
	a = &m.act[0];
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

static const char VARIANT[] = "Giao ban thường trực Thành ủy";

/* The first meeting of the series, typed with stray blanks and a d/m/y
 * date, then filled in and saved; false after saying what failed. */
static bool
variant_first(struct fixture *fx, struct meeting *first)
{
	struct err e;
	int64_t id;

	if (!ok(store_series_new_meeting(fx->s, &new_tp, "  Giao ban  thường "
	    "trực Thành ủy ", "Giao ban tháng 10", "03/10/2025", &id, &e) == 0 &&
	    store_meeting_load(fx->s, id, first, &e) == 0,
	    "a first meeting, typed with stray blanks and a d/m/y date"))
		return false;
	is_str(meeting_get(first, F_SERIES), VARIANT, "its series, cleaned");
	is_str(meeting_get(first, F_DATE), "2025-10-03", "its date, ISO");
	meeting_set(first, F_ORGANISATION, "Thành ủy Hải Phòng");
	meeting_set(first, F_NUMBER, "15-BB/TU");
	meeting_set(first, F_PLACE, "Phòng họp số 1");
	meeting_set(first, F_LOCALITY, "Hải Phòng");
	meeting_set(first, F_CHAIR, "Lê Văn Bình");
	meeting_set(first, F_SECRETARY, "Nguyễn Thị Thanh");
	meeting_set(first, F_START, "14:00");
	meeting_set(first, F_END, "16:30");
	meeting_set(first, F_RECIPIENTS, "Thường trực Thành ủy; Lưu VP");
	meeting_set(first, F_STYLE, "state");
	meeting_add_attendee(first)->name = xstrdup("Lê Văn Bình");
	first->att[0].role = ROLE_CHAIR;
	first->att[0].presence = PRES_ABSENT;
	meeting_add_action(first)->task = xstrdup("Rà soát đề án");
	return ok(store_meeting_save(fx->s, first, true, NULL, 0, true, true,
	    &e) == 0, "filled in");
}

/* What the second meeting took from the first (variant_first). */
static void
variant_carried(struct fixture *fx, const struct meeting *second)
{
	struct action *v = NULL;
	size_t n = 0;
	struct err e;

	is_str(meeting_get(second, F_SERIES), VARIANT, "it is the same series");
	is_str(meeting_get(second, F_DATE), "2025-11-07", "on its own date");
	is_str(meeting_get(second, F_ORGANISATION), "Thành ủy Hải Phòng",
	    "the organisation carries over");
	is_str(meeting_get(second, F_NUMBER), "…-BB/TU",
	    "the number's pattern, without the running number");
	is_str(meeting_get(second, F_PLACE), "Phòng họp số 1", "the place");
	is_str(meeting_get(second, F_LOCALITY), "Hải Phòng",
	    "the place of issue");
	is_str(meeting_get(second, F_CHAIR), "Lê Văn Bình", "the chair");
	is_str(meeting_get(second, F_SECRETARY), "Nguyễn Thị Thanh",
	    "the secretary");
	is_str(meeting_get(second, F_START), "14:00", "the start time");
	ok(meeting_get(second, F_END) == NULL, "not the end time");
	is_str(meeting_get(second, F_STYLE), "state", "the style");
	is_str(meeting_get(second, F_RECIPIENTS), "Thường trực Thành ủy; "
	    "Lưu VP", "the recipients");
	is_str(meeting_get(second, F_TITLE), "Hội nghị giao ban",
	    "the title is the template's, not the last one's");
	ok(second->natt == 1 && second->att[0].role == ROLE_CHAIR &&
	    second->att[0].presence == PRES_PRESENT, "the roster, all present");
	ok(second->nact == 0, "no tasks of its own");
	ok(store_series_open_actions(fx->s, meeting_get(second, F_SERIES),
	    meeting_get(second, F_DATE), second->id, &v, NULL, &n, &e) == 0 &&
	    n == 1 && strcmp(v[0].task, "Rà soát đề án") == 0,
	    "the first one's open task is to review");
	free_actions(v, NULL, n);
}

/* A series met as "Giao ban thường trực Thành ủy" and typed again as
 * "giao ban  thường trực Thành uỷ": the same series, as stored. */
static void
test_variant(struct fixture *fx)
{
	struct meeting first, second;
	char **names, *name;
	size_t n;
	struct err e;
	int64_t id;

	meeting_init(&first);
	meeting_init(&second);
	if (!variant_first(fx, &first))
		goto out;
	ok(store_series_names(fx->s, &names, &n, &e) == 0 && n == 3 &&
	    strcmp(names[0], VARIANT) == 0 && strcmp(names[1], "quy") == 0 &&
	    strcmp(names[2], "thang") == 0, "the series, latest met first");
	store_names_free(names, n);
	ok(store_series_resolve(fx->s, "giao ban thường trực thành uỷ",
	    &name, &e) == 0 && name && strcmp(name, VARIANT) == 0,
	    "a variant resolves to the stored spelling");
	free(name);
	ok(store_series_resolve(fx->s, " Giao ban  quý ", &name, &e) == 0 &&
	    name && strcmp(name, "Giao ban quý") == 0,
	    "a new series is kept as typed, cleaned");
	free(name);
	ok(store_series_resolve(fx->s, " ", &name, &e) == 0 && name == NULL,
	    "blank is no series");
	if (ok(store_series_new_meeting(fx->s, &new_tp, "Giao ban thường "
	    "trực Thành uỷ", NULL, "7/11/2025", &id, &e) == 0 &&
	    store_meeting_load(fx->s, id, &second, &e) == 0,
	    "a second meeting, typed with the old tone placement"))
		variant_carried(fx, &second);
out:
	meeting_free(&first);
	meeting_free(&second);
}

int
main(void)
{
	struct fixture fx;
	struct tmpl t;
	struct err e;
	char *path = xasprintf("%s/share/templates/giaoban.tmpl",
	    getenv("top_srcdir") ? getenv("top_srcdir") : "..");

	if (ok(fixture_open(&fx), "meetings stored")) {
		test_previous(&fx);
		test_copy_roster(&fx);
		test_open_actions(&fx);
		test_review(&fx);
		test_people(&fx);
		test_inherit(&fx);
		test_variant(&fx);
	}
	fixture_close(&fx);
	test_meeting_new();
	if (ok(tmpl_load_file(path, &t, &e) == 0, "giaoban template loads")) {
		test_checklist(&t);
		tmpl_free(&t);
	} else
		printf("#   %s\n", e.msg);
	free(path);
	return tap_done();
}
