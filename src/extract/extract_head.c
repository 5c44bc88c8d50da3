/*
 * What every match of a rule starts with: its heads.  "trong tháng 9" and
 * "cuối tháng 10" are found by a rule that opens on "(?:trong|cuối)
 * tháng": wherever neither "trong" nor "cuối" starts, the rule cannot
 * match, and need not be tried.  The heads are read from the pattern's
 * source, conservatively, as extract_gate.c reads its words: zero-width
 * items in front (\b, look-arounds) are passed over; a literal, a small
 * class, \d, or a group of such alternatives gives the heads, joined
 * with what follows where the item is fixed; an optional item adds the
 * heads of what follows it.  Whatever this reader does not understand
 * (\s, \p{..}, '.', back references, extended mode) makes "anything" a
 * head: the rule then has none and is run as before.
 *
 * Heads are folded as extract_index.c compares them: each character in
 * lower case, with the few letters that PCRE2 matches caselessly to a
 * third form (long s, the Kelvin and Ångström signs) folded together,
 * and every digit one mark, HEAD_DIGIT, since \d with UCP is any decimal
 * digit.  A head may only hold characters whose caseless matches this
 * folding is known to catch (ASCII, the Latin blocks Vietnamese uses,
 * punctuation), so folding the text the same way never hides a match.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* A head is cut after this many characters (a prefix of a head is still
 * one), and a rule with more than HEAD_MAX heads has them cut shorter. */
#define HEAD_CHARS	12
#define HEAD_MAX	64
/* Nesting beyond this is not read. */
#define HEAD_DEPTH	32

/* A set of heads being read: folded strings; "" among them means that a
 * match may start with anything. */
struct hset {
	char	**v;
	size_t	  n, cap;
};

static void
hset_free(struct hset *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	memset(h, 0, sizeof *h);
}

static bool
hset_any(const struct hset *h)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i][0] == '\0')
			return true;
	return false;
}

static void
hset_add(struct hset *h, const char *s, size_t len)
{
	XPUSH(h->v, h->n, h->cap);
	h->v[h->n++] = xstrndup(s, len);
}

static void
hset_set_any(struct hset *h)
{
	hset_free(h);
	hset_add(h, "", 0);
}

static void
hset_copy(struct hset *to, const struct hset *from)
{
	hset_free(to);
	for (size_t i = 0; i < from->n; i++)
		hset_add(to, from->v[i], strlen(from->v[i]));
}

/* Bytes of the first max characters of s. */
static size_t
chars_len(const char *s, size_t max)
{
	size_t i = 0;

	for (size_t k = 0; s[i] && k < max; k++)
		for (i++; ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

static int
cmp_len(const void *a, const void *b)
{
	size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);

	return x < y ? -1 : x > y;
}

/* Keeps the heads no other head is a prefix of, and at most HEAD_MAX of
 * them, cutting all shorter if need be ("" when even one character each
 * is too many). */
static void
hset_minimise(struct hset *h)
{
	for (size_t cut = HEAD_CHARS; ; cut--) {
		size_t n = 0;

		for (size_t i = 0; i < h->n; i++)
			h->v[i][chars_len(h->v[i], cut)] = '\0';
		qsort(h->v, h->n, sizeof *h->v, cmp_len);
		for (size_t i = 0; i < h->n; i++) {
			bool covered = false;

			for (size_t k = 0; k < n && !covered; k++)
				covered = strncmp(h->v[i], h->v[k], strlen(h->v[k])) == 0;
			if (covered)
				free(h->v[i]);
			else
				h->v[n++] = h->v[i];
		}
		h->n = n;
		if (h->n <= HEAD_MAX)
			return;
		if (cut == 1) {
			hset_set_any(h);
			return;
		}
	}
}

/* h becomes { a + b : a in h, b in tail }, cut at HEAD_CHARS. */
static void
hset_concat(struct hset *h, const struct hset *tail)
{
	struct hset out = { 0 };

	for (size_t i = 0; i < h->n; i++)
		for (size_t k = 0; k < tail->n; k++) {
			char *s = xasprintf("%s%s", h->v[i], tail->v[k]);

			hset_add(&out, s, chars_len(s, HEAD_CHARS));
			free(s);
		}
	hset_free(h);
	*h = out;
	hset_minimise(h);
}

static void
hset_union(struct hset *h, const struct hset *more)
{
	for (size_t i = 0; i < more->n; i++)
		hset_add(h, more->v[i], strlen(more->v[i]));
	hset_minimise(h);
}

/* ---- the characters a head may hold --------------------------------- */

/* True for a code point whose caseless matches under PCRE2 all fold to
 * extract_fold of it: ASCII, Latin-1 but the micro sign (Greek mu's
 * other case), Latin Extended-A and -B, Latin Extended Additional (the
 * Vietnamese letters), and general punctuation, which has no case. */
static bool
head_char(int32_t cp)
{
	return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0x24f &&
	    cp != 0xb5) || (cp >= 0x1e00 && cp <= 0x1eff) ||
	    (cp >= 0x2000 && cp <= 0x206f);
}

