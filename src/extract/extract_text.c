/*
 * Text helpers of the extractor: spaces, words, capitals, list markers
 * and sentence ends, as a secretary's Vietnamese and English text uses
 * them, and the NFC form of the input with its map back to the input's
 * offsets.  No PCRE2 here.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* ---- small text helpers ------------------------------------------ */

bool
extract_is_space(const char *t, size_t n, size_t p, size_t *len)
{
	if (p < n && (t[p] == ' ' || t[p] == '\t' || t[p] == '\r')) {
		*len = 1;
		return true;
	}
	if (p + 1 < n && (unsigned char)t[p] == 0xc2 &&
	    (unsigned char)t[p + 1] == 0xa0) {
		*len = 2;
		return true;
	}
	return false;
}

size_t
extract_skip_ws(const char *t, size_t n, size_t p, size_t end)
{
	size_t l;

	while (p < end && extract_is_space(t, n, p, &l))
		p += l;
	return p;
}

/* Skips spaces and the punctuation that joins a lead to its clause. */
size_t
extract_skip_sep(const char *t, size_t p, size_t end)
{
	while (p < end && (t[p] == ' ' || t[p] == '\t' || t[p] == ',' ||
	    t[p] == ':' || t[p] == '\r'))
		p++;
	return p;
}

size_t
extract_trim_back(const char *t, size_t s, size_t e)
{
	while (e > s && strchr(" \t\r,;.:", t[e - 1]))
		e--;
	return e;
}

/* Upper-case letters of Latin scripts, Vietnamese included: A-Z, Latin-1
 * capitals, and the even code points of Latin Extended-A and Extended
 * Additional, where capitals and small letters alternate. */
bool
extract_is_upper_at(const char *t, size_t n, size_t p)
{
	size_t i = p;
	int32_t c;

	if (p >= n)
		return false;
	c = utf8_decode(t, n, &i);
	if (c >= 'A' && c <= 'Z')
		return true;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return true;
	if ((c >= 0x100 && c <= 0x17f) || (c >= 0x1e00 && c <= 0x1eff))
		return c % 2 == 0;
	return c == 0x1a0 || c == 0x1af;
}

