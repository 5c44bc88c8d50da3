/*
 * Unit tests of the three-way merge (core/merge.h), one function per
 * rule: what both instances started from (base), what this one has
 * (mine), what the other stored meanwhile (theirs).  Changes in
 * different places merge; the same change is taken once; different
 * changes to the same place keep both versions, visibly; nothing typed
 * on either side is ever dropped.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "tap.h"

/* merge_text of three strings: the result, and its conflicts in *n. */
static char *
merge3(const char *base, const char *mine, const char *theirs, size_t *n)
{
	struct buf out = BUF_INIT;

	*n = merge_text(base, strlen(base), mine, strlen(mine), theirs,
	    strlen(theirs), &out);
	return buf_steal(&out);
}

static void
is_merge(const char *base, const char *mine, const char *theirs,
    const char *want, size_t want_conflicts, const char *rule)
{
	size_t n;
	char *got = merge3(base, mine, theirs, &n);

	is_str(got, want, "%s", rule);
	is_int((intmax_t)n, (intmax_t)want_conflicts, "%s: %zu conflicts",
	    rule, want_conflicts);
	free(got);
}

/* The text of a conflict: before, mine's lines, then theirs' between
 * markers, then after. */
static char *
around(const char *before, const char *mine, const char *theirs,
    const char *after)
{
	return xasprintf("%s%s\n%s\n%s\n%s%s", before, mine, merge_mark_begin(),
	    theirs, merge_mark_end(), after);
}

static char *
both(const char *mine, const char *theirs)
{
	return around("", mine, theirs, "");
}

static void
test_one_side(void)
{
	is_merge("Khai mạc lúc 8 giờ.", "Khai mạc lúc 8 giờ 30.",
	    "Khai mạc lúc 8 giờ.", "Khai mạc lúc 8 giờ 30.", 0,
	    "a change made here only is taken");
	is_merge("Khai mạc lúc 8 giờ.", "Khai mạc lúc 8 giờ.",
	    "Khai mạc lúc 9 giờ.", "Khai mạc lúc 9 giờ.", 0,
	    "a change made there only is taken");
	is_merge("Một.", "Một. Hai.", "Một. Hai.", "Một. Hai.", 0,
	    "the same change on both sides is taken once");
	is_merge("", "", "", "", 0, "three empty texts");
}

static void
test_different_places(void)
{
	is_merge("Đoạn một.\nĐoạn hai.\nĐoạn ba.\n",
	    "Đoạn một, sửa ở đây.\nĐoạn hai.\nĐoạn ba.\n",
	    "Đoạn một.\nĐoạn hai.\nĐoạn ba, sửa ở kia.\n",
	    "Đoạn một, sửa ở đây.\nĐoạn hai.\nĐoạn ba, sửa ở kia.\n", 0,
	    "edits to different paragraphs merge");
	is_merge("Chủ trì khai mạc. Các đại biểu thảo luận. Chủ trì kết luận.",
	    "Chủ trì khai mạc hội nghị. Các đại biểu thảo luận. Chủ trì kết "
	    "luận.",
	    "Chủ trì khai mạc. Các đại biểu thảo luận. Chủ trì kết luận và "
	    "giao nhiệm vụ.",
	    "Chủ trì khai mạc hội nghị. Các đại biểu thảo luận. Chủ trì kết "
	    "luận và giao nhiệm vụ.", 0,
	    "edits to different sentences of one paragraph merge");
	is_merge("a b c d e", "a X c d e", "a b c Y e", "a X c Y e", 0,
	    "edits with an unchanged word between them merge");
	is_merge("Một.\nHai.\nBa.\nBốn.", "Một.\nBa.\nBốn.",
	    "Một.\nHai.\nBa.\nBốn, thêm.", "Một.\nBa.\nBốn, thêm.", 0,
	    "a line deleted here, another edited there");
}

static void
test_same_place(void)
{
	char *want;

	want = both("Hội nghị họp lúc 8 giờ.", "Hội nghị họp lúc 9 giờ.");
	is_merge("Hội nghị họp lúc 7 giờ.", "Hội nghị họp lúc 8 giờ.",
	    "Hội nghị họp lúc 9 giờ.", want, 1,
	    "the same word changed differently keeps both lines, mine first");
	free(want);
	want = both("Kết luận. Thêm ở đây.", "Kết luận. Thêm ở kia.");
	is_merge("Kết luận.", "Kết luận. Thêm ở đây.", "Kết luận. Thêm ở kia.",
	    want, 1, "two texts typed at the same place keep both");
	free(want);
	want = both("a X", "a b Y");
	is_merge("a b", "a X", "a b Y", want, 1,
	    "changes with nothing unchanged between them conflict");
	free(want);
	want = around("Một.\n", "Ba.", "Hai.\nBa, thêm.", "");
	is_merge("Một.\nHai.\nBa.", "Một.\nBa.", "Một.\nHai.\nBa, thêm.",
	    want, 1, "a line deleted here next to one edited there conflict");
	free(want);
}

