/*
 * Unit tests of action-item extraction: every case of
 * tests/extract/items.tsv (a reference date, a language, a text, then one
 * "> ASSIGNEE <tab> TASK <tab> DEADLINE_TEXT <tab> DUE" line per item, "-"
 * for none), byte spans on precomposed and decomposed input, bad rules
 * reported while the others work, invalid UTF-8, and precision and recall
 * over the full meeting texts in tests/extract/meetings/.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases.h"
#include "extract/extract.h"
#include "extract/extract_int.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "tap.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

static char *rules_dirs[] = { TESTS_SRCDIR "/../share/rules", NULL };

static bool
same(const char *got, const char *want)
{
	want = case_opt(want);
	return (got == NULL && want == NULL) ||
	    (got && want && strcmp(got, want) == 0);
}

static bool
item_is(const struct extract_item *it, const struct case_line *w)
{
	char due[11] = "-";

	if (it->has_due)
		cal_format_iso(it->due, due);
	return w->nf >= 4 && same(it->assignee, w->f[0]) &&
	    same(it->task, w->f[1]) && same(it->deadline_text, w->f[2]) &&
	    strcmp(due, w->f[3]) == 0;
}

static void
show(const char *tag, const struct extract_item *it)
{
	char due[11] = "-";

	if (it->has_due)
		cal_format_iso(it->due, due);
	printf("#   %s %s\t%s\t%s\t%s\n", tag, it->assignee ? it->assignee : "-",
	    it->task, it->deadline_text ? it->deadline_text : "-", due);
}

static void
items_file(struct extractor *vi, struct extractor *en)
{
	struct test_case *tc;
	long n = cases_read(TESTS_SRCDIR "/extract/items.tsv", &tc);
	long nitems = 0;
	struct err e;

	ok(n >= 100, "items.tsv has %ld cases", n);
	for (long i = 0; i < n; i++) {
		struct test_case *c = &tc[i];
		struct extract_item *it = NULL;
		size_t ni = 0;
		struct ymd ref;
		bool good;
		char hb[72];

		if (c->head.nf < 3 || !cal_parse_iso(c->head.f[0], &ref)) {
			ok(0, "items.tsv:%d: malformed case", c->head.lineno);
			continue;
		}
		extract_items(strcmp(c->head.f[1], "en") == 0 ? en : vi,
		    c->head.f[2], strlen(c->head.f[2]), ref, &it, &ni, &e);
		good = ni == c->nexpect;
		for (size_t j = 0; good && j < ni; j++)
			good = item_is(&it[j], &c->expect[j]);
		ok(good, "items.tsv:%d: %s", c->head.lineno,
		    case_name(c->head.f[2], hb));
		if (!good) {
			for (size_t j = 0; j < ni; j++)
				show("got: ", &it[j]);
			for (size_t j = 0; j < c->nexpect; j++)
				printf("#   want: %s\t%s\t%s\t%s\n",
				    c->expect[j].f[0], c->expect[j].nf > 1 ? c->expect[j].f[1] : "?",
				    c->expect[j].nf > 2 ? c->expect[j].f[2] : "?",
				    c->expect[j].nf > 3 ? c->expect[j].f[3] : "?");
		}
		nitems += (long)c->nexpect;
		extract_items_free(it, ni);
	}
	ok(nitems >= 150, "items.tsv expects %ld items (at least 150)", nitems);
	cases_free(tc, (size_t)(n > 0 ? n : 0));
}

/* Reads a whole file into a new string; NULL if it cannot. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text;

	if (f == NULL)
		return NULL;
	text = xmalloc(1 << 16);
	*len = fread(text, 1, (1 << 16) - 1, f);
	text[*len] = '\0';
	fclose(f);
	return text;
}

/* Scores one meeting: its items against the expected ones; counts into
 * got, want and right.  False if its files cannot be read. */
