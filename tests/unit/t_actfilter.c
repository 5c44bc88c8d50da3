/*
 * Unit tests of the action review's filter (core/actfilter.c): words and
 * quoted phrases against the folded assignee and task, the fields of
 * `minutes actions` (assignee, status, meeting, due before), quoted
 * values, an unclosed quote while typing, and the refusals.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/actfilter.h"
#include "core/search.h"
#include "lib/err.h"
#include "tap.h"

static struct action a1 = { .id = 1, .meeting_id = 3, .assignee =
    "Ủy ban MTTQ quận", .task = "rà soát danh sách hộ cận nghèo",
    .due = "2025-10-10", .status = ACT_OPEN };
static struct action a2 = { .id = 2, .meeting_id = 4, .assignee =
    "Đoàn Thanh niên", .task = "danh sách rà soát lại", .due = "2025-12-01",
    .status = ACT_DOING };

/* Whether the item passes text, as the review tests it. */
static int
passes(const char *text, const struct action *a, const char *title)
{
	struct actfilter f;
	struct err e;
	char *who = search_fold(a->assignee, strlen(a->assignee));
	char *what = search_fold(a->task, strlen(a->task));
	int r;

	err_clear(&e);
	if (actfilter_parse(text, &f, &e) != 0)
		r = -1;
	else
		r = actfilter_match(&f, a, who, what, title);
	actfilter_free(&f);
	free(who);
	free(what);
	return r;
}

int
main(void)
{
	struct actfilter f;
	struct err e;

	ok(passes("uy ban", &a1, "") == 1, "words are folded");
	ok(passes("soát rà", &a1, "") == 1, "words in any order");
	ok(passes("\"ra soat danh\"", &a1, "") == 1, "a phrase in order");
	ok(passes("\"ra soat danh\"", &a2, "") == 0,
	    "a phrase is not its words in another order");
	ok(passes("\"danh sach ra", &a2, "") == 1,
	    "an unclosed quote runs to the end while typing");
	ok(passes("assignee:doan", &a2, "") == 1 &&
	    passes("assignee:doan", &a1, "") == 0, "assignee:");
	ok(passes("assignee:\"thanh nien\"", &a2, "") == 1,
	    "a quoted value holds spaces");
	ok(passes("assignee:nghèo", &a1, "") == 0,
	    "assignee: looks at the assignee only");
	ok(passes("status:doing", &a2, "") == 1 &&
	    passes("status:doing", &a1, "") == 0, "status: in English");
	ok(passes("status:do", &a2, "") == 1, "status: by the start of its word");
	ok(passes("meeting:3", &a1, "") == 1 && passes("meeting:3", &a2, "") == 0,
	    "meeting: by id");
	ok(passes("meeting:\"thang 9\"", &a1, "Giao ban tháng 9") == 1 &&
	    passes("meeting:\"thang 9\"", &a1, "Giao ban tháng 10") == 0,
	    "meeting: by words of its title");
	ok(passes("due:2025-11-01", &a1, "") == 1 &&
	    passes("due:2025-11-01", &a2, "") == 0, "due: is due before");
	ok(passes("due:01/11/2025", &a1, "") == 1 &&
	    passes("due:1/12/2025", &a2, "") == 0, "due: as dd/mm/yyyy");
	ok(passes("due:2025-13-01", &a1, "") == -1, "a date that is none");
	ok(passes("status:maybe", &a1, "") == -1, "a status that is none");
	ok(passes("uy status:open due:2025-11-01", &a1, "") == 1,
	    "fields and words together");
	ok(passes("x:y", &a1, "") == 0, "an unknown field is a word");
	err_clear(&e);
	ok(actfilter_parse("   ", &f, &e) == 0 && actfilter_empty(&f),
	    "blanks ask nothing");
	actfilter_free(&f);
	ok(actfilter_parse("status:", &f, &e) == 0 && actfilter_empty(&f),
	    "a field still being typed asks nothing");
	actfilter_free(&f);
	return tap_done();
}
