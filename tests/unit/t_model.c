/*
 * Unit tests of the meeting model's care for task sources: when the text
 * of a section changes, the tasks taken from it keep pointing at their
 * words (meeting_follow_edit).
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

/* A task whose source is the first occurrence of words in TEXT. */
static struct action *
source(struct meeting *m, const char *section, const char *words)
{
	struct action *a = meeting_add_action(m);
	const char *p = strstr(TEXT, words);

	a->task = xstrdup(words);
	a->src_section = xstrdup(section);
	a->src_start = p ? p - TEXT : -1;
	a->src_end = p ? a->src_start + (int64_t)strlen(words) : -1;
	return a;
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

static void
check(const struct action *a, const char *text, const char *want,
    const char *name)
{
	char *got = at(a, text);

	is_str(got, want, "%s", name);
	free(got);
}

int
main(void)
{
	struct meeting m;
	struct action *kt, *ca, *other;
	char *s;
	const char *t;

	meeting_init(&m);
	kt = source(&m, "conclusions", "Giao Phòng Kinh tế rà soát chỉ tiêu");
	ca = source(&m, "conclusions", "Đề nghị Công an phường tăng cường");
	other = source(&m, "opinions", "Đồng chí chủ trì");
	/* meeting_add_action may move the array: take the pointers again. */
	kt = &m.act[0];
	ca = &m.act[1];
	other = &m.act[2];

	ok(!meeting_follow_edit(&m, "conclusions", TEXT, TEXT),
	    "no change, nothing moves");

	/* Text typed above both. */
	s = xasprintf("Sau thảo luận, %s", TEXT);
	ok(meeting_follow_edit(&m, "conclusions", TEXT, s),
	    "text typed above: the spans move");
	check(kt, s, "Giao Phòng Kinh tế rà soát chỉ tiêu", "the first follows");
	check(ca, s, "Đề nghị Công an phường tăng cường", "the second follows");
	ok(other->src_start == 0, "another section's task is left alone");

	/* Text typed between them moves only the second. */
	t = strstr(s, " Đề nghị");
	{
		char *s2 = xasprintf("%.*s Bổ sung ý kiến.%s", (int)(t - s), s, t);
		int64_t before = kt->src_start;

		ok(meeting_follow_edit(&m, "conclusions", s, s2),
		    "text typed between them");
		ok(kt->src_start == before, "the task above stays");
		check(ca, s2, "Đề nghị Công an phường tăng cường",
		    "the task below follows");
		free(s);
		s = s2;
	}

	/* Text typed below both moves nothing. */
	{
		char *s2 = xasprintf("%s Hết.", s);

		ok(!meeting_follow_edit(&m, "conclusions", s, s2),
		    "text typed below moves nothing");
		free(s);
		s = s2;
	}

	/* An edit inside a source span: its words are found again when
	 * they are still there (moved by a paste), else the span is lost. */
	{
		char *s2 = xasprintf("Đề nghị Công an phường tăng cường tuần "
		    "tra. Đầu tiên: %s", s);

		meeting_follow_edit(&m, "conclusions", s, s2);
		check(ca, s2, "Đề nghị Công an phường tăng cường",
		    "an edit touching it finds the words, nearest first");
		ok(ca->src_start > 0, "the nearer copy, not the first");
		free(s);
		s = s2;
	}
	{
		const char *kts = strstr(s, "Phòng Kinh tế");
		char *s2 = xasprintf("%.*sPhòng Tài chính%s", (int)(kts - s),
		    s, kts + strlen("Phòng Kinh tế"));

		ok(meeting_follow_edit(&m, "conclusions", s, s2),
		    "the words of a source rewritten");
		ok(kt->src_start == -1 && kt->src_end == -1,
		    "its span is marked unknown");
		meeting_follow_edit(&m, "conclusions", s2, s);
		ok(kt->src_start == -1 && kt->src_end == -1,
		    "an unknown span stays unknown");
		free(s2);
	}

	/* The whole text deleted. */
	ok(meeting_follow_edit(&m, "conclusions", s, ""), "all deleted");
	ok(ca->src_start == -1, "the span is unknown");
	free(s);
	meeting_free(&m);
	return tap_done();
}