static bool
meeting(struct extractor *vi, struct extractor *en, const char *name,
    long *got, long *want, long *right)
{
	char *tp = xasprintf("%s/extract/meetings/%s.txt", TESTS_SRCDIR, name);
	char *ep = xasprintf("%s/extract/meetings/%s.expected", TESTS_SRCDIR, name);
	struct test_case *tc = NULL;
	long n = cases_read(ep, &tc), r = 0;
	size_t len = 0, ni = 0;
	char *text = slurp(tp, &len);
	struct extract_item *it = NULL;
	struct ymd ref;
	struct err e;

	free(tp);
	free(ep);
	if (n < 1 || !text || !cal_parse_iso(tc[0].head.f[0], &ref)) {
		free(text);
		cases_free(tc, (size_t)(n > 0 ? n : 0));
		return false;
	}
	extract_items(strcmp(tc[0].head.f[1], "en") == 0 ? en : vi, text,
	    len, ref, &it, &ni, &e);
	for (long j = 1; j < n; j++) {
		bool found = false;

		for (size_t k = 0; k < ni && !found; k++)
			found = item_is(&it[k], &tc[j].head);
		if (found)
			r++;
		else
			printf("#   %s: missed %s\t%s\n", name, tc[j].head.f[0],
			    tc[j].head.nf > 1 ? tc[j].head.f[1] : "");
	}
	for (size_t k = 0; k < ni; k++) {
		bool found = false;

		for (long j = 1; j < n && !found; j++)
			found = item_is(&it[k], &tc[j].head);
		if (!found)
			show("extra:", &it[k]);
	}
	printf("# %s: %zu found, %ld expected, %ld right\n", name, ni, n - 1, r);
	*got += (long)ni;
	*want += n - 1;
	*right += r;
	extract_items_free(it, ni);
	cases_free(tc, (size_t)n);
	free(text);
	return true;
}

/* Precision and recall over whole meetings: an item counts as right
 * only when assignee, task, deadline text and due all agree. */
static void
meetings(struct extractor *vi, struct extractor *en)
{
	static const char *const names[] = {
		"giaoban-quy3", "khoi-danvan", "liaison-en", "parents-council", NULL
	};
	long got = 0, want = 0, right = 0;

	for (int m = 0; names[m]; m++)
		if (!meeting(vi, en, names[m], &got, &want, &right))
			ok(0, "meeting %s readable", names[m]);
	printf("# meetings: precision %.3f, recall %.3f\n",
	    got ? (double)right / got : 0.0, want ? (double)right / want : 0.0);
	ok(want >= 25, "meetings expect %ld items", want);
	ok(got > 0 && right * 10 >= got * 9, "precision over meetings >= 0.9 "
	    "(%ld of %ld)", right, got);
	ok(want > 0 && right * 10 >= want * 9, "recall over meetings >= 0.9 "
	    "(%ld of %ld)", right, want);
}

/* Spans refer to the input as given, also when it is not NFC. */
static void
spans(struct extractor *vi)
{
	const char *nfc = "Mở đầu. Đề nghị Hội Phụ nữ rà soát trước ngày 30/9.";
	/* The same with "ở", "ề", "ộ", "ụ", "ữ", "à", "á", "ớ" decomposed. */
	const char *nfd = "Mo\xcc\x9b\xcc\x89 \xc4\x91" "a\xcc\x82\xcc\x80u. "
	    "\xc4\x90" "e\xcc\x82\xcc\x80 nghi\xcc\xa3 Ho\xcc\x82\xcc\xa3i "
	    "Phu\xcc\xa3 nu\xcc\x9b\xcc\x83 ra\xcc\x80 soa\xcc\x81t "
	    "tru\xcc\x9bo\xcc\x9b\xcc\x81" "c nga\xcc\x80y 30/9.";
	struct extract_item *it;
	struct extract_deadline *d;
	size_t n, nd;
	struct err e;
	struct ymd ref = { 2023, 9, 13 };

	extract_items(vi, nfc, strlen(nfc), ref, &it, &n, &e);
	ok(n == 1 && it[0].sentence == 2, "item in sentence 2");
	if (n == 1) {
		is_int((intmax_t)it[0].start, (intmax_t)(strstr(nfc, "Đề") - nfc),
		    "span starts at the cue");
		is_int((intmax_t)it[0].end, (intmax_t)(strstr(nfc, "30/9") + 4 - nfc),
		    "span ends with the clause");
	}
	extract_items_free(it, n);
	extract_items(vi, nfd, strlen(nfd), ref, &it, &n, &e);
	ok(n == 1, "decomposed input gives the same item");
	if (n == 1) {
		is_int((intmax_t)it[0].start, (intmax_t)(strstr(nfd, "\xc4\x90") - nfd),
		    "decomposed: span starts at the cue in the input");
		is_int((intmax_t)it[0].end, (intmax_t)(strstr(nfd, "30/9") + 4 - nfd),
		    "decomposed: span ends in the input");
		is_str(it[0].assignee, "Hội Phụ nữ", "decomposed: assignee in NFC");
		is_str(it[0].task, "rà soát", "decomposed: task in NFC");
	}
	extract_items_free(it, n);
	extract_deadlines(vi, nfd, strlen(nfd), ref, &d, &nd, &e);
	ok(nd == 1, "decomposed: one deadline");
	if (nd == 1) {
		ok(strncmp(nfd + d[0].start, "tru", 3) == 0 &&
		    strncmp(nfd + d[0].end - 4, "30/9", 4) == 0 &&
		    nfd[d[0].end] == '.',
		    "decomposed: deadline span in the input");
		ok(!utf8_is_nfc(d[0].text, strlen(d[0].text)),
		    "deadline text is the input's own bytes");
	}
	extract_deadlines_free(d, nd);
	ok(extract_items(vi, "Đề nghị \xff", strlen("Đề nghị \xff"), ref, &it, &n, &e) == ERR_INPUT &&
	    strstr(e.msg, "line 1") != NULL, "invalid UTF-8 is bad input: %s",
	    e.msg);
	ok(extract_items(vi, "", 0, ref, &it, &n, &e) == 0 && n == 0,
	    "empty text, no items");
	extract_items_free(it, n);
}

