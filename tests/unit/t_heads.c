/*
 * Unit tests of the extractor's index: the heads read from patterns (what
 * every match starts with), the folding that compares them with text
 * (checked against PCRE2's own caseless matching for every character of
 * the Basic Multilingual Plane), and the promise the matcher relies on:
 * every place where a shipped rule matches is one the index lists for
 * it, in the fixture texts as written and in capitals.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/extract.h"
#include "extract/extract_re.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "tap.h"

static char *rules_dirs[] = { TESTS_SRCDIR "/../share/rules", NULL };

/* The heads of pattern as one string, sorted, "\d" for a digit, a
 * space between, then " (word)" if matches never start inside a word;
 * "-" for none. */
static char *
heads_of(const char *pattern)
{
	struct extract_heads h;
	struct buf b = BUF_INIT;
	char **v;

	extract_heads_make(pattern, true, &h);
	if (h.n == 0) {
		extract_heads_free(&h);
		return xstrdup("-");
	}
	v = xcalloc(h.n, sizeof *v);
	for (size_t i = 0; i < h.n; i++) {
		struct buf one = BUF_INIT;

		for (const char *c = h.v[i]; *c; c++)
			if (*c == HEAD_DIGIT)
				buf_adds(&one, "\\d");
			else
				buf_addc(&one, *c);
		v[i] = buf_steal(&one);
	}
	for (size_t i = 1; i < h.n; i++)
		for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char *t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	for (size_t i = 0; i < h.n; i++) {
		buf_printf(&b, "%s%s", i ? " " : "", v[i]);
		free(v[i]);
	}
	free(v);
	if (h.word)
		buf_adds(&b, " (word)");
	extract_heads_free(&h);
	return buf_steal(&b);
}

