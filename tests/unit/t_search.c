/*
 * Unit tests of search: query parsing (phrases, prefixes, refusals), the
 * FTS5 text built from it (every phrase quoted, so user text is never
 * syntax), finding phrases in text with folding, snippets that fit their
 * width, and the index kept in step by every write function of the store:
 * after each save the new words are found and the old ones are not.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/search.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "store/store.h"
#include "tap.h"
#include "tdb.h"
#include "tmeet.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* The ids of the hits for text, as "1 2 3"; "ERR" on failure. */
static char *
hits(struct store *s, const char *text)
{
	struct search_query q;
	struct search_hit *v;
	struct buf b = BUF_INIT;
	struct err e;
	size_t n;

	if (search_query_parse(text, 0, &q, &e))
		return xstrdup("ERR");
	if (store_search(s, &q, 50, &v, &n, &e)) {
		search_query_free(&q);
		return xstrdup("ERR");
	}
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? " " : "", (long long)v[i].id);
	store_search_hits_free(v, n);
	search_query_free(&q);
	return buf_steal(&b);
}

static void
is_hits(struct store *s, const char *query, const char *want, const char *name)
{
	char *got = hits(s, query);

	is_str(got, want, "%s", name);
	free(got);
}

/* Words, a phrase and a prefix; the FTS5 text built from them. */
static void
test_parse(void)
{
	struct search_query q;
	struct err e;
	char *f;

	if (!ok(search_query_parse("Đảng viên  \"giám sát\" dân*", 0, &q,
	    &e) == 0, "parse: words, a phrase, a prefix"))
		return;
	if (is_int((intmax_t)q.n, 4, "four phrases")) {
		is_str(q.ph[0].tok[0], "dang", "đ folded to d");
		is_str(q.ph[2].raw, "giám sát", "a quoted phrase keeps its words");
		is_int((intmax_t)q.ph[2].ntok, 2, "a phrase has two words");
		ok(q.ph[3].prefix && !q.ph[0].prefix,
		    "a trailing * makes a prefix");
	}
	f = search_query_fts(&q, "{a}", false, false);
	is_str(f, "{a}: \"dang\" AND {a}: \"vien\" AND {a}: \"giam sat\" AND "
	    "{a}: \"dan\" *", "folded FTS text");
	free(f);
	f = search_query_fts(&q, "{a}", true, true);
	is_str(f, "{a}: \"Đảng viên giám sát dân\" *", "exact FTS text, whole");
	free(f);
	search_query_free(&q);
}

/* Where phrases begin and end. */
static void
test_parse_bounds(void)
{
	struct search_query q;
	struct err e;

	if (ok(search_query_parse("NĐ-CP", 0, &q, &e) == 0, "parse NĐ-CP")) {
		ok(q.n == 1 && q.ph[0].ntok == 2,
		    "punctuation inside a word splits it, one phrase");
		search_query_free(&q);
	}
	if (ok(search_query_parse("a\"b OR c\"", 0, &q, &e) == 0,
	    "parse a quote inside a word")) {
		ok(q.n == 2, "a quote inside a word starts a phrase");
		search_query_free(&q);
	}
	if (ok(search_query_parse("tổ chức", SEARCH_PREFIX_LAST, &q, &e) == 0,
	    "parse with SEARCH_PREFIX_LAST")) {
		ok(q.n == 2 && q.ph[1].prefix && !q.ph[0].prefix,
		    "SEARCH_PREFIX_LAST makes the last word a prefix");
		search_query_free(&q);
	}
	if (ok(search_query_parse("tổ chức ", SEARCH_PREFIX_LAST, &q, &e) == 0,
	    "parse with a space typed last")) {
		ok(q.n == 2 && !q.ph[1].prefix, "no prefix once a space is typed");
		search_query_free(&q);
	}
	if (ok(search_query_parse("“Dân vận khéo”", 0, &q, &e) == 0,
	    "parse typographic quotes")) {
		ok(q.n == 1 && q.ph[0].ntok == 3,
		    "typographic quotes make one phrase");
		search_query_free(&q);
	}
}

/* Queries refused, each with one line that says why. */
static void
test_parse_refused(void)
{
	struct search_query q;
	struct buf b = BUF_INIT;
	struct err e;
	char *f;

	is_int(search_query_parse("\"open", 0, &q, &e), ERR_INPUT,
	    "unbalanced quote");
	ok(strstr(e.msg, "never closed") != NULL, "says so: %s", e.msg);
	is_int(search_query_parse("( ) * : ^", 0, &q, &e), ERR_INPUT,
	    "only syntax");
	is_int(search_query_parse("", 0, &q, &e), ERR_INPUT, "empty");
	is_int(search_query_parse("a\xff", 0, &q, &e), ERR_INPUT,
	    "invalid UTF-8");
	for (int i = 0; i < SEARCH_MAX_PHRASES + 1; i++)
		buf_printf(&b, "w%d ", i);
	is_int(search_query_parse(buf_str(&b), 0, &q, &e), ERR_INPUT,
	    "too many phrases");
	buf_free(&b);
	if (!ok(search_query_parse("\"say \"\"hi\"\"\"", 0, &q, &e) == 0,
	    "doubled quotes are just empty phrases"))
		return;
	f = search_query_fts(&q, "{a}", true, false);
	ok(strchr(f, '(') == NULL, "FTS text: %s", f);
	free(f);
	search_query_free(&q);
}

