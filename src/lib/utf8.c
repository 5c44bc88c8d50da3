/*
 * UTF-8 utilities (see utf8.h).  Everything that needs Unicode data goes to
 * utf8proc; the code here only walks bytes.  The fast paths for ASCII matter:
 * most keystrokes and most table cells are ASCII or already-NFC text.
 */
#include "config.h"

#include <string.h>
#include <utf8proc.h>

#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

#define EVERY_BYTE(b) ((b) * 0x0101010101010101ULL)

/*
 * How many bytes from p on, read eight at a time, lie between lo and
 * 0x7f - hi (lo and hi are one byte repeated): a byte below lo borrows
 * into its high bit in w - lo, one above 0x7f - hi carries into it in
 * w + hi, one from 0x80 has it already.  Borrows and carries move only
 * towards later bytes, which are not looked at once the first byte out
 * is found.  A tail of fewer than eight is left to the caller's byte
 * loop.  Most text, and all the markup the writers add, is such runs
 * between letters with marks.
 */
static size_t
plain_run(const unsigned char *p, size_t len, uint64_t lo, uint64_t hi)
{
	size_t i = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (i + 8 <= len) {
		uint64_t w, out;

		memcpy(&w, p + i, 8);
		out = ((w - lo) | (w + hi) | w) & EVERY_BYTE(0x80);
		if (out)
			return i + (size_t)__builtin_ctzll(out) / 8;
		i += 8;
	}
#else
	(void)p;
	(void)len;
	(void)lo;
	(void)hi;
#endif
	return i;
}

/* Runs of ASCII without NUL (0x01..0x7f), and of printable ASCII
 * (0x20..0x7e). */
#define ASCII_RUN(p, len) plain_run(p, len, EVERY_BYTE(0x01), 0)
#define PRINTABLE_RUN(p, len) \
	plain_run(p, len, EVERY_BYTE(0x20), EVERY_BYTE(0x01))

bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned c;
		size_t n;
		uint32_t cp, min;

		if ((i += ASCII_RUN(p + i, len - i)) >= len)
			break;
		c = p[i];
		if (c == 0)
			goto fail;
		if (c < 0x80) {
			i++;
			continue;
		}
		/* Vietnamese letters: two bytes (U+0080..U+07FF), or three
		 * from E1 to EC, where no sequence is overlong or a surrogate
		 * (U+1E00..U+1EFF, the letters with two marks, are E1). */
		if (c >= 0xc2 && c <= 0xdf && i + 1 < len &&
		    (p[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		if (c >= 0xe1 && c <= 0xec && i + 2 < len &&
		    (p[i + 1] & 0xc0) == 0x80 && (p[i + 2] & 0xc0) == 0x80) {
			i += 3;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1; cp = c & 0x1f; min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2; cp = c & 0x0f; min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3; cp = c & 0x07; min = 0x10000;
		} else
			goto fail;
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (p[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += n + 1;
	}
	return true;
fail:
	if (bad)
		*bad = i;
	return false;
}

size_t
utf8_repair(struct buf *b, const char *s, size_t len)
{
	size_t i = 0, bad, n = 0;

	while (i < len && !utf8_valid(s + i, len - i, &bad)) {
		buf_add(b, s + i, bad);
		i += bad;
		if (s[i] == '\0') {
			buf_addc(b, '\0');
			i++;
			continue;
		}
		i++;
		for (int k = 0; k < 3 && i < len &&
		    ((unsigned char)s[i] & 0xc0) == 0x80; k++)
			i++;
		buf_adds(b, "\xef\xbf\xbd");
		n++;
	}
	if (i < len)
		buf_add(b, s + i, len - i);
	return n;
}

size_t
utf8_line_at(const char *s, size_t off)
{
	size_t line = 1;

	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

static bool
all_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static char *
map(const char *s, size_t len, int opts, size_t *outlen)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &out, (utf8proc_option_t)opts);
	if (n < 0) {
		/* Only reachable for invalid input, which callers have
		 * rejected already; keep the bytes rather than lose text. */
		free(out);
		if (outlen)
			*outlen = len;
		return xstrndup(s, len);
	}
	if (outlen)
		*outlen = (size_t)n;
	return (char *)out;
}

/*
 * NFC quick check.  A code point cannot change under NFC, nor change its
 * neighbours, when it is a starter that is not the second half of any
 * canonical composition and is its own NFC.  The second halves are marks
 * (category M*) and the conjoining Hangul jamo (composed algorithmically,
 * as are Hangul syllables with a trailing jamo), so excluding those two is
 * exact.  Whether a decomposable code point is its own NFC (it is not for
 * singletons and excluded composites) is asked of utf8proc once per code
 * point and remembered, so typical text is checked at memory speed and
 * only text that needs it pays for normalisation.
 */
static bool
stable_cp(int32_t cp)
{
	static int32_t known[512];	/* direct-mapped: stable code points */
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_uint8_t in[4], *out = NULL;
	utf8proc_ssize_t n, m;
	bool same;

	if (p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
	    p->category == UTF8PROC_CATEGORY_MC ||
	    p->category == UTF8PROC_CATEGORY_ME)
		return false;
	if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) ||
	    (cp >= 0xac00 && cp <= 0xd7ff))
		return false;
	if (p->decomp_seqindex == UINT16_MAX && !p->comp_exclusion)
		return true;
	if (known[cp & 511] == cp)
		return true;
	n = utf8proc_encode_char(cp, in);
	m = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	same = m == n && memcmp(in, out, (size_t)n) == 0;
	free(out);
	if (same)
		known[cp & 511] = cp;
	return same;
}