static void
heads(void)
{
	static const char *const cases[][3] = {
		{ "\\b(?:trong |cuối )?quý\\s+(?<q>IV|[1-4])",
		    "cuối quý quý trong quý (word)",
		    "an optional word adds its heads to those after it" },
		{ "\\bqu[ýí]", "quí quý (word)", "a small class is its letters" },
		{ "(?:a|b)?c", "ac bc c", "a group joins what follows it" },
		{ "a(?:b|c)+d", "ab ac", "a repeated group ends the heads" },
		{ "\\b\\d{1,2}:\\d{2}", "\\d (word)", "every digit is one mark" },
		{ "\\b(?:3|6|ba)\\s+tháng", "\\d ba (word)",
		    "a digit in a head is any digit" },
		{ "\\bĐỀ NGHỊ", "đề nghị (word)", "heads are in lower case" },
		{ "\\b(?-i:Giêng|Chạp)", "chạp giêng (word)",
		    "case-sensitive parts are folded all the same" },
		{ "(?<=, )ngày", "ngày (word)",
		    "a look-behind for a space: no match starts inside a word" },
		{ "(?<!x)ngày", "ngày", "any other look-behind: it may" },
		{ "\\bab|cd", "ab cd", "\\b in one branch only: no word start" },
		{ "\\b\\(x", "(x", "\\b before punctuation: no word start" },
		{ "“[^”]+”", "“", "punctuation is a head" },
		{ "abcdefghijklmnop", "abcdefghijkl", "a head is cut to 12 letters" },
		{ "\\s*x", "-", "a space class may be anything" },
		{ ".x", "-", "so may '.'" },
		{ "\\p{Lu}x", "-", "and a Unicode property" },
		{ "x*y", "x y", "an optional start adds what follows it" },
		{ "xy*", "x", "an optional end adds nothing" },
		{ "x*", "-", "an optional start with nothing after it" },
		{ "(?:x|)y", "xy y", "an empty branch gives what follows" },
		{ "a|", "-", "an empty branch at the end gives anything" },
		{ "(?x) a b", "-", "extended mode is not read" },
		{ "a(?ix) b", "a", "nor after it changes the meaning" },
		{ "a\\Kb", "-", "\\K moves the match's start: no heads" },
		{ "(*UTF)ab", "-", "verbs are not read" },
		{ "\\1a", "-", "a back reference may be anything" },
		{ "\\bµm", "-", "the micro sign has a third case form" },
		{ "ſt", "st", "long s is s" },
		{ "[a-f]x", "ax bx cx dx ex fx", "a small range is its letters" },
		{ "[a-z]x", "-", "a large one is anything" },
		{ "[^a]x", "-", "and so is a negated class" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = heads_of(cases[i][0]);

		ok(strcmp(got, cases[i][1]) == 0, "heads: %s", cases[i][2]);
		if (strcmp(got, cases[i][1]) != 0)
			printf("#   /%s/: got \"%s\", want \"%s\"\n", cases[i][0],
			    got, cases[i][1]);
		free(got);
	}
}

/* A string of every character of the Basic Multilingual Plane but the
 * surrogates and NUL, with the offset of each. */
static char *
all_chars(size_t *len, int32_t **cps)
{
	struct buf b = BUF_INIT;
	size_t n = 0;

	*cps = xcalloc(0x10000, sizeof **cps);
	for (int32_t cp = 1; cp < 0x10000; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		(*cps)[n++] = cp;
		utf8_encode(&b, cp);
	}
	*len = b.len;
	return buf_steal(&b);
}

/* For every letter a head may hold, every character PCRE2 matches it
 * with caselessly folds as the letter does: the index never misses a
 * place a caseless rule matches. */
static void
folding(void)
{
	int32_t *cps;
	size_t len, bad = 0, tried = 0, matched = 0;
	char *all = all_chars(&len, &cps);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);

	for (int32_t c = 0x21; c < 0x2070; c++) {
		struct buf pat = BUF_INIT;
		pcre2_code *re;
		PCRE2_SIZE off = 0, eoff;
		int err;

		/* The characters a head may hold, as extract_head.c says;
		 * digits are a mark of their own. */
		if ((c >= 0x7f && c < 0xa0) || c == 0xb5 || (c > 0x24f && c < 0x1e00) ||
		    (c > 0x1eff && c < 0x2000) || (c >= '0' && c <= '9'))
			continue;
		buf_adds(&pat, "\\Q");
		utf8_encode(&pat, c);
		buf_adds(&pat, "\\E");
		re = pcre2_compile((PCRE2_SPTR)pat.s, pat.len, PCRE2_UTF | PCRE2_UCP |
		    PCRE2_CASELESS, &err, &eoff, NULL);
		buf_free(&pat);
		if (re == NULL)
			continue;
		tried++;
		while (pcre2_match(re, (PCRE2_SPTR)all, len, off, 0, md, NULL) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			size_t i = 0;
			int32_t d = utf8_decode(all + ov[0], ov[1] - ov[0], &i);

			matched++;
			if (extract_fold(d) != extract_fold(c) && bad++ < 5)
				printf("#   U+%04X matches U+%04X caselessly, folds "
				    "to U+%04X, not U+%04X\n", (unsigned)d,
				    (unsigned)c, (unsigned)extract_fold(d),
				    (unsigned)extract_fold(c));
			off = ov[1];
		}
		pcre2_code_free(re);
	}
	ok(tried > 700 && matched > tried && bad == 0,
	    "every caseless match of a head's letter folds as it does "
	    "(%zu letters, %zu matches)", tried, matched);
	pcre2_match_data_free(md);
	free(all);
	free(cps);
}

/* The texts the index is checked on: each meeting and case file of
 * tests/extract/ as written, and in capitals. */