int32_t
extract_fold(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
	switch (cp) {
	case 0x17f:	return 's';	/* long s */
	case 0x212a:	return 'k';	/* Kelvin sign */
	case 0x212b:	return 0xe5;	/* Ångström sign */
	case 0x1e9b:	return 0x1e61;	/* long s with dot above */
	case 0x1e9e:	return 0xdf;	/* capital sharp s */
	}
	/* Some letters of the blocks heads use have their other case far
	 * away (U+023F and U+2C7E): every character is lowered. */
	return utf8_tolower(cp);
}

/* A pattern being read, and whether its heads keep their case (a rule
 * that matches case-sensitively). */
struct reader {
	const char	*p;
	bool		 exact;
};

/* Appends cp to b as heads hold it: folded unless exact; a digit is
 * HEAD_DIGIT. */
static void
add_char(const struct reader *rd, struct buf *b, int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		buf_addc(b, HEAD_DIGIT);
	else
		utf8_encode(b, rd->exact ? cp : extract_fold(cp));
}

/* ---- reading the pattern ---------------------------------------------- */

/* A quantifier at p[i]: its least count, whether it allows more than
 * one, and where it ends (i itself when there is none).  False for a
 * '{' that is not one. */
static bool
quantifier(const char *p, size_t e, size_t i, unsigned *min, bool *many,
    size_t *end)
{
	*min = 1;
	*many = false;
	*end = i;
	if (i >= e)
		return true;
	if (p[i] == '?' || p[i] == '*' || p[i] == '+') {
		*min = p[i] == '+';
		*many = p[i] != '?';
		i++;
	} else if (p[i] == '{') {
		size_t j = i + 1;
		unsigned lo = 0, hi = 0;

		if (j >= e || p[j] < '0' || p[j] > '9')
			return false;
		for (; j < e && p[j] >= '0' && p[j] <= '9'; j++)
			lo = lo < 1000 ? lo * 10 + (unsigned)(p[j] - '0') : lo;
		hi = lo;
		if (j < e && p[j] == ',') {
			hi = 2;		/* {n,} and {n,m}: say many */
			for (j++; j < e && p[j] >= '0' && p[j] <= '9'; j++)
				;
		}
		if (j >= e || p[j] != '}')
			return false;
		*min = lo;
		*many = hi > 1 || lo > 1;
		i = j + 1;
	} else
		return true;
	if (i < e && (p[i] == '?' || p[i] == '+'))
		i++;	/* lazy or possessive */
	*end = i;
	return true;
}

/* What a group opening at p[i] (and closing before close) is: where its
 * body starts, or 0 for a group this reader does not follow; *zero for
 * a look-around or an option setting, which match no text. */