/* The one-pass check of plain text: valid UTF-8 that NFC leaves as it
 * is, whatever it holds; anything else takes the general route. */
static void
plain(void)
{
	static const struct {
		const char	*s;
		size_t		 n;
		bool		 plain;
		const char	*what;
	} v[] = {
		{ "Đề nghị Hội Phụ nữ rà soát – xong.", 0, true,
		    "Vietnamese letters and a dash" },
		{ "", 0, true, "nothing" },
		{ "a\0b", 3, false, "a NUL" },
		{ "abcdefghij\0klmnopqrs", 21, false, "a NUL in a long run" },
		{ "abcdefgh\0", 9, false, "a NUL after eight letters" },
		{ "Thirty-two letters of plain ASCII, in a row.", 0, true,
		    "a long run of ASCII" },
		{ "abcdefgh\xcc\x80", 0, false, "a mark after eight letters" },
		{ "ra\xcc\x80", 0, false, "a combining mark" },
		{ "\xe1\xba", 0, false, "a letter cut short" },
		{ "\xc4", 0, false, "a lead byte at the end" },
		{ "\xc0\xaf", 0, false, "an overlong form" },
		{ "\x80", 0, false, "a lone continuation byte" },
		{ "\xe1\xba\x41", 0, false, "a letter broken by ASCII" },
		{ "\xe2\x82\xac", 0, false, "the euro sign (valid, not listed)" },
		{ "\xe3\x81\x82", 0, false, "hiragana (valid, not listed)" },
		{ "\xf0\x9f\x98\x80", 0, false, "a character of four bytes" },
	};

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		size_t n = v[i].n ? v[i].n : strlen(v[i].s);

		ok(extract_plain(v[i].s, n) == v[i].plain, "plain %s: %s",
		    v[i].plain ? "yes" : "no", v[i].what);
		/* Never plain where the general route would object. */
		if (v[i].plain)
			ok(utf8_valid(v[i].s, n, NULL) && utf8_is_nfc(v[i].s, n),
			    "plain text is valid and NFC: %s", v[i].what);
	}
}

/* Hits sort by start, the longest first, and hits that tie keep the
 * order their rules gave them, in short lists and long ones alike. */