/* search_fold folds as utf8_fold does, and đ to d. */
static void
test_fold(void)
{
	static const char *const samples[] = {
		"Đỗ Minh Đức", "ĐẢNG VIÊN", "Nghị định 30/2020/NĐ-CP",
		"Ủy ban MTTQ", "Phú Hòa Đông Nam", "plain ASCII Text",
		"De\xcc\x82\xcc\x81 xua\xcc\x82\xcc\x81t",	/* decomposed "Đề xuất"-like */
		"Straße İstanbul ǅemal", "“Dân vận khéo” – 92,3%",
	};
	size_t bad = 0;

	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		const char *t = samples[i];
		char *a = search_fold(t, strlen(t)), *b = utf8_fold(t, strlen(t));

		if (strcmp(a, b) != 0) {
			printf("#   %s: \"%s\" vs \"%s\"\n", t, a, b);
			bad++;
		}
		free(a);
		free(b);
	}
	is_int((intmax_t)bad, 0, "search_fold folds as utf8_fold does");
	{
		char *f = search_fold("Đỗ Minh Đức", strlen("Đỗ Minh Đức"));

		is_str(f, "do minh duc", "đ/Đ folded to d");
		free(f);
	}
}

static const char TEXT[] = "Đồng chí Đỗ Minh Đức, Bí thư Đoàn phường, đề "
    "nghị tăng cường công tác giám sát đảng viên ở khu dân cư; đồng thời "
    "báo cáo kết quả về Thường trực Đảng ủy trước ngày 15/12.";

/* Phrases are counted in text, folded, as whole words. */
static void
test_count(void)
{
	struct search_query q;
	struct err e;

	if (!ok(search_query_parse("do minh duc", 0, &q, &e) == 0, "parse"))
		return;
	is_int((intmax_t)search_count(TEXT, strlen(TEXT), &q), 6,
	    "three words found, and together: counted twice");
	search_query_free(&q);
	if (!ok(search_query_parse("giam*", 0, &q, &e) == 0, "parse a prefix"))
		return;
	is_int((intmax_t)search_count(TEXT, strlen(TEXT), &q), 1,
	    "prefix found");
	search_query_free(&q);
	if (!ok(search_query_parse("dan", 0, &q, &e) == 0, "parse a word"))
		return;
	is_int((intmax_t)search_count("Dân vận", 7, &q), 1, "whole words");
	is_int((intmax_t)search_count("dândân", strlen("dândân"), &q), 0,
	    "not inside a word");
	search_query_free(&q);
}

/* A snippet marks the match and fits its width. */
static void
test_snippet(void)
{
	struct search_query q;
	struct buf b = BUF_INIT;
	struct err e;

	if (!ok(search_query_parse("do minh duc", 0, &q, &e) == 0, "parse"))
		return;
	search_snippet(&b, TEXT, &q, 60, "[", "]");
	is_str(buf_str(&b), "Đồng chí [Đỗ Minh Đức], Bí thư Đoàn phường, đề nghị "
	    "tăng…", "snippet: adjacent matches share one mark");
	ok(utf8_width(b.s, b.len) <= 60, "snippet fits 60 columns");
	search_query_free(&q);
	if (!ok(search_query_parse("dang vien", 0, &q, &e) == 0, "parse")) {
		buf_free(&b);
		return;
	}
	buf_reset(&b);
	search_snippet(&b, TEXT, &q, 40, "»", "«");
	ok(strstr(buf_str(&b), "»đảng viên«") != NULL,
	    "the words together are shown: %s", buf_str(&b));
	ok(strncmp(buf_str(&b), "…", 3) == 0, "cut at the start is marked");
	ok(utf8_width(b.s, b.len) <= 40, "fits 40 columns (%zu)",
	    utf8_width(b.s, b.len));
	search_query_free(&q);
	buf_free(&b);
}

/* Control characters never reach the terminal, and every width holds. */
static void
test_snippet_controls(void)
{
	struct search_query q;
	struct buf b = BUF_INIT;
	struct err e;
	size_t bad = 0;

	if (!ok(search_query_parse("x", 0, &q, &e) == 0, "parse"))
		return;
	for (size_t w = 8; w < 50; w++) {
		buf_reset(&b);
		search_snippet(&b, "a\x1b[31m x \t\x07 y\n\nzzzzzzzzzzzz"
		    "zzzzzzzzzzzzzzzzzzzz x x x x x x x x x", &q, w, "»", "«");
		if (utf8_width(b.s, b.len) > w || strchr(buf_str(&b), '\x1b') ||
		    strchr(buf_str(&b), '\n') || strchr(buf_str(&b), '\a'))
			bad = w;
	}
	is_int((intmax_t)bad, 0, "snippets fit every width from 8 to 49, "
	    "control characters escaped");
	search_query_free(&q);
	buf_free(&b);
}

