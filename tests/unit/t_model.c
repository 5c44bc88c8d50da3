/*
 * Unit tests of the meeting model's care for task sources: when the text
 * of a section changes, the tasks taken from it keep pointing at their
 * words (meeting_follow_edit).  Each case is one function on a meeting of
 * its own, and stops when its set-up fails.  And header fields as people
 * type them (field_input): dates and times in the forms they write, made
 * what is stored, and messages that name the field by its label.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "lib/err.h"
#include "tap.h"
#include "lib/xmalloc.h"

static const char TEXT[] =
    "Đồng chí chủ trì kết luận. Giao Phòng Kinh tế rà soát chỉ tiêu trước "
    "ngày 15/12. Đề nghị Công an phường tăng cường tuần tra.";

static const char KT[] = "Giao Phòng Kinh tế rà soát chỉ tiêu";
static const char CA[] = "Đề nghị Công an phường tăng cường";

/* A task whose source is the first occurrence of words in TEXT. */
static void
source(struct meeting *m, const char *section, const char *words)
{
	struct action *a = meeting_add_action(m);
	const char *p = strstr(TEXT, words);

	a->task = xstrdup(words);
	a->src_section = xstrdup(section);
	a->src_start = p ? p - TEXT : -1;
	a->src_end = p ? a->src_start + (int64_t)strlen(words) : -1;
}

/* The words a span points at in text, or "(unknown)". */
static char *
at(const struct action *a, const char *text)
{
	if (a->src_start < 0 || a->src_end > (int64_t)strlen(text))
		return xstrdup("(unknown)");
	return xstrndup(text + a->src_start,
	    (size_t)(a->src_end - a->src_start));
}

static bool
points_at(const struct action *a, const char *text, const char *want)
{
	char *got = at(a, text);
	bool same = strcmp(got, want) == 0;

	free(got);
	return same;
}

static void
check(const struct action *a, const char *text, const char *want,
    const char *name)
{
	char *got = at(a, text);

	is_str(got, want, "%s", name);
	free(got);
}

/* Three tasks: two from the conclusions of TEXT (act[0] the Kinh tế one,
 * act[1] the Công an one), one from another section.  False if any
 * source is not where it should be. */
static bool
setup(struct meeting *m)
{
	meeting_init(m);
	source(m, "conclusions", KT);
	source(m, "conclusions", CA);
	source(m, "opinions", "Đồng chí chủ trì");
	return m->nact == 3 && points_at(&m->act[0], TEXT, KT) &&
	    points_at(&m->act[1], TEXT, CA) && m->act[2].src_start == 0;
}

static void
test_no_change(void)
{
	struct meeting m;

	if (ok(setup(&m), "set-up: three sources"))
		ok(!meeting_follow_edit(&m, "conclusions", TEXT, TEXT),
		    "no change, nothing moves");
	meeting_free(&m);
}

static void
test_above(void)
{
	struct meeting m;
	char *s = xasprintf("Sau thảo luận, %s", TEXT);

	if (ok(setup(&m), "set-up: three sources")) {
		ok(meeting_follow_edit(&m, "conclusions", TEXT, s),
		    "text typed above: the spans move");
		check(&m.act[0], s, KT, "the first follows");
		check(&m.act[1], s, CA, "the second follows");
		ok(m.act[2].src_start == 0, "another section's task is left alone");
	}
	free(s);
	meeting_free(&m);
}

static void
test_between(void)
{
	struct meeting m;
	const char *t = strstr(TEXT, " Đề nghị");
	char *s = xasprintf("%.*s Bổ sung ý kiến.%s", (int)(t - TEXT), TEXT, t);

	if (ok(setup(&m), "set-up: three sources")) {
		int64_t before = m.act[0].src_start;

		ok(meeting_follow_edit(&m, "conclusions", TEXT, s),
		    "text typed between them");
		ok(m.act[0].src_start == before, "the task above stays");
		check(&m.act[1], s, CA, "the task below follows");
	}
	free(s);
	meeting_free(&m);
}

static void
test_below(void)
{
	struct meeting m;
	char *s = xasprintf("%s Hết.", TEXT);

	if (ok(setup(&m), "set-up: three sources"))
		ok(!meeting_follow_edit(&m, "conclusions", TEXT, s),
		    "text typed below moves nothing");
	free(s);
	meeting_free(&m);
}

/* An edit inside a source span: its words are found again when they are
 * still there (moved by a paste), else the span is lost. */