size_t
extract_count_words(const char *t, size_t s, size_t e)
{
	size_t w = 0;
	bool in = false;

	for (size_t i = s; i < e; i++) {
		bool sp = t[i] == ' ' || t[i] == '\t';

		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

bool
extract_has_char(const char *t, size_t s, size_t e, char c)
{
	return s < e && memchr(t + s, c, e - s) != NULL;
}

/* Every word capitalised, or a joining word: "Alice", "Phòng Văn hóa"
 * would fail (lower-case "hóa"), which is why only RF_NAME modals such
 * as bare "to" ask for it. */
bool
extract_all_capitalised(const char *t, size_t n, size_t s, size_t e,
    const struct word_list *joiners)
{
	size_t p = s;

	while (p < e) {
		size_t q = p;

		while (q < e && t[q] != ' ')
			q++;
		if (!extract_is_upper_at(t, n, p) &&
		    extract_word_at(joiners, t, p, q) == 0)
			return false;
		p = extract_skip_ws(t, n, q, e);
	}
	return true;
}

/* A ':' that introduces what follows, not one inside "14:00" or an
 * address ("https://"). */
size_t
extract_find_colon(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (t[i] == ':' && !(i > s && t[i - 1] >= '0' && t[i - 1] <= '9' &&
		    i + 1 < e && t[i + 1] >= '0' && t[i + 1] <= '9') &&
		    !(i + 2 < e && t[i + 1] == '/' && t[i + 2] == '/'))
			return i;
	return e;
}

/* Length of a list marker at p ("- ", "• ", "1. ", "a) "), or 0. */
size_t
extract_bullet(const char *t, size_t p, size_t e)
{
	size_t q = p;

	if (p < e && strchr("-+*", t[p]))
		q = p + 1;
	else if (p + 2 < e && (unsigned char)t[p] == 0xe2 &&
	    (unsigned char)t[p + 1] == 0x80 &&
	    ((unsigned char)t[p + 2] == 0xa2 || (unsigned char)t[p + 2] == 0x93))
		q = p + 3;	/* • and – */
	else {
		while (q < e && t[q] >= '0' && t[q] <= '9' && q - p < 3)
			q++;
		if (q == p && q < e && t[q] >= 'a' && t[q] <= 'z')
			q++;
		if (q == p || q >= e || (t[q] != '.' && t[q] != ')'))
			return 0;
		q++;
	}
	return q < e && (t[q] == ' ' || t[q] == '\t') ? q + 1 - p : 0;
}

/* End of the sentence starting at s within the line [s, e). */
size_t
extract_sentence_end(const char *t, size_t s, size_t e,
    const struct word_list *abbrevs)
{
	for (size_t i = s; i < e; i++) {
		size_t after;

		/* Most bytes end nothing: on to one that may. */
		if ((i = extract_find_bytes(t, i, e, ".!?\xe2", 4)) == e)
			break;
		if (t[i] == '.' || t[i] == '!' || t[i] == '?')
			after = i + 1;
		else if (i + 2 < e && (unsigned char)t[i] == 0xe2 &&
		    (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0xa6)
			after = i + 3;
		else
			continue;
		while (after < e && strchr(".\"')\xe2\x80\x9d", t[after]) &&
		    t[after] != '\0' && (unsigned char)t[after] < 0x80)
			after++;
		if (after < e && t[after] != ' ' && t[after] != '\t')
			continue;
		{
			size_t nx = after;

			while (nx < e && (t[nx] == ' ' || t[nx] == '\t'))
				nx++;
			if (nx < e && t[nx] >= 'a' && t[nx] <= 'z')
				continue;
		}
		if (t[i] == '.') {
			size_t w = i;
			bool skip;

			while (w > s && t[w - 1] != ' ' && t[w - 1] != '(')
				w--;
			skip = extract_word_is(abbrevs, t, w, i);
			if (i - w == 1 && t[w] >= 'A' && t[w] <= 'Z')
				skip = true;	/* an initial */
			if (skip)
				continue;
		}
		return after;
	}
	return e;
}

/* Vietnamese or English?  Letters only Vietnamese uses (ă, đ, ơ, ư and
 * the precomposed tone marks in U+1EA0..U+1EF9) are common in any
 * Vietnamese sentence and rare in English text that merely names people.
 * So are the Latin-1 vowels Vietnamese shares with French and Spanish (à,
 * á, â, ã, è, é, ê, ì, í, ò, ó, ô, õ, ù, ú, ý): a short directive such as
 * "Giao Phòng Kinh tế báo cáo trong tháng 9" has one letter of the first
 * kind and four of the second, and is Vietnamese all the same. */
/* A token that is no word of any language: an address ("https://...",
 * "www...."), a mail address, or one run of 40 bytes and more. */
static bool
not_words(const char *t, size_t s, size_t e)
{
	return e - s >= 40 || (e - s >= 4 && memmem(t + s, e - s, "://", 3)) ||
	    (e - s >= 4 && strncmp(t + s, "www.", 4) == 0) ||
	    memchr(t + s, '@', e - s) != NULL;
}

void
extract_count_letters(const char *t, size_t n, size_t *vi, size_t *letters)
{
	/* The vowels above by the low five bits of their second byte
	 * (after 0xc3), the same for capitals and small letters. */
	const unsigned long latin1 = 1ul << 0 | 1ul << 1 | 1ul << 2 |
	    1ul << 3 | 1ul << 8 | 1ul << 9 | 1ul << 10 | 1ul << 12 |
	    1ul << 13 | 1ul << 18 | 1ul << 19 | 1ul << 20 | 1ul << 21 |
	    1ul << 25 | 1ul << 26 | 1ul << 29;
	size_t ts = 0;

	*vi = *letters = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			ts = i + 1;
			continue;
		}
		if (i == ts) {
			size_t te = i;

			while (te < n && t[te] != ' ' && t[te] != '\t' &&
			    t[te] != '\n' && t[te] != '\r')
				te++;
			if (not_words(t, i, te)) {
				i = te - 1;
				continue;
			}
		}
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			(*letters)++;
		else if ((c == 0xc4 || c == 0xc6) || (c == 0xe1 && i + 1 < n &&
		    ((unsigned char)t[i + 1] == 0xba ||
		    (unsigned char)t[i + 1] == 0xbb)) || (c == 0xc3 &&
		    i + 1 < n && (latin1 >> ((unsigned char)t[i + 1] & 0x1f) &
		    1))) {
			(*vi)++;
			(*letters)++;
		}
	}
}

unsigned
extract_guess_lang(const char *t, size_t n)
{
	size_t vi, letters;

	extract_count_letters(t, n, &vi, &letters);
	return vi * 25 >= letters && vi > 0 ? LANG_VI : LANG_EN;
}

/* A paragraph needs this many letters to tell its language alone. */
#define MIN_LETTERS	24

size_t
extract_lang_runs(const char *t, size_t n, size_t **startp, unsigned **langp)
{
	size_t *start = NULL, nruns = 0, cap = 0, lcap = 0;
	unsigned *lang = NULL, cur = extract_guess_lang(t, n);

	for (size_t ls = 0, le; ls < n || nruns == 0; ls = le + 1) {
		size_t vi, letters;
		unsigned l = cur;

		le = ls;
		while (le < n && t[le] != '\n')
			le++;
		extract_count_letters(t + ls, le - ls, &vi, &letters);
		if (letters >= MIN_LETTERS)
			l = vi * 25 >= letters && vi > 0 ? LANG_VI : LANG_EN;
		if (nruns == 0 || l != lang[nruns - 1]) {
			XPUSH(start, nruns, cap);
			XPUSH(lang, nruns, lcap);
			start[nruns] = ls;
			lang[nruns++] = l;
		}
		cur = l;
		if (le >= n)
			break;
	}
	XPUSH(start, nruns, cap);
	start[nruns] = n;
	*startp = start;
	*langp = lang;
	return nruns;
}

/* True if the character at s[i] (valid UTF-8) cannot change under NFC
 * and cannot combine with what precedes it: ASCII, Latin-1, Latin
 * Extended-A/B, the precomposed Vietnamese letters, general punctuation
 * and arrows.  Decided on the lead bytes alone, as it runs over every
 * byte of the text. */
static inline bool
nfc_safe(const unsigned char *s, size_t len, size_t i)
{
	unsigned char c = s[i];

	if (c < 0xcc)		/* up to U+02FF, and continuation bytes */
		return true;
	if ((c == 0xe1 || c == 0xe2) && i + 1 < len) {
		unsigned char d = s[i + 1];

		return c == 0xe1 ? d >= 0xb8 && d <= 0xbb :
		    d == 0x80 || d == 0x81 || d == 0x86 || d == 0x87;
	}
	return false;
}

/* True if every character of s (valid UTF-8) is nfc_safe.  Most bytes
 * are below 0xcc and safe: eight at a time are passed over while none is
 * from 0xcc on; of the others, Vietnamese letters (0xe1 0xb8-0xbb) are
 * passed over whole. */
static bool
nfc_clean(const unsigned char *u, size_t len)
{
	const uint64_t low = 0x7f7f7f7f7f7f7f7fULL, add = 0x3434343434343434ULL,
	    high = 0x8080808080808080ULL;
	size_t k = 0;

	while (k < len) {
		uint64_t w;

		/* (b & 0x7f) + 0x34 reaches 0x80 in a byte b with its top
		 * bit set exactly when b >= 0xcc; no carry crosses bytes. */
		for (; k + 8 <= len; k += 8) {
			memcpy(&w, u + k, 8);
			if ((((w & low) + add) & w & high) != 0)
				break;
		}
		if (k >= len)
			break;
		if (u[k] < 0xcc)
			k++;
		else if (u[k] == 0xe1 && k + 2 < len && u[k + 1] >= 0xb8 &&
		    u[k + 1] <= 0xbb)
			k += 3;
		else if (!nfc_safe(u, len, k))
			return false;
		else
			k++;
	}
	return true;
}

/* True if s is valid UTF-8 without a NUL, and NFC already because every
 * character of it is nfc_safe: what nearly every text a secretary types
 * is.  One pass, a table look-up a character, answers both questions
 * the general route (utf8_valid, then nfc_clean) asks in two; false
 * sends the text that route. */
bool
extract_plain(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned char c = u[i], d;
		uint64_t w, stop;

		/* ASCII but NUL: the run of it, up to eight bytes at a time
		 * (in Vietnamese text, the letters between two accents). */
		if (i + 8 <= len) {
			memcpy(&w, u + i, 8);
			stop = (w | ((w - 0x0101010101010101ULL) & ~w)) &
			    0x8080808080808080ULL;
			i += stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
			if (!stop)
				continue;
			c = u[i];
		}
		if (c - 1u < 0x7f) {		/* ASCII, not NUL */
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xcb) {	/* U+0080-U+02FF */
			if (i + 1 >= len || (u[i + 1] & 0xc0) != 0x80)
				return false;
			i += 2;
			continue;
		}
		/* U+1E00-U+1EFF, the Vietnamese letters; U+2000-U+207F and
		 * U+2180-U+21FF, punctuation and arrows. */
		if ((c != 0xe1 && c != 0xe2) || i + 2 >= len ||
		    (u[i + 2] & 0xc0) != 0x80)
			return false;
		d = u[i + 1];
		if (c == 0xe1 ? d < 0xb8 || d > 0xbb :
		    d != 0x80 && d != 0x81 && d != 0x86 && d != 0x87)
			return false;
		i += 3;
	}
	return true;
}

