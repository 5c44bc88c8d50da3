/*
 * Unit tests of the meeting model's care for task sources: when the text
 * of a section changes, the tasks taken from it keep pointing at their
 * words (meeting_follow_edit).  Each case is one function on a meeting of
 * its own, and stops when its set-up fails.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
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

int
main(void)
{
	test_no_change();
	test_above();
	test_between();
	test_below();
	test_inside();
	test_rewritten();
	test_deleted();
	return tap_done();
}
