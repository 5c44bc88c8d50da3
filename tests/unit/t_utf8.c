/*
 * Unit tests of the UTF-8 utilities: validation, NFC, folding (including
 * đ), widths, grapheme steps over combining marks, wrapping, escaping.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "tap.h"
#include "lib/utf8.h"

#include <utf8proc.h>

static void
test_valid(void)
{
	size_t bad = 99;
	const char *s = "H\xe1\xbb\x99i ngh\xe1\xbb\x8b";	/* Hội nghị */

	ok(utf8_valid(s, strlen(s), NULL), "valid Vietnamese");
	ok(!utf8_valid("ab\xc3(", 4, &bad) && bad == 2, "bad continuation at 2");
	ok(!utf8_valid("\xc0\xaf", 2, &bad) && bad == 0, "overlong rejected");
	ok(!utf8_valid("\xed\xa0\x80", 3, &bad), "surrogate rejected");
	ok(!utf8_valid("a\0b", 3, &bad) && bad == 1, "NUL rejected");
	ok(!utf8_valid("\xe1\xbb", 2, &bad) && bad == 0, "truncated rejected");
	ok(!utf8_valid("abcdefg\0hijklmno", 16, &bad) && bad == 7,
	    "NUL inside a run of ASCII rejected where it is");
	ok(!utf8_valid("abcdefghijklmnopq\0", 18, &bad) && bad == 17,
	    "NUL after two runs of eight");
	ok(!utf8_valid("abcdefghij\xffk", 12, &bad) && bad == 10,
	    "a bad byte after a run of eight");
	ok(utf8_valid("abcdefgh\xc3\xa9ijklmnop\xe1\xbb\x99", 21, NULL),
	    "runs of ASCII between letters");
	is_int((intmax_t)utf8_line_at("a\nb\nc", 4), 3, "line of offset 4");
}

static void
test_nfc(void)
{
	/* "Hội" decomposed: o + U+0302 + U+0323 */
	const char *dec = "Ho\xcc\x82\xcc\xa3i";
	size_t n;
	char *t = utf8_nfc(dec, strlen(dec), &n);

	is_str(t, "H\xe1\xbb\x99i", "decomposed Hội composes");
	is_int((intmax_t)n, 5, "composed length");
	ok(!utf8_is_nfc(dec, strlen(dec)), "decomposed is not NFC");
	ok(utf8_is_nfc(t, n), "composed is NFC");
	free(t);
}

/* The truth, straight from utf8proc, without the quick check. */
static bool
truly_nfc(const char *s, size_t len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	bool same = n == (utf8proc_ssize_t)len && memcmp(out, s, len) == 0;

	free(out);
	return same;
}

static void
test_nfc_quick(void)
{
	static const char *const tricky[] = {
		"\xe2\x84\xa6",		/* Ω OHM SIGN: a singleton */
		"\xe0\xa5\x98",		/* excluded Devanagari QA */
		"\xe1\x84\x80\xe1\x85\xa1",	/* Hangul L + V */
		"\xea\xb0\x80\xe1\x86\xa8",	/* Hangul LV + T */
		"\xe0\xa7\x87\xe0\xa6\xbe",	/* Bengali E + AA */
		"a\xcc\xa3\xcc\x82",	/* marks in canonical order */
		"a\xcc\x82\xcc\xa3",	/* marks out of order */
		"\xe1\xbb\x99",		/* ộ precomposed */
	};
	static const int32_t starters[] = { 'a', 'A', 'o', 0xf4, 0x1ea1,
	    0x1100, 0xac00, 0x9c7, 0xb47, 0xbc6, 0x1025, 0x1b05 };
	struct buf b = BUF_INIT;
	size_t bad = 0, badpair = 0;

	for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
		size_t n, len = strlen(tricky[i]);
		char *t = utf8_nfc(tricky[i], len, &n);

		ok(truly_nfc(t, n), "tricky %zu normalises to NFC", i);
		ok(utf8_is_nfc(tricky[i], len) == truly_nfc(tricky[i], len),
		    "tricky %zu: is_nfc agrees with utf8proc", i);
		free(t);
	}
	/* Every BMP code point alone, and after each starter. */
	for (int32_t cp = 0x80; cp < 0x10000; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		buf_reset(&b);
		utf8_encode(&b, cp);
		if (utf8_is_nfc(b.s, b.len) != truly_nfc(b.s, b.len))
			bad++;
		for (size_t k = 0; k < sizeof starters / sizeof starters[0]; k++) {
			buf_reset(&b);
			utf8_encode(&b, starters[k]);
			utf8_encode(&b, cp);
			if (utf8_is_nfc(b.s, b.len) != truly_nfc(b.s, b.len))
				badpair++;
		}
	}
	is_int((intmax_t)bad, 0, "quick check exact on every BMP code point");
	is_int((intmax_t)badpair, 0, "quick check exact on starter pairs");
	buf_free(&b);
}