static void
test_conflict_lines(void)
{
	char *want = around("Một.\n", "Hai, sửa ở đây.", "Hai, sửa ở kia.",
	    "\nBa, sửa ở đây.\nBốn.");

	is_merge("Một.\nHai.\nBa.\nBốn.",
	    "Một.\nHai, sửa ở đây.\nBa, sửa ở đây.\nBốn.",
	    "Một.\nHai, sửa ở kia.\nBa.\nBốn.", want, 1,
	    "a conflict keeps whole lines; the lines around merge as usual");
	free(want);
}

/* The other side's version of a conflicting line is its line as it was
 * written there: a word this side changed elsewhere on the line (merged
 * into this side's version) is not put into it. */
static void
test_conflict_theirs_as_written(void)
{
	char *want = both("Đề nghị hỗ trợ kinh phí.",
	    "Đề nghị hỗ trợ mặt bằng sạch.");
	char *want2 = around("Một.\n", "Hai từ, ba sáu.", "Hai chữ, ba bảy.",
	    "\nNăm.");

	is_merge("Đề nghị hỗ trợ mặt bằng.", "Đề nghị hỗ trợ kinh phí.",
	    "Đề nghị hỗ trợ mặt bằng sạch.", want, 1,
	    "theirs' line is kept as written, not with mine's other word");
	is_merge("Một.\nHai chữ, ba bốn.\nNăm.", "Một.\nHai từ, ba sáu.\nNăm.",
	    "Một.\nHai chữ, ba bảy.\nNăm.", want2, 1,
	    "on a line in the middle too");
	free(want);
	free(want2);
	want = around("Nam\n", "says site dirty", "Nam said site ready", "");
	is_merge("Nam said site clean", "Nam\nsays site dirty",
	    "Nam said site ready", want, 1,
	    "theirs' whole line as written, where this side broke it");
	free(want);
	/* Each side changed its own words of a line: clean both ways. */
	is_merge("x luc 7 y", "Hi nghi hp nghi 7z ?", "Hi nghi hp luc 7z ?",
	    "Hi nghi hp nghi 7z ?", 0, "one side's change only: no conflict");
	is_merge("x luc 7 y", "Hi nghi hp luc 7z ?", "Hi nghi hp nghi 7z ?",
	    "Hi nghi hp nghi 7z ?", 0, "nor with the sides swapped");
}

/* Nothing typed on either side is lost, even when every word differs:
 * the work stops at its bound and the versions are kept side by side. */
static void
test_rewritten(void)
{
	struct buf o = BUF_INIT, m = BUF_INIT, t = BUF_INIT, out = BUF_INIT;
	size_t n;

	for (int i = 0; i < 60000; i++) {
		buf_printf(&o, "w%d ", i);
		buf_printf(&m, "m%d ", i * 7 % 60000);
		buf_printf(&t, "t%d ", i * 13 % 60000);
	}
	n = merge_text(o.s, o.len, m.s, m.len, t.s, t.len, &out);
	ok(n >= 1, "two rewritten versions conflict (%zu)", n);
	ok(strstr(out.s, m.s) != NULL && strstr(out.s, t.s) != NULL,
	    "and both are kept whole");
	buf_free(&o);
	buf_free(&m);
	buf_free(&t);
	buf_free(&out);
}