static bool
nfc_quick(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (!stable_cp(utf8_decode(s, len, &i)))
			return false;
	}
	return true;
}

char *
utf8_nfc(const char *s, size_t len, size_t *outlen)
{
	if (nfc_quick(s, len)) {
		if (outlen)
			*outlen = len;
		return xstrndup(s, len);
	}
	return map(s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE, outlen);
}

bool
utf8_is_nfc(const char *s, size_t len)
{
	size_t n;
	char *t;
	bool same;

	if (nfc_quick(s, len))
		return true;
	t = utf8_nfc(s, len, &n);
	same = n == len && memcmp(s, t, len) == 0;
	free(t);
	return same;
}

char *
utf8_fold(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	char *t;
	size_t n, i = 0;

	if (all_ascii(s, len)) {
		t = xstrndup(s, len);
		for (char *p = t; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		return t;
	}
	t = map(s, len, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &n);
	/* đ has no decomposition, so STRIPMARK leaves it: fold it here. */
	if (strstr(t, "\xc4\x91") == NULL)
		return t;
	while (i < n) {
		if ((unsigned char)t[i] == 0xc4 && i + 1 < n &&
		    (unsigned char)t[i + 1] == 0x91) {
			buf_addc(&b, 'd');
			i += 2;
		} else
			buf_addc(&b, t[i++]);
	}
	free(t);
	return buf_steal(&b);
}

char *
utf8_casefold(const char *s, size_t len)
{
	return map(s, len, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_CASEFOLD, NULL);
}

bool
utf8_fold_contains(const char *haystack, const char *needle)
{
	char *h = utf8_fold(haystack, strlen(haystack));
	char *n = utf8_fold(needle, strlen(needle));
	bool found = strstr(h, n) != NULL;

	free(h);
	free(n);
	return found;
}

int32_t
utf8_decode(const char *s, size_t len, size_t *i)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	n = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
	    (utf8proc_ssize_t)(len - *i), &cp);
	if (n <= 0) {
		(*i)++;
		return 0xfffd;
	}
	*i += (size_t)n;
	return cp;
}

void
utf8_encode(struct buf *b, int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);

	buf_add(b, tmp, (size_t)n);
}

/* The abbreviation of a bidirectional formatting character that can
 * reorder what follows it on the line (embeddings, overrides and
 * isolates), or NULL. */
static const char *
bidi_name(int32_t cp)
{
	static const char *const embed[] = { "LRE", "RLE", "PDF", "LRO", "RLO" };
	static const char *const isolate[] = { "LRI", "RLI", "FSI", "PDI" };

	if (cp >= 0x202a && cp <= 0x202e)
		return embed[cp - 0x202a];
	if (cp >= 0x2066 && cp <= 0x2069)
		return isolate[cp - 0x2066];
	return NULL;
}