static void
test_inside(void)
{
	struct meeting m;
	char *s = xasprintf("Đề nghị Công an phường tăng cường tuần tra. Đầu "
	    "tiên: %s", TEXT);

	if (ok(setup(&m), "set-up: three sources")) {
		meeting_follow_edit(&m, "conclusions", TEXT, s);
		check(&m.act[1], s, CA,
		    "an edit touching it finds the words, nearest first");
		ok(m.act[1].src_start > 0, "the nearer copy, not the first");
	}
	free(s);
	meeting_free(&m);
}

static void
test_rewritten(void)
{
	struct meeting m;
	const char *kt = strstr(TEXT, "Phòng Kinh tế");
	char *s = xasprintf("%.*sPhòng Tài chính%s", (int)(kt - TEXT), TEXT,
	    kt + strlen("Phòng Kinh tế"));

	if (ok(setup(&m), "set-up: three sources")) {
		ok(meeting_follow_edit(&m, "conclusions", TEXT, s),
		    "the words of a source rewritten");
		ok(m.act[0].src_start == -1 && m.act[0].src_end == -1,
		    "its span is marked unknown");
		meeting_follow_edit(&m, "conclusions", s, TEXT);
		ok(m.act[0].src_start == -1 && m.act[0].src_end == -1,
		    "an unknown span stays unknown");
	}
	free(s);
	meeting_free(&m);
}

static void
test_deleted(void)
{
	struct meeting m;

	if (ok(setup(&m), "set-up: three sources")) {
		ok(meeting_follow_edit(&m, "conclusions", TEXT, ""),
		    "all deleted");
		ok(m.act[1].src_start == -1, "the span is unknown");
	}
	meeting_free(&m);
}

/* What typed becomes in field f (the meeting dated 2024-10-03), or the
 * message. */
static const char *
input(enum field f, const char *typed)
{
	static char out[600];
	struct err e;
	char *v = NULL;

	err_clear(&e);
	if (field_input(f, typed, "2024-10-03", &v, &e) != 0)
		snprintf(out, sizeof out, "error: %s", e.msg);
	else
		snprintf(out, sizeof out, "%s", v ? v : "(none)");
	free(v);
	return out;
}

static void
test_input(void)
{
	struct err e;
	char *v;

	is_str(input(F_DATE, "03/07/2024"), "2024-07-03", "date dd/mm/yyyy");
	is_str(input(F_DATE, " 3/7 "), "2024-07-03",
	    "date d/m: the meeting's year");
	is_str(input(F_DATE, "2024-07-03"), "2024-07-03", "date ISO");
	is_str(input(F_DATE, "31/09/2024"), "error: Date: \"31/09/2024\": "
	    "month 9 of 2024 has 30 days", "no such day, named by its label");
	is_str(input(F_START, "14h30"), "14:30", "start 14h30");
	is_str(input(F_START, "14 giờ"), "14:00", "start 14 giờ");
	is_str(input(F_END, "9:05"), "09:05", "end 9:05");
	is_str(input(F_END, "25:99"), "error: End: \"25:99\": hours go from "
	    "0 to 23 and minutes from 0 to 59", "no such time");
	is_str(input(F_START, "sáng"), "error: Start: \"sáng\" is not a "
	    "time: write 14:30 or 14h30", "no time: the forms");
	is_str(input(F_PLACE, "  Hội trường A "), "Hội trường A",
	    "other fields trimmed");
	is_str(input(F_PLACE, "   "), "(none)", "blank is none");
	err_clear(&e);
	ok(field_input(F_DATE, "3/7", NULL, &v, &e) == ERR_INPUT &&
	    v == NULL && strstr(e.msg, "has no year") != NULL,
	    "d/m without a date to take the year from: %s", e.msg);
	/* Stored values are checked as stored, with messages that say
	 * what a file needs, never calling a real date unreal. */
	ok(field_validate(F_DATE, "03/07/2024", &e) == ERR_INPUT, "a stored "
	    "date must be ISO");
	is_str(e.msg, "Date: \"03/07/2024\" is to be written yyyy-mm-dd "
	    "here: 2024-07-03", "the stored form is said, with the date");
	field_validate(F_DATE, "2023-02-31", &e);
	is_str(e.msg, "Date: \"2023-02-31\": month 2 of 2023 has 28 days",
	    "a stored date that is no day");
	field_validate(F_END, "7:00", &e);
	is_str(e.msg, "End: \"7:00\" is to be written HH:MM here: 07:00",
	    "a stored time must be HH:MM");
	field_validate(F_STYLE, "nhà nước", &e);
	is_str(e.msg, "Style: \"nhà nước\" is not state or party",
	    "style named by its label");
	is_str(field_label(F_LOCALITY), "Place of issue", "locality's label");
}

int
main(void)
{
	test_input();
	test_no_change();
	test_above();
	test_between();
	test_below();
	test_inside();
	test_rewritten();
	test_deleted();
	return tap_done();
}