static void
fill(struct meeting *m, const char *title, const char *text)
{
	tm_meeting(m, title, "2025-12-15");
	meeting_set(m, F_ORGANISATION, "Quận ủy Ngô Quyền");
	tm_attendee(m, "Trịnh Quang Trường", NULL)->role = ROLE_CHAIR;
	meeting_section_set(m, "results", text);
	tm_action(m, "Hội Nông dân", "Rà soát hội viên", NULL);
}

/* Two meetings, one with "đảng viên" and one with "đang viên"; false
 * after saying why not. */
static bool
two_meetings(struct tdb *t, struct meeting *m, struct meeting *m2,
    const char *what)
{
	struct err e;

	if (!tdb_open(t, what))
		return false;
	fill(m, "Giao ban quý IV", "Kết nạp đảng viên mới.");
	fill(m2, "Giao ban tháng 12", "Số đang viên ít.");
	if (ok(store_meeting_insert(t->s, m, &e) == 0 &&
	    store_meeting_insert(t->s, m2, &e) == 0, "%s: set-up: insert", what))
		return true;
	printf("# %s\n", e.msg);
	meeting_free(m);
	meeting_free(m2);
	tdb_close(t);
	return false;
}

/* An insert indexes every part; diacritics as typed rank first. */
static void
test_index_insert(void)
{
	struct tdb t;
	struct meeting m, m2;
	char want[64];

	if (!two_meetings(&t, &m, &m2, "index at insert"))
		return;
	snprintf(want, sizeof want, "%lld %lld", (long long)m.id,
	    (long long)m2.id);
	is_hits(t.s, "đảng viên", want, "exact diacritics first");
	snprintf(want, sizeof want, "%lld %lld", (long long)m2.id,
	    (long long)m.id);
	is_hits(t.s, "đang viên", want, "and the other way round");
	is_hits(t.s, "trinh quang truong", "2 1",
	    "roster indexed at insert (ties: newest first)");
	is_hits(t.s, "hoi nong dan", "2 1",
	    "tasks indexed at insert (ties: newest first)");
	is_hits(t.s, "ngo quyen", "2 1",
	    "header indexed at insert (ties: newest first)");
	meeting_free(&m);
	meeting_free(&m2);
	tdb_close(&t);
}

/* Each write function keeps the index in step: after it, the new words
 * are found and the old ones are not. */
static void
test_index_texts(void)
{
	const char *keys[] = { "conclusions" };
	struct tdb t;
	struct meeting m, m2;
	struct err e;

	if (!two_meetings(&t, &m, &m2, "index of texts"))
		return;
	ok(store_section_save(t.s, m.id, "results", "Phong trào Dân vận khéo.",
	    &e) == 0, "section save");
	is_hits(t.s, "dan van kheo", "1", "section save: the new words are found");
	is_hits(t.s, "ket nap", "", "section save: the old words are gone");
	meeting_section_set(&m, "conclusions", "Tổ chức tổng kết thi đua.");
	meeting_set(&m, F_PLACE, "Nhà văn hóa Lạch Tray");
	ok(store_meeting_save_texts(t.s, &m, keys, 1, &e) == 0, "save texts");
	is_hits(t.s, "tong ket thi dua", "1", "save texts: the section");
	is_hits(t.s, "lach tray", "1", "save texts: the header");
	meeting_set(&m, F_TITLE, "Hội nghị bất thường");
	ok(store_meeting_save_header(t.s, &m, &e) == 0, "save header");
	is_hits(t.s, "bat thuong", "1", "save header: the new title");
	is_hits(t.s, "\"giao ban quý IV\"", "",
	    "save header: the old title is gone");
	meeting_free(&m);
	meeting_free(&m2);
	tdb_close(&t);
}

static void
test_index_rows(void)
{
	struct tdb t;
	struct meeting m, m2;
	struct err e;

	if (!two_meetings(&t, &m, &m2, "index of rows"))
		return;
	tm_set(&m.att[0].name, "Đoàn Văn Đạt");
	ok(store_attendees_save(t.s, &m, &e) == 0, "attendees save");
	is_hits(t.s, "doan van dat", "1", "attendees save: the new name");
	is_hits(t.s, "trinh quang truong", "2",
	    "attendees save: the old name is gone");
	tm_set(&m.act[0].task, "Phát triển hội viên trẻ");
	ok(store_actions_save(t.s, &m, &e) == 0, "actions save");
	is_hits(t.s, "hoi vien tre", "1", "actions save: the new task");
	is_hits(t.s, "\"ra soat hoi vien\"", "2",
	    "actions save: the old task is gone");
	ok(store_search_rebuild(t.s, &e) == 0, "rebuild");
	is_hits(t.s, "hoi vien tre", "1", "rebuild keeps what was found");
	ok(store_search_size(t.s) != 0, "index size known or -1");
	meeting_free(&m);
	meeting_free(&m2);
	tdb_close(&t);
}

int
main(void)
{
	test_parse();
	test_parse_bounds();
	test_parse_refused();
	test_fold();
	test_count();
	test_snippet();
	test_snippet_controls();
	test_index_insert();
	test_index_texts();
	test_index_rows();
	return tap_done();
}