static size_t
group_kind(const char *p, size_t i, size_t close, bool *zero)
{
	size_t in = i + 1;

	*zero = false;
	if (p[in] == '*')
		return 0;		/* verbs */
	if (p[in] != '?')
		return in;
	in++;
	if (p[in] == '=' || p[in] == '!' ||
	    (p[in] == '<' && (p[in + 1] == '=' || p[in + 1] == '!'))) {
		*zero = true;
		return in;
	}
	if (p[in] == ':' || p[in] == '>' || p[in] == '|')
		return in + 1;
	if (p[in] == '<' || p[in] == '\'' || (p[in] == 'P' && p[in + 1] == '<')) {
		const char *gt = memchr(p + in, p[in] == '\'' ? '\'' : '>',
		    close - in);

		return gt ? (size_t)(gt - p) + 1 : 0;
	}
	/* Options: "(?i)", "(?-i:...)"; never x, which changes what the
	 * rest means. */
	while (p[in] && strchr("imnsJU-", p[in]))
		in++;
	if (p[in] == ')') {
		*zero = true;
		return in;
	}
	return p[in] == ':' ? in + 1 : 0;
}

/* The characters of the class p[i..close) (a '[' at i), each folded,
 * into *out; false for one this reader does not follow (negated, with
 * escapes other than \d and quoted punctuation, or too large). */
static bool
class_heads(const struct reader *rd, size_t i, size_t close, struct hset *out)
{
	const char *p = rd->p;
	struct buf b = BUF_INIT;
	size_t j = i + 1, e = close - 1, count = 0;
	bool ok = p[j] != '^';

	while (ok && j < e) {
		int32_t lo, hi;

		if (p[j] == '\\') {
			char d = p[j + 1];

			if (d == 'd') {
				buf_reset(&b);
				buf_addc(&b, HEAD_DIGIT);
				hset_add(out, b.s, b.len);
				j += 2;
				continue;
			}
			if (!(d > 0x20 && d < 0x7f && !(d >= '0' && d <= '9') &&
			    !(d >= 'a' && d <= 'z') && !(d >= 'A' && d <= 'Z'))) {
				ok = false;
				break;
			}
			lo = d;
			j += 2;
		} else if (p[j] == '[') {
			ok = false;	/* [:alpha:] */
			break;
		} else
			lo = utf8_decode(p, e, &j);
		hi = lo;
		if (j + 1 < e && p[j] == '-' && p[j + 1] != '\\' && p[j + 1] != '[') {
			j++;
			hi = utf8_decode(p, e, &j);
		}
		if (hi < lo || hi - lo > 16 || (count += (size_t)(hi - lo) + 1) > 16)
			ok = false;
		for (int32_t cp = lo; ok && cp <= hi; cp++) {
			if (!head_char(cp)) {
				ok = false;
				break;
			}
			buf_reset(&b);
			add_char(rd, &b, cp);
			hset_add(out, b.s, b.len);
		}
	}
	buf_free(&b);
	if (ok)
		hset_minimise(out);
	return ok;
}

static void seq(const struct reader *, size_t, size_t, const struct hset *,
    int, struct hset *);

/* The first item at p[i] that matches text, as a set of heads in *item
 * (each one complete: *fixed, a literal that matches nothing else, so
 * that what follows may be joined to it), or a group whose body
 * [*body, *body_end) gives them.  *next is past the item (before its
 * quantifier).  False if the item is beyond this reader. */