static void
hits_sort(void)
{
	for (size_t n = 5; n <= 45; n += 40) {
		struct hits h = { 0 };
		bool sorted = true, kept = true;

		/* Starts falling in threes, ends in pairs; flags number them. */
		for (size_t i = 0; i < n; i++) {
			struct hit x = { .s = 100 - i / 3, .e = 200 - i / 6,
			    .flags = (unsigned)i };

			extract_hits_add(&h, RT_DUE, &x);
		}
		extract_hits_sort_from(&h, RT_DUE, 0);
		for (size_t i = 1; i < h.n[RT_DUE]; i++) {
			const struct hit *a = &h.v[RT_DUE][i - 1],
			    *b = &h.v[RT_DUE][i];

			if (a->s > b->s || (a->s == b->s && a->e < b->e))
				sorted = false;
			if (a->s == b->s && a->e == b->e && a->flags > b->flags)
				kept = false;
		}
		ok(sorted, "%zu hits sorted by start, longest first", n);
		ok(kept, "%zu hits: ties keep their order", n);
		extract_hits_free(&h);
	}
}

/* Reading a pattern's source: where groups and classes close, and
 * whether a stretch has branches of its own. */
static void
pattern_source(void)
{
	static const struct {
		const char	*p;
		size_t		 at, close;
	} c[] = {
		{ "(a(b)c)d", 0, 7 }, { "(a(b)c)d", 2, 5 },
		{ "[[]x", 0, 3 }, { "[]a]b", 0, 4 }, { "[^]a]b", 0, 5 },
		{ "(a\\)b)c", 0, 6 }, { "(a[)]b)c", 0, 7 }, { "(ab", 0, 0 },
	};
	static const struct {
		const char	*p;
		bool		 alt;
	} a[] = {
		{ "(a|b)|c", true }, { "(a|b)c", false }, { "a\\|b", false },
		{ "[|]x", false }, { "x(?:y", true },
	};

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		is_int((intmax_t)extract_pat_close(c[i].p, strlen(c[i].p),
		    c[i].at), (intmax_t)c[i].close, "%s at %zu closes at %zu",
		    c[i].p, c[i].at, c[i].close);
	for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
		ok(extract_pat_has_alt(a[i].p, 0, strlen(a[i].p)) == a[i].alt,
		    "%s %s branches", a[i].p, a[i].alt ? "has" : "has no");
}

/* A sentence ends at '.', '!', '?' or '…' followed by a space, wherever
 * in a long line the mark falls. */
static void
sentence_ends(void)
{
	static const char *const marks[] = { ".", "!", "?", "\xe2\x80\xa6" };
	bool all = true;

	for (size_t m = 0; m < 4; m++)
		for (size_t k = 1; k < 24; k++) {
			struct buf b = BUF_INIT;
			size_t want;

			for (size_t i = 0; i < k; i++)
				buf_addc(&b, 'a' + (char)(i % 26));
			buf_adds(&b, marks[m]);
			want = b.len;
			buf_adds(&b, " Next words of the line");
			if (extract_sentence_end(b.s, 0, b.len, NULL) != want)
				all = false;
			buf_free(&b);
		}
	ok(all, "a sentence ends after each mark at every place in a line");
}

static void
write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(s, f);
		fclose(f);
	}
}

/* A directory of user rules beside the shipped ones: vi-local.rules
 * with one good cue, one good deadline and three bad lines, and an
 * en.rules of one rule. */
struct user_dir {
	char	 dir[32];
	char	*p1, *p2;
	char	*dirs[3];
};

static bool
user_dir_make(struct user_dir *u)
{
	strcpy(u->dir, "/tmp/minutes-rules.XXXXXX");
	if (mkdtemp(u->dir) == NULL)
		return false;
	u->p1 = xasprintf("%s/vi-local.rules", u->dir);
	u->p2 = xasprintf("%s/en.rules", u->dir);
	write_file(u->p1, "# local additions\n"
	    "cue i \\bnhờ\\b\n"
	    "verb i \\b(?:unclosed\n"
	    "frob - x\n"
	    "due.fortnight - abc\n"
	    "due.date - \\bhẹn (?<day>\\d+)/(?<month>\\d+)\n"
	    "cue - (a+)+$\n");
	write_file(u->p2, "modal in \\bto\\b\n");
	u->dirs[0] = u->dir;
	u->dirs[1] = rules_dirs[0];
	u->dirs[2] = NULL;
	return true;
}

static void
user_dir_remove(struct user_dir *u)
{
	unlink(u->p1);
	unlink(u->p2);
	rmdir(u->dir);
	free(u->p1);
	free(u->p2);
}