int
utf8_cpwidth(int32_t cp)
{
	/* Latin letters, including every precomposed Vietnamese one, are one
	 * column: answer without a table look-up (the screens ask per key). */
	if ((cp >= 0xa0 && cp < 0x300) || (cp >= 0x1e00 && cp < 0x1f00))
		return 1;
	if (cp == '\t')
		return 1;	/* shown as one space */
	if (cp < 0x20 || cp == 0x7f)
		return 2;	/* shown as ^X */
	if (cp < 0x7f)
		return 1;
	if (cp >= 0x80 && cp < 0xa0)
		return 4;	/* shown as <XX> */
	if (bidi_name(cp))
		return 5;	/* shown as <RLO> */
	return utf8proc_charwidth(cp);
}

size_t
utf8_width(const char *s, size_t len)
{
	return utf8_width_plain(s, len, NULL);
}

size_t
utf8_width_plain(const char *s, size_t len, bool *plain)
{
	size_t w = 0, i = 0;

	if (plain)
		*plain = true;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		/* A byte at a time, not PRINTABLE_RUN: in Vietnamese a
		 * letter with a mark comes every few bytes, and a run of
		 * words is set up for nothing (a third slower on a review's
		 * text). */
		if (c >= 0x20 && c < 0x7f) {
			w++;
			i++;
			continue;
		}
		/* Two-byte sequences from U+00A0 to U+02FF are one column. */
		if (c >= 0xc2 && c <= 0xcb && i + 1 < len &&
		    ((unsigned char)s[i + 1] & 0xc0) == 0x80 &&
		    !(c == 0xc2 && (unsigned char)s[i + 1] < 0xa0)) {
			w++;
			i += 2;
			continue;
		}
		/* So are U+1E00 to U+1EFF, where Vietnamese letters with two
		 * marks live (E1 B8..BB xx): most of a Vietnamese text. */
		if (c == 0xe1 && i + 2 < len &&
		    ((unsigned char)s[i + 1] & 0xfc) == 0xb8 &&
		    ((unsigned char)s[i + 2] & 0xc0) == 0x80) {
			w++;
			i += 3;
			continue;
		}
		{
			int32_t cp = utf8_decode(s, len, &i);

			/* What utf8_escape_ctrl would change, and a bad byte
			 * (which decodes as U+FFFD). */
			if (plain && (cp < 0x20 || cp == 0x7f ||
			    (cp >= 0x80 && cp < 0xa0) || bidi_name(cp) ||
			    cp == 0xfffd))
				*plain = false;
			w += (size_t)utf8_cpwidth(cp);
		}
	}
	return w;
}

size_t
utf8_next(const char *s, size_t len, size_t i)
{
	utf8proc_int32_t state = 0;
	int32_t prev;

	if (i >= len)
		return len;
	/* Fast path: nothing joins an ASCII character that follows (CR LF
	 * aside), so the break is right after this code point. */
	if ((unsigned char)s[i] < 0x80 && s[i] != '\r' &&
	    (i + 1 >= len || (unsigned char)s[i + 1] < 0x80))
		return i + 1;
	prev = utf8_decode(s, len, &i);
	/* Likewise after a Latin letter (not after a Prepend character,
	 * which joins what follows; those start at U+0600). */
	if (i >= len || ((unsigned char)s[i] < 0x80 && prev != '\r' &&
	    (prev < 0x600 || (prev >= 0x1e00 && prev < 0x1f00))))
		return i;
	while (i < len) {
		size_t j = i;
		int32_t cp = utf8_decode(s, len, &j);

		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		i = j;
	}
	return i;
}

bool
utf8_is_mark(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	    c == UTF8PROC_CATEGORY_ME;
}

bool
utf8_is_word(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return true;
	default:
		return false;
	}
}

int32_t
utf8_tolower(int32_t cp)
{
	return utf8proc_tolower(cp);
}

int32_t
utf8_toupper(int32_t cp)
{
	return utf8proc_toupper(cp);
}