static bool
first_item(const struct reader *rd, size_t i, size_t e, struct hset *item,
    bool *fixed, size_t *body, size_t *body_end, size_t *next)
{
	const char *p = rd->p;
	struct buf b = BUF_INIT;
	int32_t cp;

	*fixed = false;
	*body = *body_end = 0;
	if (p[i] == '(') {
		size_t close = extract_pat_close(p, e, i);
		bool zero;

		if (close == 0 || (*body = group_kind(p, i, close, &zero)) == 0 ||
		    zero)
			return false;
		*body_end = close - 1;
		*next = close;
		return true;
	}
	if (p[i] == '[') {
		size_t close = extract_pat_close(p, e, i);

		*next = close;
		*fixed = true;
		return close != 0 && class_heads(rd, i, close, item);
	}
	if (p[i] == '\\') {
		char d = i + 1 < e ? p[i + 1] : '\0';

		*next = i + 2;
		*fixed = true;
		if (d == 'd')
			buf_addc(&b, HEAD_DIGIT);
		else if (d > 0x20 && d < 0x7f && !(d >= '0' && d <= '9') &&
		    !(d >= 'a' && d <= 'z') && !(d >= 'A' && d <= 'Z'))
			buf_addc(&b, d);	/* quoted punctuation */
		else
			return false;
		hset_add(item, b.s, b.len);
		buf_free(&b);
		return true;
	}
	if (strchr(".^$|)*+?{}", p[i]))
		return false;
	*next = i;
	cp = utf8_decode(p, e, next);
	if (!head_char(cp))
		return false;
	add_char(rd, &b, cp);
	hset_add(item, b.s, b.len);
	buf_free(&b);
	*fixed = true;
	return true;
}

/* Past the items at p[i] that match no text: \b, ^, look-arounds,
 * option settings.  Returns i itself if there are none, or 0 for an
 * escape this reader must not pass over (\K moves the match's start). */
static size_t
skip_zero_width(const char *p, size_t i, size_t e)
{
	for (;;) {
		bool zero;
		size_t close;

		if (i + 1 < e && p[i] == '\\' && strchr("bBAGzZ", p[i + 1]))
			i += 2;
		else if (i + 1 < e && p[i] == '\\' && p[i + 1] == 'K')
			return SIZE_MAX;
		else if (i < e && (p[i] == '^' || p[i] == '$'))
			i++;
		else if (i < e && p[i] == '(' &&
		    (close = extract_pat_close(p, e, i)) != 0 &&
		    group_kind(p, i, close, &zero) != 0 && zero)
			i = close;
		else
			return i;
	}
}

/* The heads of the sequence p[s..e) followed by text whose heads are
 * cont, into *out (empty on entry).  left counts down the items still
 * worth reading: a head needs only so many characters. */
static void
seq(const struct reader *rd, size_t s, size_t e, const struct hset *cont,
    int left, struct hset *out)
{
	const char *p = rd->p;
	struct hset item = { 0 }, rest = { 0 };
	size_t i, body, body_end, next, end;
	unsigned min;
	bool fixed, many;

	if (extract_pat_has_alt(p, s, e)) {
		for (size_t a = s, k = s; k <= e; k++) {
			struct hset branch = { 0 };

			if (k < e && p[k] == '\\') {
				k++;
				continue;
			}
			if (k < e && (p[k] == '(' || p[k] == '[')) {
				size_t c = extract_pat_close(p, e, k);

				k = c ? c - 1 : e;
				continue;
			}
			if (k < e && p[k] != '|')
				continue;
			seq(rd, a, k, cont, left, &branch);
			hset_union(out, &branch);
			hset_free(&branch);
			a = k + 1;
		}
		return;
	}
	if ((i = skip_zero_width(p, s, e)) == SIZE_MAX) {
		hset_set_any(out);
		return;
	}
	if (i >= e) {
		hset_copy(out, cont);
		return;
	}
	if (left <= 0 || !first_item(rd, i, e, &item, &fixed, &body, &body_end,
	    &next) || !quantifier(p, e, next, &min, &many, &end)) {
		hset_free(&item);
		hset_set_any(out);
		return;
	}
	/* What follows the item; wanted unless the item is repeated. */
	if (min == 0 || !many)
		seq(rd, end, e, cont, left - 1, &rest);
	if (body_end > 0) {
		/* A group: its body followed by what follows it. */
		struct hset any = { 0 };

		hset_add(&any, "", 0);
		seq(rd, body, body_end, many ? &any : &rest, left - 1, &item);
		hset_free(&any);
	} else if (fixed && min > 0 && !many)
		hset_concat(&item, &rest);
	if (min == 0)
		hset_union(&item, &rest);
	hset_free(&rest);
	*out = item;
}