/* Each bad line is reported with its file, line and what is wrong. */
static void
bad_rules_reported(const struct extractor *x)
{
	const char *msg = extract_problem(x, 0);

	ok(msg && strstr(msg, "vi-local.rules:3:") && strstr(msg, "offset") &&
	    strstr(msg, "missing closing parenthesis"),
	    "bad pattern: file, line, offset, PCRE2's message: %s",
	    msg ? msg : "(none)");
	msg = extract_problem(x, 1);
	ok(msg && strstr(msg, ":4:") && strstr(msg, "frob"),
	    "unknown type reported: %s", msg ? msg : "(none)");
	msg = extract_problem(x, 2);
	ok(msg && strstr(msg, ":5:") && strstr(msg, "fortnight"),
	    "unknown kind reported: %s", msg ? msg : "(none)");
	ok(extract_problem(x, 3) == NULL, "three problems, no more");
}

/* The user's good rules work beside the shipped ones. */
static void
user_rules_work(struct extractor *x)
{
	const char *t = "Nhờ Hội Phụ nữ rà soát hẹn 20/9.";
	struct ymd ref = { 2023, 9, 13 };
	struct extract_item *it;
	struct err e;
	size_t n;

	extract_items(x, t, strlen(t), ref, &it, &n, &e);
	ok(n == 1 && it[0].assignee && strcmp(it[0].assignee, "Hội Phụ nữ") == 0 &&
	    it[0].has_due && it[0].due.m == 9 && it[0].due.d == 20,
	    "added cue and deadline rules work beside the shipped ones");
	extract_items_free(it, n);
}

/* (a+)+$ on a long run of a's followed by b backtracks exponentially:
 * the match limit must stop it. */
static void
match_limit(struct extractor *x)
{
	struct ymd ref = { 2023, 9, 13 };
	struct extract_item *it;
	struct err e;
	size_t n;
	char *t = xmalloc(20001);

	memset(t, 'a', 20000);
	t[19999] = 'b';
	t[20000] = '\0';
	ok(extract_items(x, t, 20000, ref, &it, &n, &e) == 0,
	    "a catastrophic pattern is stopped by the match limit");
	extract_items_free(it, n);
	ok(extract_limit_hits(x) > 0 && extract_warning(x, 0) &&
	    strstr(extract_warning(x, 0), "vi-local.rules:7:") &&
	    extract_warning(x, 1) == NULL,
	    "the limit is counted and told once, with file and line: %s",
	    extract_warning(x, 0) ? extract_warning(x, 0) : "(none)");
	free(t);
}

/* A bad user rule is reported with its file, line and offset; the other
 * rules still work; a same-named user file replaces the shipped one. */
static void
user_rules(void)
{
	struct user_dir u;
	struct extractor *x;
	struct err e;

	if (!ok(user_dir_make(&u), "temporary directory"))
		return;
	x = extract_new_dirs("vi", u.dirs, &e);
	if (ok(x != NULL, "rules load despite errors")) {
		bad_rules_reported(x);
		user_rules_work(x);
		match_limit(x);
		extract_free(x);
	}
	x = extract_new_dirs("en", u.dirs, &e);
	ok(x != NULL && extract_nrules(x) == 1,
	    "a user en.rules replaces the shipped one (%zu rules)",
	    x ? extract_nrules(x) : 0);
	extract_free(x);
	x = extract_new_dirs("fr", u.dirs, &e);
	ok(x == NULL && e.code == ERR_INPUT, "unknown language refused");
	unlink(u.p1);
	unlink(u.p2);
	{
		char *empty[] = { u.dir, NULL };

		x = extract_new_dirs("vi", empty, &e);
		ok(x == NULL && e.code == ERR_RUNTIME, "no rules at all is an error: %s",
		    e.msg);
	}
	user_dir_remove(&u);
}

/* True if the sentence's signature lets the gate word w through. */
static bool
sig_passes(const char *sentence, const char *w)
{
	struct extract_sig t, *ws;
	size_t n = extract_sig_word(w, &ws);
	bool digit, any = false;

	extract_sig_text(sentence, 0, strlen(sentence), &t, &digit);
	for (size_t i = 0; i < n; i++)
		any |= extract_sig_may(&t, &ws[i]);
	free(ws);
	return any;
}