/* The NFC form of valid UTF-8 s, or NULL when s is NFC already.  When it
 * is not, map[i] is the input offset of NFC byte i (map[nfclen] = len).
 * The text is cut into clusters, each a character followed by the
 * characters NFC might change; clusters holding only one safe character
 * are copied, the others normalised alone and mapped to their start. */
char *
extract_nfc_map(const char *s, size_t len, size_t *outlen, size_t **mapp)
{
	const unsigned char *u = (const unsigned char *)s;
	struct buf b = BUF_INIT;
	size_t *map, cap, i = 0;
	bool any = false;

	*mapp = NULL;
	*outlen = len;
	any = !nfc_clean(u, len);
	if (!any)
		return NULL;
	cap = len + len / 2 + 16;
	map = xreallocarray(NULL, cap + 1, sizeof *map);
	while (i < len) {
		size_t start = i, end, base = b.len;
		bool same;

		(void)utf8_decode(s, len, &i);
		end = i;
		while (end < len && !nfc_safe(u, len, end))
			(void)utf8_decode(s, len, &end);
		if (end == i && nfc_safe(u, len, start)) {
			buf_add(&b, s + start, end - start);
		} else {
			size_t nl;
			char *nf = utf8_nfc(s + start, end - start, &nl);

			buf_add(&b, nf, nl);
			free(nf);
		}
		if (b.len + 1 > cap) {
			cap = 2 * b.len + 16;
			map = xreallocarray(map, cap + 1, sizeof *map);
		}
		same = end - start == b.len - base &&
		    memcmp(b.s + base, s + start, end - start) == 0;
		for (size_t k = base; k < b.len; k++)
			map[k] = start + (same ? k - base : 0);
		i = end;
	}
	map[b.len] = len;
	*outlen = b.len;
	*mapp = map;
	return buf_steal(&b);
}