void
utf8_fold_cp(struct buf *b, int32_t cp)
{
	utf8proc_int32_t out[8];
	utf8proc_ssize_t n;
	int last = 0;

	if (cp == 0x110 || cp == 0x111) {	/* Đ, đ: no decomposition */
		buf_addc(b, 'd');
		return;
	}
	n = utf8proc_decompose_char(cp, out, 8, (utf8proc_option_t)(
	    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK), &last);
	if (n < 0 || n > 8) {
		utf8_encode(b, cp);
		return;
	}
	for (utf8proc_ssize_t k = 0; k < n; k++)
		utf8_encode(b, out[k] == 0x111 ? 'd' : out[k]);
}

const char *
utf8_unicode_version(void)
{
	return utf8proc_version();
}

size_t
utf8_prev(const char *s, size_t i)
{
	size_t end = i;

	while (i > 0) {
		size_t j = i - 1, k;
		int32_t cp;

		while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
			j--;
		k = j;
		cp = utf8_decode(s, end, &k);
		i = j;
		if (!utf8_is_mark(cp))
			break;
	}
	return i;
}

size_t
utf8_fit(const char *s, size_t len, size_t width)
{
	size_t i = 0, w = 0;

	while (i < len) {
		size_t j = utf8_next(s, len, i);
		size_t cw = utf8_width(s + i, j - i);

		if (w + cw > width)
			break;
		w += cw;
		i = j;
	}
	return i;
}

size_t
utf8_wrap(const char *s, size_t len, size_t width, size_t *next)
{
	size_t i = 0, w = 0, brk = 0, brknext = 0;
	bool havebrk = false;

	if (width == 0)
		width = 1;
	while (i < len && s[i] != '\n') {
		size_t j = utf8_next(s, len, i);
		size_t cw = utf8_width(s + i, j - i);

		if (s[i] == ' ') {
			/* A space may overhang the edge: it is where we break. */
			size_t k = i;

			while (k < len && s[k] == ' ')
				k++;
			brk = i;
			brknext = k;
			havebrk = true;
			if (w + cw > width) {
				*next = k;
				return i;
			}
			w += cw;
			i = j;
			continue;
		}
		if (w + cw > width) {
			if (havebrk) {
				*next = brknext;
				return brk;
			}
			if (i == 0)
				i = j;	/* never return an empty line */
			*next = i;
			return i;
		}
		w += cw;
		i = j;
	}
	*next = i < len ? i + 1 : i;
	return i;
}

bool
utf8_is_bidi_control(int32_t cp)
{
	return bidi_name(cp) != NULL;
}

void
utf8_escape_ctrl(struct buf *b, const char *s, size_t len)
{
	size_t i = 0, start = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t j = i;
		int32_t cp;

		if (c >= 0x20 && c != 0x7f && c < 0x80) {
			size_t run = PRINTABLE_RUN((const unsigned char *)s + i,
			    len - i);

			i += run ? run : 1;
			continue;
		}
		/* Letters of two bytes from U+00A0, and Vietnamese ones
		 * with two marks (U+1E00..U+1EFF): nothing to escape, no
		 * decoding. */
		if (((c >= 0xc3 && c <= 0xdf) || (c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0xa0)) && i + 1 < len &&
		    ((unsigned char)s[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		if (c == 0xe1 && i + 2 < len &&
		    ((unsigned char)s[i + 1] & 0xfc) == 0xb8 &&
		    ((unsigned char)s[i + 2] & 0xc0) == 0x80) {
			i += 3;
			continue;
		}
		cp = utf8_decode(s, len, &j);
		if (cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0) &&
		    bidi_name(cp) == NULL) {
			i = j;
			continue;
		}
		buf_add(b, s + start, i - start);
		if (cp == '\t')
			buf_addc(b, ' ');
		else if (cp < 0x20)
			buf_printf(b, "^%c", (char)(cp + '@'));
		else if (cp == 0x7f)
			buf_adds(b, "^?");
		else if (cp < 0xa0)
			buf_printf(b, "<%02X>", (unsigned)cp);
		else
			buf_printf(b, "<%s>", bidi_name(cp));
		i = start = j;
	}
	buf_add(b, s + start, i - start);
}