/* The signature test: case and Vietnamese letters, alternations. */
static void
signatures(void)
{
	struct extract_gate g;

	extract_gate_make("(?:tháng|quý)\\s+\\d?", &g);
	ok(g.nalts == 1 && g.nneed == 0 &&
	    sig_passes("HẾT QUÝ IV", g.alts[0]) &&
	    sig_passes("trong Tháng 9", g.alts[0]) &&
	    !sig_passes("thắng lợi", g.alts[0]),
	    "an alternation gates by any of its words");
	extract_gate_free(&g);
	extract_gate_make("(?:thứ\\s+\\d|chủ nhật)\\s+tuần", &g);
	ok(g.nalts == 1 && g.nneed == 1 &&
	    sig_passes("Chủ Nhật tuần này", g.alts[0]) &&
	    sig_passes("THỨ 2 TUẦN SAU", g.need[0]),
	    "words keep their letters, compared in lower case");
	extract_gate_free(&g);
	extract_gate_make("(?:tháng|\\d+)\\s+năm", &g);
	ok(g.nalts == 0 && g.nneed == 1,
	    "a branch without a word gives the alternation no gate");
	extract_gate_free(&g);
}

/* Whether the gate of pattern has a word (need or alternatives) equal
 * to want, and whether every match holds it where a word starts. */
static bool
gate_word_starts(const char *pattern, const char *want, bool *starts)
{
	struct extract_gate g;
	bool found = false;

	extract_gate_make(pattern, &g);
	for (int i = 0; i < g.nneed && !found; i++)
		if (strcmp(g.need[i], want) == 0) {
			found = true;
			*starts = g.need_starts[i];
		}
	for (int i = 0; i < g.nalts && !found; i++)
		if (strcmp(g.alts[i], want) == 0) {
			found = true;
			*starts = g.alts_start[i];
		}
	extract_gate_free(&g);
	return found;
}

/* The index looks for a gate word only where a word starts: the reader
 * says which words every match holds there. */
