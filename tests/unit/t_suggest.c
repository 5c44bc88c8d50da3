/*
 * Unit tests of the live suggestions' core: the paragraph around the
 * cursor, the digest that recognises an answered suggestion however it is
 * retyped, suggestions with spans into the whole section and answered
 * ones left out, and due phrases typed into the tasks table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "extract/extract.h"
#include "extract/suggest.h"
#include "lib/err.h"
#include "tap.h"
#include "lib/xmalloc.h"

static char *rules_dirs[] = { TESTS_SRCDIR "/../share/rules", NULL };

static void
test_paragraph(void)
{
	const char *t = "Mở đầu.\n\nGiao nhiệm vụ:\n- A làm X.\n\nKết thúc.";
	size_t len = strlen(t), a, b;
	const char *p = strstr(t, "A làm");
	char *got;

	suggest_paragraph(t, len, (size_t)(p - t), &a, &b);
	got = xstrndup(t + a, b - a);
	is_str(got, "Giao nhiệm vụ:\n- A làm X.",
	    "a heading and its item make one paragraph");
	free(got);
	suggest_paragraph(t, len, 0, &a, &b);
	ok(a == 0 && b == strlen("Mở đầu."), "the first paragraph");
	suggest_paragraph(t, len, len, &a, &b);
	got = xstrndup(t + a, b - a);
	is_str(got, "Kết thúc.", "the last paragraph");
	free(got);
	suggest_paragraph("", 0, 0, &a, &b);
	ok(a == 0 && b == 0, "an empty text");
}

static void
test_digest(void)
{
	char d1[17], d2[17], d3[17], d4[17];

	suggest_digest("Phòng Kinh tế", "tham mưu kế hoạch", d1);
	suggest_digest("phòng kinh  tế", "Tham muu ke hoach.", d2);
	suggest_digest("Phòng Nội vụ", "tham mưu kế hoạch", d3);
	suggest_digest(NULL, "tham mưu kế hoạch", d4);
	ok(strlen(d1) == 16, "16 hex digits: %s", d1);
	is_str(d2, d1, "case, marks, spaces and a final stop do not count");
	ok(strcmp(d1, d3) != 0, "another assignee is another suggestion");
	ok(strcmp(d1, d4) != 0, "no assignee differs from one");
}

static void
test_find(struct extractor *x)
{
	const char *t = "Tình hình chung ổn định.\n\n"
	    "Giao Phòng Kinh tế tham mưu kế hoạch trước ngày 15/10/2023. "
	    "Giao Phòng Nội vụ rà soát biên chế.";
	struct ymd ref = { 2023, 9, 13 };
	struct suggestion *s = NULL;
	size_t n = 0, a, b;
	struct action act;
	struct err e;
	char *seen[1];

	err_clear(&e);
	suggest_paragraph(t, strlen(t), strlen(t), &a, &b);
	ok(suggest_find(x, t, a, b, ref, NULL, 0, &s, &n, &e) == 0 && n == 2,
	    "two suggestions in the paragraph");
	if (n < 2)
		return;
	ok(strncmp(t + s[0].start, "Giao Phòng Kinh tế", 18) == 0,
	    "spans point into the whole section");
	is_str(s[0].assignee, "Phòng Kinh tế", "assignee");
	ok(s[0].has_due && s[0].due.m == 10 && s[0].due.d == 15, "due date");
	ok(!s[1].has_due, "the second has no due date");
	suggest_to_action(&s[0], "conclusions", &act);
	ok(act.due && strcmp(act.due, "2023-10-15") == 0 && act.src_section &&
	    strcmp(act.src_section, "conclusions") == 0 &&
	    act.src_start == (int64_t)s[0].start && act.status == ACT_OPEN,
	    "a suggestion becomes an open task linked to its source");
	action_free(&act);
	seen[0] = xstrdup(s[0].digest);
	suggest_free(s, n);
	ok(suggest_find(x, t, a, b, ref, seen, 1, &s, &n, &e) == 0 && n == 1 &&
	    strcmp(s[0].assignee, "Phòng Nội vụ") == 0,
	    "an answered suggestion does not come back");
	suggest_free(s, n);
	free(seen[0]);
}

static void
test_due(struct extractor *x)
{
	struct ymd ref = { 2023, 9, 13 }, d;

	ok(suggest_due(x, "2023-11-02", ref, &d) && d.m == 11 && d.d == 2,
	    "an ISO date");
	ok(suggest_due(x, "tháng 12/2023", ref, &d) && d.y == 2023 &&
	    d.m == 12 && d.d == 31, "a month: its last day");
	ok(suggest_due(x, "by Friday", ref, &d) && d.m == 9 && d.d == 15,
	    "by Friday");
	ok(suggest_due(x, "thứ Sáu", ref, &d) && d.m == 9 && d.d == 15,
	    "a bare weekday");
	ok(suggest_due(x, "trong 2 tuần", ref, &d) && d.m == 9 && d.d == 27,
	    "within two weeks");
	ok(!suggest_due(x, "sớm", ref, &d), "no date in the phrase");
	ok(!suggest_due(x, "  ", ref, &d), "nothing typed");
}

int
main(void)
{
	struct extractor *x;
	struct err e;

	err_clear(&e);
	test_paragraph();
	test_digest();
	x = extract_new_dirs("auto", rules_dirs, &e);
	ok(x != NULL, "the shipped rules load: %s", e.msg);
	if (x) {
		test_find(x);
		test_due(x);
	}
	extract_free(x);
	return tap_done();
}