static size_t
texts(char ***out)
{
	static const char *const files[] = {
		"extract/items.tsv", "extract/deadlines.tsv",
		"extract/meetings/giaoban-quy3.txt",
		"extract/meetings/khoi-danvan.txt",
		"extract/meetings/liaison-en.txt",
		"extract/meetings/parents-council.txt",
	};
	size_t n = 0;

	*out = xcalloc(2 * sizeof files / sizeof files[0], sizeof **out);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *path = xasprintf("%s/%s", TESTS_SRCDIR, files[i]);
		FILE *f = fopen(path, "rb");
		struct buf b = BUF_INIT, up = BUF_INIT;
		char chunk[4096];
		size_t got, k = 0;

		free(path);
		if (f == NULL)
			continue;
		while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&b, chunk, got);
		fclose(f);
		while (k < b.len)
			utf8_encode(&up, utf8_toupper(utf8_decode(b.s, b.len, &k)));
		(*out)[n++] = utf8_nfc(buf_str(&b), b.len, NULL);
		(*out)[n++] = utf8_nfc(buf_str(&up), up.len, NULL);
		buf_free(&b);
		buf_free(&up);
	}
	return n;
}

/* True if the index lists p as a place where rule k may start. */
static bool
listed(const struct extractor *x, int lang, size_t k, size_t p)
{
	const struct extract_found *f = &x->found;
	enum rule_type t = x->rules[k].type;

	for (size_t i = 0; i < f->ntype[t]; i++)
		if (f->type[t][i].pos == p)
			return extract_index_has(x->index[lang], f->type[t][i].set, k);
	return false;
}

/* True if the index lists gate word k of x somewhere in [s, e). */
static bool
word_listed(const struct extractor *x, int lang, size_t k, size_t s, size_t e)
{
	const struct extract_found *f = &x->found;

	for (size_t i = 0; i < f->ntype[EXTRACT_GATES]; i++) {
		const struct extract_cand *c = &f->type[EXTRACT_GATES][i];

		if (c->pos >= s && c->pos < e &&
		    extract_index_has(x->index[lang], c->set, x->nrules + k))
			return true;
	}
	return false;
}

/* Each gate word of rule r that the index looks for is listed inside
 * the match [s, e): the gate of any sentence holding the match opens. */
static bool
words_listed(const struct extractor *x, int lang, const struct rule *r,
    size_t s, size_t e)
{
	for (int i = 0; i < r->ngidx; i++)
		if (x->gwords[r->gidx[i]].indexed &&
		    !word_listed(x, lang, r->gidx[i], s, e))
			return false;
	return true;
}

/* Every place where an indexed rule of x matches in t (found by a scan
 * that restarts one character after each match's start, so that none is
 * passed over) is listed; returns the places checked, counting misses
 * into *missed. */
static size_t
check_text(struct extractor *x, int lang, const char *t, size_t *missed)
{
	size_t n = strlen(t), checked = 0;
	pcre2_match_data *md = pcre2_match_data_create(64, NULL);

	extract_index_scan(x->index[lang], t, n, &x->found);
	for (size_t k = 0; k < x->nrules; k++) {
		const struct rule *r = &x->rules[k];
		PCRE2_SIZE off = 0;

		if (!(r->langs & (lang ? LANG_EN : LANG_VI)))
			continue;
		while (off <= n && pcre2_match(r->re, (PCRE2_SPTR)t, n, off, 0, md,
		    NULL) >= 0) {
			PCRE2_SIZE s = pcre2_get_ovector_pointer(md)[0];
			PCRE2_SIZE e = pcre2_get_ovector_pointer(md)[1];

			checked++;
			if (r->indexed && !listed(x, lang, k, s) && (*missed)++ < 5)
				printf("#   %s:%d matches at %zu (\"%.20s\"), not "
				    "listed\n", r->file, r->line, (size_t)s, t + s);
			if (!words_listed(x, lang, r, s, e) && (*missed)++ < 5)
				printf("#   %s:%d matches at %zu (\"%.20s\"), a gate "
				    "word not listed\n", r->file, r->line, (size_t)s,
				    t + s);
			off = s + 1;
			while (off < n && ((unsigned char)t[off] & 0xc0) == 0x80)
				off++;
		}
	}
	pcre2_match_data_free(md);
	return checked;
}