static void
gate_starts(void)
{
	static const struct {
		const char *pattern, *word;
		bool starts;
		const char *why;
	} cases[] = {
		{ "\\b(?:trước|hạn)\\s+ngày", "trước\x02hạn", true,
		    "after \\b, a word's letters" },
		{ "\\b(?:trước|hạn)\\s+ngày", "ngày", true, "after \\s+" },
		{ "trước ngày", "ngày", true, "after a space" },
		{ "trước ngày", "trước", false, "at a pattern's start" },
		{ "\\b(?:trong |cuối )?quý", "quý", true,
		    "after \\b or a space" },
		{ "(?:trong |cuối )?quý", "quý", false,
		    "after nothing or a space" },
		{ "x\\s*ngày", "ngày", false, "after \\s*, maybe a letter" },
		{ "[\\s,]+tháng", "tháng", true, "after spaces and commas" },
		{ "[a-z]tháng", "tháng", false, "after a letter" },
		{ "(?<=, )ngày", "ngày", true, "after a look-behind for \", \"" },
		{ "(?:Cập nhật|Ngày đăng)", "nhật\x02đăng", true,
		    "a word that starts a word is chosen over a longer one" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool starts = !cases[i].starts;

		ok(gate_word_starts(cases[i].pattern, cases[i].word, &starts) &&
		    starts == cases[i].starts, "gate word %s: %s",
		    cases[i].starts ? "starts a word" : "may not start one",
		    cases[i].why);
	}
}

/* Gates read the words every match needs, and never hide a match. */
static void
gates(struct extractor *vi)
{
	struct extract_gate g;
	struct extract_deadline *d;
	size_t nd;
	struct err e;
	struct ymd ref = { 2023, 9, 13 };
	const char *caps = "HOÀN THÀNH TRONG THÁNG 12/2023 VÀ TRONG QUÝ IV.";

	extract_gate_make("\\b(?:trong |cuối )?quý\\s+(?<q>IV|[1-4])", &g);
	ok(g.n == 1 && !g.digit && strcmp(g.words[0], "qu\x01") == 0,
	    "gate of a quarter rule: one word, its accent a wildcard");
	extract_gate_free(&g);
	extract_gate_make("ngày\\s+(?<day>\\d{1,2})\\s+tháng", &g);
	ok(g.n == 2 && g.digit, "two words and a digit");
	extract_gate_free(&g);
	extract_gate_make("(?:tháng|quý)\\s+\\d?", &g);
	ok(g.n == 0 && !g.digit, "alternatives and optional parts give no gate");
	extract_gate_free(&g);
	extract_gate_make("(?x) t h á n g", &g);
	ok(g.n == 0, "extended patterns give no gate");
	extract_gate_free(&g);
	extract_gate_make("hạn(?=x)chót", &g);
	ok(g.n == 2, "a look-ahead splits words");
	extract_gate_free(&g);
	ok(extract_gate_find("Ngày THÁNG", 0, strlen("Ngày THÁNG"), "th\x01ng") &&
	    !extract_gate_find("thang", 0, 5, "th\x01ng"),
	    "wildcards stand for one non-ASCII character, letters ignore case");

	signatures();

	extract_deadlines(vi, caps, strlen(caps), ref, &d, &nd, &e);
	ok(nd == 2 && strcmp(d[0].text, "TRONG THÁNG 12/2023") == 0 &&
	    strcmp(d[1].text, "TRONG QUÝ IV") == 0,
	    "capitals pass the gates (%zu deadlines)", nd);
	extract_deadlines_free(d, nd);
}

/* "auto" tells a short Vietnamese directive from English by its letters,
 * even one with a single letter of Vietnamese's own (ế) and the rest
 * shared with French (ò, á); English naming a café or José stays
 * English. */
static void
auto_lang(void)
{
	static const struct { const char *text, *assignee; } cases[] = {
		{ "Giao Phòng Kinh tế báo cáo trong tháng 9.", "Phòng Kinh tế" },
		{ "Giao Đoàn Thanh niên báo cáo trong vòng 10 ngày.",
		    "Đoàn Thanh niên" },
		{ "The café committee will send the menu by Friday.",
		    "café committee" },
		{ "José to book the hall by 15 December.", "José" },
	};
	struct extractor *x;
	struct err e;
	struct ymd ref = { 2023, 8, 1 };

	x = extract_new_dirs("auto", rules_dirs, &e);
	if (!ok(x != NULL, "auto: the extractor loads"))
		return;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct extract_item *v;
		size_t n = 0;

		extract_items(x, cases[i].text, strlen(cases[i].text), ref, &v,
		    &n, &e);
		ok(n == 1 && v[0].assignee &&
		    strcmp(v[0].assignee, cases[i].assignee) == 0,
		    "auto: %s", cases[i].text);
		extract_items_free(v, n);
	}
	extract_free(x);
}

/* Number of items of text, with the assignee of the first in *who. */
static size_t
count_items(struct extractor *x, const char *text, char *who, size_t wl)
{
	struct ymd ref = { 2024, 9, 10 };
	struct extract_item *v;
	struct err e;
	size_t n = 0;

	*who = '\0';
	if (extract_items(x, text, strlen(text), ref, &v, &n, &e) != 0)
		return 0;
	if (n > 0 && v[0].assignee)
		snprintf(who, wl, "%s", v[0].assignee);
	extract_items_free(v, n);
	return n;
}

/* "auto" guesses each paragraph on its letters: a long address inside a
 * Vietnamese paragraph does not make it English, and paragraphs in two
 * languages are each read in their own. */
static void
lang_per_paragraph(void)
{
	struct extractor *x = extract_new_dirs("auto", rules_dirs, &(struct err){ 0 });
	struct buf b = BUF_INIT;
	char who[64];

	if (!ok(x != NULL, "auto: the extractor loads"))
		return;
	buf_adds(&b, "Nguồn: https://example.org/");
	for (int i = 0; i < 60; i++)
		buf_adds(&b, "tin-tuc/hoi-nghi-");
	buf_adds(&b, "\nĐề nghị Hội Phụ nữ rà soát danh sách trước ngày 30/9.\n"
	    "Kim will book the hall by Friday.\n");
	ok(count_items(x, buf_str(&b), who, sizeof who) == 2 &&
	    strcmp(who, "Hội Phụ nữ") == 0,
	    "a long address does not switch the language; two paragraphs, "
	    "two languages");
	ok(count_items(x, "Đề nghị các chi hội nghiên cứu tài liệu ở https://example.org/"
	    "a-very-long-address-of-a-news-page-about-the-meeting.html và "
	    "nộp báo cáo.", who, sizeof who) == 1 &&
	    strcmp(who, "các chi hội") == 0,
	    "an address in a Vietnamese sentence counts for nothing");
	buf_free(&b);
	extract_free(x);
}