/* True if a head opens with a character \w matches (a letter, a digit,
 * '_'), so that after a \b the match starts a word. */
static bool
word_head(const char *h)
{
	size_t i = 0;
	int32_t cp;

	if (h[0] == HEAD_DIGIT || h[0] == '_')
		return true;
	cp = utf8_decode(h, strlen(h), &i);
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xc0 && cp <= 0x24f &&
	    cp != 0xd7 && cp != 0xf7) || (cp >= 0x1e00 && cp <= 0x1eff);
}

/* True if the pattern opens on a look-behind for plain text that ends
 * in a character \w does not match ("(?<=, )"): then no match starts
 * right after a letter or digit. */
static bool
behind_nonword(const char *p, size_t n)
{
	size_t close;
	char last;

	if (strncmp(p, "(?<=", 4) != 0 ||
	    (close = extract_pat_close(p, n, 0)) < 6)
		return false;
	for (size_t i = 4; i < close - 1; i++)
		if (strchr("\\^$.|?*+()[]{}", p[i]))
			return false;
	last = p[close - 2];
	return last > 0 && last < 0x7f && !(last >= 'a' && last <= 'z') &&
	    !(last >= 'A' && last <= 'Z') && !(last >= '0' && last <= '9') &&
	    last != '_';
}

/* True if an option setting in the pattern turns caseless matching on:
 * "(?i)", "(?si:", but not "(?-i:". */
static bool
sets_caseless(const char *p)
{
	for (const char *q = strstr(p, "(?"); q != NULL; q = strstr(q + 1, "(?")) {
		for (const char *o = q + 2; *o && strchr("imnsxJU^-", *o); o++) {
			if (*o == '-')
				break;
			if (*o == 'i')
				return true;
		}
	}
	return false;
}

void
extract_heads_make(const char *pattern, bool caseless, struct extract_heads *h)
{
	struct hset any = { 0 }, out = { 0 };
	size_t n = strlen(pattern);
	/* A case-sensitive rule keeps its heads' case, unless a part of it
	 * is caseless. */
	struct reader rd = { pattern, !caseless && !sets_caseless(pattern) };

	memset(h, 0, sizeof *h);
	/* Extended mode, verbs, \Q...\E and callouts change what text means
	 * or where a match starts. */
	if (strstr(pattern, "(?x") || strstr(pattern, "(*") ||
	    strstr(pattern, "\\Q") || strstr(pattern, "(?C") ||
	    strstr(pattern, "\\K") || strstr(pattern, "(?#"))
		return;
	hset_add(&any, "", 0);
	seq(&rd, 0, n, &any, HEAD_CHARS, &out);
	hset_free(&any);
	if (out.n == 0 || hset_any(&out)) {
		hset_free(&out);
		return;
	}
	h->v = out.v;
	h->n = out.n;
	h->exact = rd.exact;
	/* "\b" first, before all of the pattern, not one branch of it, and
	 * every head a letter or digit; or a look-behind for ", ". */
	h->word = strncmp(pattern, "\\b", 2) == 0 &&
	    !extract_pat_has_alt(pattern, 0, n);
	for (size_t i = 0; i < h->n && h->word; i++)
		h->word = word_head(h->v[i]);
	if (!h->word)
		h->word = behind_nonword(pattern, n) &&
		    !extract_pat_has_alt(pattern, 0, n);
}

void
extract_heads_free(struct extract_heads *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	memset(h, 0, sizeof *h);
}