static void
test_fold(void)
{
	char *t;

	t = utf8_fold("Gi\xc3\xa1m s\xc3\xa1t", strlen("Gi\xc3\xa1m s\xc3\xa1t"));
	is_str(t, "giam sat", "Giám sát folds");
	free(t);
	/* "Đảng viên" */
	t = utf8_fold("\xc4\x90\xe1\xba\xa3ng vi\xc3\xaan", 13);
	is_str(t, "dang vien", "Đảng viên folds to dang vien");
	free(t);
	ok(utf8_fold_contains("\xe1\xbb\xa6y ban MTTQ qu\xe1\xba\xadn", "uy ban mttq"),
	    "uy ban mttq in Ủy ban MTTQ quận");
	ok(!utf8_fold_contains("Qu\xe1\xba\xadn \xe1\xbb\xa7y", "mttq"), "no false match");
}

static void
test_width_step(void)
{
	const char *dec = "o\xcc\x82\xcc\xa3x";	/* ộ decomposed, then x */

	is_int((intmax_t)utf8_width("H\xe1\xbb\x99i", 5), 3, "Hội is 3 columns");
	is_int((intmax_t)utf8_width(dec, strlen(dec)), 2, "decomposed ộx is 2 columns");
	is_int((intmax_t)utf8_width("\xe4\xb8\xad", 3), 2, "CJK is wide");
	is_int((intmax_t)utf8_next(dec, strlen(dec), 0), 5, "next skips marks");
	is_int((intmax_t)utf8_prev(dec, 5), 0, "prev skips marks");
	is_int((intmax_t)utf8_prev(dec, 6), 5, "prev over ASCII");
	is_int((intmax_t)utf8_fit("H\xe1\xbb\x99i ngh\xe1\xbb\x8b", 13, 2), 4,
	    "fit two columns keeps ộ whole");
}

static void
test_wrap(void)
{
	const char *s = "Kết luận hội nghị giao ban";
	size_t next, len = strlen(s), n;

	n = utf8_wrap(s, len, 10, &next);
	is_int((intmax_t)utf8_width(s, n), 8, "first line 'Kết luận'");
	ok(s[next] == 'h', "next line starts at hội");
	n = utf8_wrap("abcdefghij", 10, 4, &next);
	ok(n == 4 && next == 4, "long word broken at width");
	n = utf8_wrap("ab\ncd", 5, 10, &next);
	ok(n == 2 && next == 3, "stops at newline");
}

static void
test_escape(void)
{
	struct buf b = BUF_INIT;

	utf8_escape_ctrl(&b, "a\x1b[2Jb\x7f\xc2\x9b", 9);
	is_str(buf_str(&b), "a^[[2Jb^?<9B>", "controls escaped");
	buf_free(&b);
}

static void
test_repair(void)
{
	struct buf b = BUF_INIT;
	size_t n;

	n = utf8_repair(&b, "H\xe1\xbb\x99i", 5);
	ok(n == 0 && strcmp(buf_str(&b), "H\xe1\xbb\x99i") == 0,
	    "valid text is copied as it is");
	buf_reset(&b);
	n = utf8_repair(&b, "a\xff" "b\xe1\xbb" "c\xc0\xaf" "d\x80\x80" "e", 12);
	is_str(buf_str(&b), "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd"
	    "d\xef\xbf\xbd" "e", "bad, truncated, overlong and stray bytes: "
	    "one U+FFFD each");
	is_int((intmax_t)n, 4, "four replacements counted");
	ok(utf8_valid(b.s, b.len, NULL), "the result is valid UTF-8");
	buf_reset(&b);
	n = utf8_repair(&b, "x\xed\xa0\x80", 4);
	is_str(buf_str(&b), "x\xef\xbf\xbd", "a surrogate is replaced whole");
	buf_free(&b);
}

/* The widths taken without decoding agree with the decoding path. */
static void
test_width_fast(void)
{
	struct buf b = BUF_INIT;
	size_t bad = 0;

	for (int32_t cp = 0xa0; cp < 0x2000; cp++) {
		size_t w;

		buf_reset(&b);
		utf8_encode(&b, cp);
		w = utf8_width(b.s, b.len);
		if ((int)w != utf8_cpwidth(cp))
			bad++;
	}
	is_int((intmax_t)bad, 0, "utf8_width agrees with utf8_cpwidth from "
	    "U+00A0 to U+1FFF");
	buf_free(&b);
}

/* The runs of plain ASCII taken eight bytes at a time stop exactly at a
 * control character, DEL, a letter with marks or NUL, wherever it falls
 * in the eight; letters taken without decoding agree with the decoder. */