/* The section the text comes from: in results and limitations only a
 * cue makes a task; in conclusions a subject and its verb do; without
 * one, a paragraph of past work with no cue and no modal is a report. */
static void
sections(struct extractor *vi, struct extractor *en)
{
	const char *vi_subject = "Các chi hội tiếp tục rà soát hộ nghèo.";
	const char *vi_cue = "Đề nghị các chi hội rà soát hộ nghèo.";
	const char *vi_bare = "Trong quý III, Hội đã tổ chức 12 lớp tập huấn. "
	    "Duy trì sinh hoạt chi hội đều đặn.";
	const char *en_modal = "The Treasurer will close the accounts.";
	const char *en_cue = "Please send the accounts by Friday.";
	char who[64];

	extract_set_section(vi, "results");
	ok(count_items(vi, vi_cue, who, sizeof who) == 1,
	    "results: a cue still makes a task");
	ok(count_items(vi, "Hội Nông dân cần tiếp tục rà soát hộ nghèo.", who,
	    sizeof who) == 0, "results: a subject and a modal do not");
	extract_set_section(vi, "conclusions");
	ok(count_items(vi, "Hội Nông dân cần tiếp tục rà soát hộ nghèo.", who,
	    sizeof who) == 1, "conclusions: a subject and a modal do");
	extract_set_section(vi, NULL);
	ok(count_items(vi, vi_bare, who, sizeof who) == 0,
	    "no section: a bare verb in a paragraph of past work is a report");
	ok(count_items(vi, vi_subject, who, sizeof who) == 0,
	    "no section: a subject and a verb without a date is no task");
	extract_set_section(en, "limitations");
	ok(count_items(en, en_modal, who, sizeof who) == 0 &&
	    count_items(en, en_cue, who, sizeof who) == 1,
	    "limitations (English): only a cue makes a task");
	extract_set_section(en, "tasks");
	ok(count_items(en, en_modal, who, sizeof who) == 1 &&
	    strcmp(who, "Treasurer") == 0,
	    "tasks (English): a subject and a modal do, without \"the\"");
	extract_set_section(en, "opinions");
	ok(count_items(en, en_modal, who, sizeof who) == 1,
	    "another section counts as none");
	extract_set_section(en, NULL);
}

/* A text in which no cue matches at all: the assembler used to step
 * through the (then NULL) list of cue hits with pointer arithmetic,
 * undefined behaviour that a clang -fsanitize=undefined build of this test
 * reports.  Found by tests/fuzz/fuzz_extract.c. */
static void
no_cue(struct extractor *vi, struct extractor *en)
{
	struct ymd ref = { 2025, 1, 1 };
	const char *en_text = "John will send the draft by Friday.";
	const char *vi_text = "Anh Nam hoàn thành báo cáo.";
	struct extract_item *it;
	struct err e;
	size_t n;

	ok(extract_items(vi, en_text, strlen(en_text), ref, &it, &n, &e) == 0,
	    "English text through the Vietnamese rules: no cue, no fault");
	extract_items_free(it, n);
	ok(extract_items(en, vi_text, strlen(vi_text), ref, &it, &n, &e) == 0,
	    "Vietnamese text through the English rules: no cue, no fault");
	extract_items_free(it, n);
}

int
main(void)
{
	struct err e;
	struct extractor *vi = extract_new_dirs("vi", rules_dirs, &e);
	struct extractor *en = extract_new_dirs("en", rules_dirs, &e);

	ok(vi != NULL && en != NULL, "extractors load the shipped rules");
	if (!vi || !en)
		return tap_done();
	items_file(vi, en);
	meetings(vi, en);
	spans(vi);
	plain();
	hits_sort();
	pattern_source();
	sentence_ends();
	gates(vi);
	gate_starts();
	auto_lang();
	lang_per_paragraph();
	sections(vi, en);
	no_cue(vi, en);
	user_rules();
	extract_free(vi);
	extract_free(en);
	return tap_done();
}