/* A long text with edits far apart merges, and only what changed moves. */
static void
test_long_text(void)
{
	struct buf o = BUF_INIT, m = BUF_INIT, t = BUF_INIT, want = BUF_INIT,
	    out = BUF_INIT;
	const char *para = "Đồng chí Bí thư chủ trì hội nghị, các đồng chí "
	    "trong Ban Thường vụ dự đủ; hội nghị thảo luận và thống nhất.\n";
	size_t n;

	for (int i = 0; i < 20000; i++) {
		buf_adds(&o, para);
		buf_adds(&m, i == 10 ? "Đoạn sửa ở đây.\n" : para);
		buf_adds(&t, i == 19990 ? "Đoạn sửa ở kia.\n" : para);
		buf_adds(&want, i == 10 ? "Đoạn sửa ở đây.\n" :
		    i == 19990 ? "Đoạn sửa ở kia.\n" : para);
	}
	n = merge_text(o.s, o.len, m.s, m.len, t.s, t.len, &out);
	ok(n == 0 && out.len == want.len && memcmp(out.s, want.s, want.len) == 0,
	    "a 2.5 MB text edited at both ends merges cleanly");
	buf_free(&o);
	buf_free(&m);
	buf_free(&t);
	buf_free(&want);
	buf_free(&out);
}

static void
test_utf8(void)
{
	size_t n;
	char *got = merge3("Nguyễn Văn A phát biểu.", "Nguyễn Văn Ánh phát biểu.",
	    "Nguyễn Văn Ấn phát biểu.", &n);

	ok(n == 1 && utf8_valid(got, strlen(got), NULL),
	    "a conflict inside Vietnamese words keeps valid UTF-8");
	free(got);
}

/* --- rows ----------------------------------------------------------------- */

static struct attendee
person(int64_t id, const char *name, enum presence p)
{
	return (struct attendee){ .id = id, .name = (char *)name,
	    .role = ROLE_MEMBER, .presence = p };
}

/* The names of the merged rows, with their ids, for comparison. */
static char *
names(const struct attendee *v, size_t n)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%lld:%s%s", i ? " " : "", (long long)v[i].id,
		    v[i].name, v[i].presence == PRES_ABSENT ? "(absent)" : "");
	return buf_steal(&b);
}

/* True if s starts a row of a written roster: digits, then ':'. */
static bool
row_start(const char *s)
{
	if (!isdigit((unsigned char)*s))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	return *s == ':';
}

/* A roster written as names() writes one ("1:An 2:Bình(absent) 0:Mới",
 * 0 for a row not stored yet) read into v, members all; the names are
 * malloc'd. */
static size_t
roster(const char *s, struct attendee *v, size_t max)
{
	size_t n = 0;

	while (*s && n < max) {
		char *name;
		const char *next;
		long long id = strtoll(s, &name, 10);
		size_t len;

		name++;		/* the ':' */
		for (next = name; *next; next++)
			if (*next == ' ' && row_start(next + 1))
				break;
		len = (size_t)(next - name);
		v[n] = person(id, NULL, PRES_PRESENT);
		if (len >= 8 && strncmp(name + len - 8, "(absent)", 8) == 0) {
			v[n].presence = PRES_ABSENT;
			len -= 8;
		}
		v[n].name = xstrndup(name, len);
		n++;
		s = *next ? next + 1 : next;
	}
	return n;
}

/* Merges the rosters mine and theirs made from base, all three written
 * as names() writes one; the result is want, with merged rows merged and
 * kept_both kept twice. */
static void
is_roster(const char *base, const char *mine, const char *theirs,
    const char *want, size_t merged, size_t kept_both, const char *rule)
{
	struct attendee o[8], m[8], t[8], *out;
	size_t no = roster(base, o, 8), nm = roster(mine, m, 8);
	size_t nt = roster(theirs, t, 8), n;
	struct merge_count c = { 0, 0 };
	char *got;

	merge_attendees(o, no, m, nm, t, nt, &out, &n, &c);
	got = names(out, n);
	is_str(got, want, "%s", rule);
	ok(c.merged == merged && c.both == kept_both,
	    "%s: %zu merged, %zu kept twice (got %zu, %zu)", rule, merged,
	    kept_both, c.merged, c.both);
	free(got);
	for (size_t i = 0; i < n; i++)
		attendee_free(&out[i]);
	free(out);
	for (size_t i = 0; i < no; i++)
		free(o[i].name);
	for (size_t i = 0; i < nm; i++)
		free(m[i].name);
	for (size_t i = 0; i < nt; i++)
		free(t[i].name);
}