static void
index_lists_every_match(void)
{
	static const char *const langs[] = { "vi", "en" };
	char **tx;
	size_t nt = texts(&tx);

	ok(nt == 12, "the fixture texts are read (%zu)", nt);
	for (int l = 0; l < 2; l++) {
		struct err e;
		struct extractor *x = extract_new_dirs(langs[l], rules_dirs, &e);
		size_t checked = 0, missed = 0, indexed = 0;

		if (x == NULL) {
			ok(0, "%s rules load", langs[l]);
			continue;
		}
		for (size_t k = 0; k < x->nrules; k++)
			indexed += x->rules[k].indexed;
		for (size_t i = 0; i < nt; i++)
			checked += check_text(x, l, tx[i], &missed);
		ok(indexed * 4 > x->nrules * 3,
		    "%s: most rules are indexed (%zu of %zu)", langs[l], indexed,
		    x->nrules);
		ok(checked > 500 && missed == 0,
		    "%s: every match of an indexed rule starts at a listed place, "
		    "and the gate words the index looks for are listed inside "
		    "every match (%zu matches)", langs[l], checked);
		extract_free(x);
	}
	for (size_t i = 0; i < nt; i++)
		free(tx[i]);
	free(tx);
}

/* Rules of one's own where the index must take care: a head found inside
 * a word only case-sensitively, letters whose other case lies far away,
 * digits of other scripts, a look-behind, a quotation mark. */
static void
tricky_rules(void)
{
	static const char *const rules =
	    "assignee -   (?:Phòng|UBND)(?:\\s+\\p{Lu}\\w*)*\n"
	    "cue      i   \\bȿa\n"
	    "cue      i   \\bkết luận\n"
	    "modal    i   \\bsố\\s+\\d\n"
	    "skip     -   \\b\\d+\\s*%\n"
	    "skip     -   (?<=, )ngày\\s+\\d\n"
	    "skip     -   “[^”\\n]{1,20}”\n"
	    "verb     i   (?:lập|gửi)\\b\n"
	    "due.date i   \\b(?:trước|hạn chót)\\s+(?:ngày\\s+)?(?<day>\\d{1,2})/"
	    "(?<month>\\d{1,2})\n"
	    "skip     i   (?:Cập nhật|Ngày đăng)\\s*:?\\s*\\d\n";
	static const char *const text =
	    "xPhòng Văn hóa, UBNDx và PHÒNG; Ȿa ȿA \xe2\x84\xaaết luận "
	    "KẾT LUẬN ſố 5 SỐ ٣ ٣٤%, ngày 5 a“b c”d xgửi LẬP. "
	    "HẠN CHÓT NGÀY 5/6, trước 7/8; xCập nhật: 9, NGÀY ĐĂNG 1.";
	char dir[] = "/tmp/minutes-heads.XXXXXX";
	char *path, *dirs[2] = { dir, NULL };
	struct extractor *x;
	struct err e;
	size_t checked = 0, missed = 0, indexed = 0;
	FILE *f;

	if (mkdtemp(dir) == NULL) {
		ok(0, "a temporary directory for rules");
		return;
	}
	path = xasprintf("%s/vi.rules", dir);
	f = fopen(path, "w");
	if (f != NULL) {
		fputs(rules, f);
		fclose(f);
	}
	x = extract_new_dirs("vi", dirs, &e);
	if (x != NULL) {
		char *nfc = utf8_nfc(text, strlen(text), NULL);

		for (size_t k = 0; k < x->nrules; k++)
			indexed += x->rules[k].indexed;
		checked = check_text(x, 0, nfc, &missed);
		free(nfc);
		ok(indexed == x->nrules - 2,
		    "all but the caseless rules that may start inside a word "
		    "are indexed (%zu of %zu)", indexed, x->nrules);
		ok(checked >= 15 && missed == 0,
		    "every match of the tricky rules starts at a listed place "
		    "(%zu matches)", checked);
		extract_free(x);
	} else
		ok(0, "the tricky rules load");
	unlink(path);
	rmdir(dir);
	free(path);
}

int
main(void)
{
	heads();
	folding();
	index_lists_every_match();
	tricky_rules();
	return tap_done();
}