static void
test_runs(void)
{
	struct buf b = BUF_INIT;
	size_t bad_valid = 0, bad_width = 0, bad_esc = 0, bad_cp = 0, at;
	char s[64];

	for (size_t k = 0; k < 20; k++) {
		memset(s, 'x', sizeof s);
		s[k] = '\0';
		if (utf8_valid(s, 40, &at) || at != k)
			bad_valid++;
		s[k] = '\x1f';
		if (utf8_width(s, 40) != 41)	/* ^_ is two columns */
			bad_width++;
		buf_reset(&b);
		utf8_escape_ctrl(&b, s, 40);
		if (b.len != 41 || memcmp(b.s + k, "^_", 2) != 0)
			bad_esc++;
		s[k] = '\x7f';
		buf_reset(&b);
		utf8_escape_ctrl(&b, s, 40);
		if (b.len != 41 || memcmp(b.s + k, "^?", 2) != 0)
			bad_esc++;
		memcpy(s + k, "\xe1\xbb\x99", 3);	/* ộ */
		if (!utf8_valid(s, 40, NULL) || utf8_width(s, 40) != 38)
			bad_width++;
	}
	is_int((intmax_t)bad_valid, 0, "NUL found wherever it is in a run");
	is_int((intmax_t)bad_width, 0, "widths right wherever a run stops");
	is_int((intmax_t)bad_esc, 0, "controls escaped wherever a run stops");
	for (int32_t cp = 0x80; cp < 0x10000; cp++) {
		bool plain;

		if (cp >= 0xd800 && cp < 0xe000)
			continue;
		buf_reset(&b);
		utf8_encode(&b, cp);
		memcpy(s, b.s, b.len);
		plain = cp >= 0xa0 && !(cp >= 0x202a && cp <= 0x202e) &&
		    !(cp >= 0x2066 && cp <= 0x2069);
		if (!utf8_valid(s, b.len, NULL) ||
		    utf8_valid(s, b.len - 1, NULL))
			bad_cp++;
		buf_reset(&b);
		utf8_escape_ctrl(&b, s, (size_t)(cp < 0x800 ? 2 : 3));
		if (plain != (b.len == (size_t)(cp < 0x800 ? 2 : 3) &&
		    memcmp(b.s, s, b.len) == 0))
			bad_cp++;
	}
	is_int((intmax_t)bad_cp, 0, "every code point to U+FFFF valid whole, "
	    "not cut, and escaped only if C1 or bidi");
	ok(!utf8_valid("\xe0\x80\x80", 3, NULL) &&
	    !utf8_valid("\xe1\x80", 2, NULL) &&
	    !utf8_valid("\xc3x", 2, NULL), "overlong, cut, stray: rejected");
	buf_free(&b);
}

/* utf8_width_plain: plain exactly when escaping changes nothing, and
 * never for text that is not UTF-8. */
static void
test_plain(void)
{
	static const struct { const char *s; bool plain; } t[] = {
		{ "H\xe1\xbb\x99i ngh\xe1\xbb\x8b "
		    "\xe2\x80\x9cx\xe2\x80\x9d", true },
		{ "abcdefghijk\tl", false }, { "abcdefghijk\x1bl", false },
		{ "\xc3\xa9\xc2\x9b", false }, { "x\xe2\x80\xae", false },
		{ "x\xe2\x81\xa6y", false }, { "abcdefghijk\x7f", false },
	};
	static const char *const bad[] = { "abcdefgh\xff", "x\xe1\xbb",
	    "\xc0\xafx", "\xed\xa0\x80" };
	struct buf b = BUF_INIT;
	size_t wrong = 0;

	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		bool plain = !t[k].plain;
		size_t len = strlen(t[k].s);

		if (utf8_width_plain(t[k].s, len, &plain) !=
		    utf8_width(t[k].s, len) || plain != t[k].plain)
			wrong++;
		buf_reset(&b);
		utf8_escape_ctrl(&b, t[k].s, len);
		if ((b.len == len && memcmp(b.s, t[k].s, len) == 0) !=
		    t[k].plain)
			wrong++;
	}
	is_int((intmax_t)wrong, 0, "plain exactly when escaping changes "
	    "nothing");
	wrong = 0;
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		bool plain = true;

		utf8_width_plain(bad[k], strlen(bad[k]), &plain);
		wrong += plain;
	}
	is_int((intmax_t)wrong, 0, "text that is not UTF-8 is never plain");
	buf_free(&b);
}

int
main(void)
{
	test_valid();
	test_nfc();
	test_nfc_quick();
	test_fold();
	test_width_step();
	test_wrap();
	test_escape();
	test_repair();
	test_width_fast();
	test_runs();
	test_plain();
	return tap_done();
}