static void
test_roster(void)
{
	is_roster("1:An 2:Bình 3:Cường", "1:An (sửa) 2:Bình 3:Cường",
	    "1:An 2:Bình 3:Cường(absent)", "1:An (sửa) 2:Bình 3:Cường(absent)",
	    1, 0, "rows changed on different sides merge");
	is_roster("1:An 2:Bình 3:Cường", "1:An 2:Bình (đây) 3:Cường",
	    "1:An 2:Bình(absent) 3:Cường", "1:An 2:Bình (đây)(absent) 3:Cường",
	    1, 0, "one row changed in different fields merges");
	is_roster("1:An 2:Bình 3:Cường", "1:An 2:Bình (đây) 3:Cường",
	    "1:An 2:Bình (kia) 3:Cường",
	    "1:An 2:Bình (kia) 0:Bình (đây) 3:Cường", 0, 1,
	    "the same field changed differently keeps both rows, the other's "
	    "under its id");
	is_roster("1:An 2:Bình 3:Cường", "1:An 2:Bình 0:Mới",
	    "1:An 2:Bình 3:Cường 9:Dũng", "1:An 2:Bình 0:Mới 9:Dũng", 1, 0,
	    "rows added on both sides are all kept; one deleted there goes");
}

static void
test_roster_deleted(void)
{
	is_roster("1:An 2:Bình", "1:An 2:Bình (sửa)", "1:An",
	    "1:An 0:Bình (sửa)", 0, 1,
	    "deleted there but changed here: kept, as a new row");
	is_roster("1:An 2:Bình", "1:An", "1:An 2:Bình (sửa)",
	    "1:An 2:Bình (sửa)", 0, 1, "deleted here but changed there: kept");
	is_roster("1:An 2:Bình", "1:An", "1:An 2:Bình", "1:An", 0, 0,
	    "deleted here and untouched there: gone");
}

static struct action
task(int64_t id, const char *what, enum act_status st)
{
	return (struct action){ .id = id, .task = (char *)what, .status = st,
	    .base_status = st };
}

static void
test_tasks(void)
{
	struct action o[] = { task(1, "Rà soát", ACT_OPEN) }, m[1], t[1];
	struct merge_count c = { 0, 0 };
	struct action *out;
	size_t n;

	m[0] = o[0];
	t[0] = o[0];
	m[0].task = "Rà soát chỉ tiêu";
	t[0].status = ACT_DONE;
	merge_actions(o, 1, m, 1, t, 1, &out, &n, &c);
	ok(n == 1 && out[0].id == 1 && strcmp(out[0].task,
	    "Rà soát chỉ tiêu") == 0 && out[0].status == ACT_DONE &&
	    c.both == 0, "a task marked done elsewhere while its words were "
	    "edited here: one row with both");
	for (size_t i = 0; i < n; i++)
		action_free(&out[i]);
	free(out);
	m[0] = o[0];
	m[0].status = ACT_DROPPED;
	merge_actions(o, 1, m, 1, t, 1, &out, &n, &c);
	ok(n == 1 && out[0].status == ACT_DROPPED && c.both == 0,
	    "a status changed on both sides: this side's, not a conflict");
	for (size_t i = 0; i < n; i++)
		action_free(&out[i]);
	free(out);
}

static void
test_fields(void)
{
	char *o[F_NFIELDS] = { 0 }, *m[F_NFIELDS] = { 0 }, *t[F_NFIELDS] = { 0 };
	char *out[F_NFIELDS];
	struct merge_count c = { 0, 0 };

	o[F_TITLE] = m[F_TITLE] = t[F_TITLE] = "Giao ban";
	o[F_PLACE] = m[F_PLACE] = "Hội trường";
	t[F_PLACE] = "Phòng họp số 2";
	o[F_CHAIR] = t[F_CHAIR] = "An";
	m[F_CHAIR] = "Bình";
	o[F_DATE] = "2025-01-01";
	m[F_DATE] = "2025-01-02";
	t[F_DATE] = "2025-01-03";
	merge_fields(o, m, t, out, &c);
	is_str(out[F_PLACE], "Phòng họp số 2", "a field changed there is taken");
	is_str(out[F_CHAIR], "Bình", "a field changed here is kept");
	is_str(out[F_DATE], "2025-01-02",
	    "a field changed on both sides keeps this side's value");
	ok(c.both == 1 && c.merged == 1, "and it is counted (%zu, %zu)",
	    c.merged, c.both);
	for (int f = 0; f < F_NFIELDS; f++)
		free(out[f]);
}

int
main(void)
{
	test_one_side();
	test_different_places();
	test_same_place();
	test_conflict_lines();
	test_conflict_theirs_as_written();
	test_rewritten();
	test_long_text();
	test_utf8();
	test_roster();
	test_roster_deleted();
	test_tasks();
	test_fields();
	return tap_done();
}
