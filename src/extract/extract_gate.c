/*
 * Cheap tests that tell when a rule cannot match a sentence, so that its
 * regular expression need not run there.  Most deadline and distractor
 * rules name a word every match must contain ("quý", "tháng", "Tết") or
 * need a digit; finding those in the sentence's folded form costs far
 * less than running forty patterns over it.  The words are read from the
 * pattern itself, conservatively: only literal text outside any optional
 * part counts (of an alternation, one word from each branch), and a
 * pattern this reader does not fully understand gets no gate at all, so
 * a gate never hides a match.
 *
 * A word that every match holds where a word starts (after a space,
 * punctuation, a \b) is found by the index (extract_index.c) in its one
 * pass over the text; the reader tells which words those are.  For the
 * others the extractor does not search: it hashes the pairs of
 * adjacent characters of a sentence, in lower case, into a signature
 * once, and a word can be there only if each of its pairs is (a false
 * "maybe" costs one needless run of the rule, never a match).  Words are
 * kept with their letters for that ("need"), the Latin letters
 * Vietnamese uses in lower case, so "tháng" passes "THÁNG" but not
 * "thắng"; a group of alternatives such as "(?:thứ\s+\d|chủ nhật)"
 * gives a set of words, one from each branch, any of which will do
 * ("alts").  g->words, each non-ASCII character a wildcard, is the
 * older, plainer form of the same, which extract_gate_find searches.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>


#include "extract/extract_int.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* An alternation with more branches than this gets no gate: searching
 * for each would cost more than running the rule. */
#define MAX_ALTS	12

/* True if a quantifier at p[i] makes the item before it optional. */
static bool
optional_at(const char *p, size_t n, size_t i)
{
	return i < n && (p[i] == '?' || p[i] == '*' ||
	    (p[i] == '{' && i + 1 < n && p[i + 1] == '0'));
}

/* Index past a quantifier at p[i], if any. */
static size_t
skip_quant(const char *p, size_t n, size_t i)
{
	if (i < n && (p[i] == '?' || p[i] == '*' || p[i] == '+')) {
		i++;
	} else if (i < n && p[i] == '{') {
		const char *c = memchr(p + i, '}', n - i);

		i = c ? (size_t)(c - p) + 1 : n;
	}
	if (i < n && (p[i] == '?' || p[i] == '+'))
		i++;	/* lazy or possessive */
	return i;
}

/* Where a word the reader finds starts, as far as the pattern tells:
 * anywhere, after a \b (then at a word's start if it opens with a
 * letter or digit), or after a character \w does not match (a space, a
 * comma).  The index (extract_index.c) finds words only where a word may
 * start: only a word that always starts so may be looked for there. */
enum wstart { WS_ANY, WS_BOUND, WS_NONWORD };

/* Either of two: a place after an optional item. */
static enum wstart
meet(enum wstart a, enum wstart b)
{
	if (a == WS_ANY || b == WS_ANY)
		return WS_ANY;
	return a == WS_NONWORD && b == WS_NONWORD ? WS_NONWORD : WS_BOUND;
}

/* True for ASCII that \w does not match (and is no control). */
static bool
nonword_ascii(int c)
{
	return c >= 0x20 && c < 0x7f && !(c >= 'a' && c <= 'z') &&
	    !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_';
}

/* The place after one more item that leaves nonword (or not) before
 * what follows, optional or not. */
static enum wstart
after_item(enum wstart ws, bool nonword, bool optional)
{
	enum wstart now = nonword ? WS_NONWORD : WS_ANY;

	return optional ? meet(ws, now) : now;
}

#define WILD	'\x01'	/* any one non-ASCII character */
#define ALT	'\x02'	/* separates the alternatives of a gate word */

/* True for the Latin letters whose every caseless match under PCRE2 has
 * the same lower case: the precomposed Vietnamese letters and their
 * neighbours.  Long s (U+017F) matches "s", a letter with another lower
 * case, so it is left to WILD. */
static bool
foldable(int32_t cp)
{
	return (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7 &&
	    cp != 0x17f) || (cp >= 0x1ea0 && cp <= 0x1ef9);
}

/* Ends the literal run: a word of it goes to the gate, twice over.  As
 * g->words, with each non-ASCII character WILD, if it has two ASCII
 * letters; as g->need, with the foldable letters in lower case, if it
 * has two letters of either kind. */
static void
add_word(struct extract_gate *g, struct buf *run, enum wstart ws)
{
	struct buf w = BUF_INIT, x = BUF_INIT;
	size_t ascii = 0, letters = 0;
	/* A word after a \b starts a word if it opens with a letter. */
	unsigned char c0 = run->len ? (unsigned char)run->s[0] : 0;
	bool starts = ws == WS_NONWORD || (ws == WS_BOUND && (c0 >= 0x80 ||
	    !nonword_ascii(c0)));

	for (size_t i = 0; i < run->len; i++) {
		unsigned char c = (unsigned char)run->s[i];

		if (c >= 0x80) {
			size_t j = i;
			int32_t cp = utf8_decode(run->s, run->len, &j);

			buf_addc(&w, WILD);
			if (foldable(cp)) {
				utf8_encode(&x, utf8_tolower(cp));
				letters++;
			} else
				buf_addc(&x, WILD);
			i = j - 1;
		} else {
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			ascii += c >= 'a' && c <= 'z';
			buf_addc(&w, (char)c);
			buf_addc(&x, (char)c);
		}
	}
	letters += ascii;
	if (ascii >= 2 && g->n < EXTRACT_GATE_MAX)
		g->words[g->n++] = buf_steal(&w);
	if (letters >= 2 && g->nneed < EXTRACT_GATE_MAX) {
		g->need_starts[g->nneed] = starts;
		g->need[g->nneed++] = buf_steal(&x);
	}
	buf_free(&w);
	buf_free(&x);
	buf_reset(run);
}

static bool scan(const char *, size_t, size_t, struct extract_gate *,
    enum wstart *);

/* True if the alternatives in w already hold word. */
static bool
has_word(const struct buf *w, const char *word)
{
	size_t l = strlen(word);

	for (size_t a = 0; a < w->len; ) {
		const char *alt = memchr(w->s + a, ALT, w->len - a);
		size_t e = alt ? (size_t)(alt - w->s) : w->len;

		if (e - a == l && memcmp(w->s + a, word, l) == 0)
			return true;
		a = e + 1;
	}
	return false;
}

/* The gate of the alternation p[s..e): one word that each branch must
 * hold, joined by ALT, into g->alts; none when a branch holds no word
 * (or when there are too many branches to be worth testing).  Each
 * branch starts where *ws says; after them, *ws is where what follows
 * starts. */
static void
add_alts(const char *p, size_t s, size_t e, struct extract_gate *g,
    enum wstart *ws)
{
	struct buf w = BUF_INIT;
	size_t a = s, nalts = 0;
	bool ok = true, starts = true, first = true;
	enum wstart end = WS_ANY;

	for (size_t i = s; i <= e; i++) {
		struct extract_gate sub;
		const char *best = NULL;
		bool best_starts = false;
		enum wstart bws = *ws;

		if (i < e && p[i] == '\\') {
			i++;
			continue;
		}
		if (i < e && (p[i] == '(' || p[i] == '[')) {
			size_t c = extract_pat_close(p, e, i);

			if (c == 0) {
				ok = false;
				first = true;	/* where it ends is not known */
				break;
			}
			i = c - 1;
			continue;
		}
		if (i < e && p[i] != '|')
			continue;
		/* One branch p[a..i): of its words, the longest is the
		 * rarest. */
		memset(&sub, 0, sizeof sub);
		if (!scan(p, a, i, &sub, &bws))
			ok = false, bws = WS_ANY;
		end = first ? bws : meet(end, bws);
		first = false;
		/* A word the index can find beats a longer one. */
		for (int k = 0; ok && k < sub.nneed; k++)
			if (best == NULL || (sub.need_starts[k] && !best_starts) ||
			    (sub.need_starts[k] == best_starts &&
			    strlen(sub.need[k]) > strlen(best))) {
				best = sub.need[k];
				best_starts = sub.need_starts[k];
			}
		for (int k = 0; ok && k < sub.nalts; k++)
			if (best == NULL) {
				best = sub.alts[k];
				best_starts = sub.alts_start[k];
			}
		if (ok && best == NULL)
			ok = false;
		else if (ok && !has_word(&w, best)) {
			if (w.len > 0)
				buf_addc(&w, ALT);
			buf_add(&w, best, strlen(best));
			for (const char *c = best; *c; c++)
				nalts += *c == ALT;
			ok = ++nalts <= MAX_ALTS;
		}
		starts &= best_starts;
		extract_gate_free(&sub);
		a = i + 1;
	}
	*ws = first ? WS_ANY : end;
	if (ok && g->nalts < EXTRACT_GATE_MAX) {
		g->alts_start[g->nalts] = starts;
		g->alts[g->nalts++] = buf_steal(&w);
	}
	buf_free(&w);
}

/* Collects what every match of the sequence p[s..e) must contain;
 * false if the sequence is beyond this reader. */
/* Where the subpattern of the group opening at p[i] starts ("(?:",
 * "(?<name>" or "(" itself), with *look set for a look-around; 0 for a
 * group this reader does not understand (options, verbs, (?P...)). */
static size_t
group_body(const char *p, size_t i, size_t close, bool *look)
{
	size_t in = i + 1;

	*look = false;
	if (p[in] == '*')
		return 0;
	if (p[in] != '?')
		return in;
	if (p[in + 1] == '=' || p[in + 1] == '!' ||
	    (p[in + 1] == '<' && (p[in + 2] == '=' || p[in + 2] == '!'))) {
		*look = true;
		return in;
	}
	if (p[in + 1] == ':')
		return in + 2;
	if (p[in + 1] == '<' || p[in + 1] == '\'') {
		const char *gt = memchr(p + in, p[in + 1] == '\'' ? '\'' : '>',
		    close - in);

		return gt ? (size_t)(gt - p) + 1 : 0;
	}
	return 0;
}

/* True if the look-behind p[s..e) is plain text that ends in ASCII \w
 * does not match (", "). */
static bool
behind_nonword(const char *p, size_t s, size_t e)
{
	if (e <= s || !nonword_ascii((unsigned char)p[e - 1]))
		return false;
	for (size_t j = s; j < e; j++)
		if (strchr("\\^$.|?*+()[]{}", p[j]))
			return false;
	return true;
}

/* A group at p[i]: its words count only if it is neither optional nor
 * a look-around.  Returns where scanning goes on, or 0 if the pattern
 * is not understood; *ws becomes where what follows starts. */
static size_t
scan_group(const char *p, size_t i, size_t e, struct extract_gate *g,
    enum wstart *ws)
{
	size_t close = extract_pat_close(p, e, i), in;
	bool look, optional;
	enum wstart end = *ws;

	if (close == 0 || (in = group_body(p, i, close, &look)) == 0)
		return 0;
	if (look) {
		/* Matches no text; a look-behind for ", " tells what comes
		 * before. */
		if (p[i + 2] == '<' && p[i + 3] == '=' &&
		    behind_nonword(p, i + 4, close - 1))
			*ws = WS_NONWORD;
		return skip_quant(p, e, close);
	}
	optional = optional_at(p, e, close);
	if (!optional && !scan(p, in, close - 1, g, &end))
		return 0;
	if (optional) {
		/* Its words do not count; only where it may end. */
		struct extract_gate scratch;

		memset(&scratch, 0, sizeof scratch);
		if (!scan(p, in, close - 1, &scratch, &end))
			end = WS_ANY;
		extract_gate_free(&scratch);
		end = meet(*ws, end);
	}
	*ws = end;
	return skip_quant(p, e, close);
}

/* An escape at p[i]: a required \d sets the gate's digit; \p{..}
 * and \x{..} are one character.  0 for what this reader does not
 * understand (quoting, back references). */
static size_t
scan_escape(const char *p, size_t i, size_t e, struct extract_gate *g,
    enum wstart *ws)
{
	char d = i + 1 < e ? p[i + 1] : '\0';

	if (d == 'd' && !optional_at(p, e, i + 2))
		g->digit = true;
	if (d == 'Q' || d == 'E' || (d >= '1' && d <= '9'))
		return 0;
	i += 2;
	if ((d == 'p' || d == 'P' || d == 'x') && i < e && p[i] == '{') {
		const char *cb = memchr(p + i, '}', e - i);

		i = cb ? (size_t)(cb - p) + 1 : e;
	}
	if (d == 'b')
		*ws = WS_BOUND;
	else if (d == 's' || nonword_ascii((unsigned char)d))
		*ws = after_item(*ws, true, optional_at(p, e, i));
	else
		*ws = WS_ANY;
	return skip_quant(p, e, i);
}

/* Where what follows a class [...] at p[i..close) starts: after a
 * character \w does not match if all of its characters are ASCII
 * punctuation or space. */
static enum wstart
after_class(const char *p, size_t i, size_t close, size_t e, enum wstart ws)
{
	bool nonword = p[i + 1] != '^';

	for (size_t j = i + 1; j + 1 < close && nonword; j++) {
		if (p[j] == '\\') {
			j++;
			nonword = p[j] == 's' || nonword_ascii((unsigned char)p[j]);
			continue;
		}
		nonword = nonword_ascii((unsigned char)p[j]) && (p[j] != '-' ||
		    j == i + 1 || j + 2 == close);
	}
	return after_item(ws, nonword, optional_at(p, e, close));
}

/* One literal character at p[i], maybe several bytes long: it joins
 * the current word unless it is optional; a repeat ends the word. */
static size_t
scan_literal(const char *p, size_t i, size_t e, struct extract_gate *g,
    struct buf *run, enum wstart *ws, enum wstart *run_ws)
{
	size_t j = i + 1;
	bool nonword = nonword_ascii((unsigned char)p[i]);

	while (j < e && ((unsigned char)p[j] & 0xc0) == 0x80)
		j++;
	if (optional_at(p, e, j)) {
		add_word(g, run, *run_ws);
		*ws = after_item(*ws, nonword, true);
		return skip_quant(p, e, j);
	}
	if (run->len == 0)
		*run_ws = *ws;
	buf_add(run, p + i, j - i);
	*ws = after_item(*ws, nonword, false);
	if (j < e && (p[j] == '+' || p[j] == '{')) {
		add_word(g, run, *run_ws);
		j = skip_quant(p, e, j);
	}
	return j;
}

/* Reads the words every match of p[s..e) needs into g; false if the
 * pattern holds something this reader does not understand. */
static bool
scan(const char *p, size_t s, size_t e, struct extract_gate *g,
    enum wstart *ws)
{
	struct buf run = BUF_INIT;
	size_t i = s, c2;
	enum wstart run_ws = *ws;

	if (extract_pat_has_alt(p, s, e)) {
		add_alts(p, s, e, g, ws);
		return true;
	}
	while (i < e) {
		char c = p[i];

		if (c == '(' || c == '[' || c == '\\' || strchr(".^$ \t", c))
			add_word(g, &run, run_ws);
		if (c == ')' || c == '|')
			i = 0;
		else if (c == '(')
			i = scan_group(p, i, e, g, ws);
		else if (c == '[') {
			if ((c2 = extract_pat_close(p, e, i)) != 0)
				*ws = after_class(p, i, c2, e, *ws);
			i = c2 ? skip_quant(p, e, c2) : 0;
		} else if (c == '\\')
			i = scan_escape(p, i, e, g, ws);
		else if (strchr(".^$ \t", c)) {
			/* A line's start comes after a newline. */
			if (c == '^')
				*ws = WS_NONWORD;
			else if (c == ' ' || c == '\t')
				*ws = after_item(*ws, true, optional_at(p, e, i + 1));
			else
				*ws = WS_ANY;
			i = skip_quant(p, e, i + 1);
		} else
			i = scan_literal(p, i, e, g, &run, ws, &run_ws);
		if (i == 0)
			break;
	}
	add_word(g, &run, run_ws);
	buf_free(&run);
	return i != 0;
}

void
extract_gate_make(const char *pattern, struct extract_gate *g)
{
	size_t n = strlen(pattern);

	enum wstart ws = WS_ANY;

	memset(g, 0, sizeof *g);
	/* Extended mode and the like change what text means: no gate. */
	if (strstr(pattern, "(?x") || strstr(pattern, "(*") ||
	    !scan(pattern, 0, n, g, &ws)) {
		extract_gate_free(g);
		memset(g, 0, sizeof *g);
	}
}

void
extract_gate_free(struct extract_gate *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->words[i]);
	for (int i = 0; i < g->nneed; i++)
		free(g->need[i]);
	for (int i = 0; i < g->nalts; i++)
		free(g->alts[i]);
	g->n = g->nneed = g->nalts = 0;
}

bool
extract_gate_find(const char *t, size_t s, size_t e, const char *word)
{
	for (size_t i = s; i < e; i++) {
		size_t j = i;
		const char *w = word;

		for (; *w && j < e; w++) {
			unsigned char c = (unsigned char)t[j];

			if (*w == WILD) {
				if (c < 0xc0)
					break;
				j++;
				while (j < e && ((unsigned char)t[j] & 0xc0) == 0x80)
					j++;
			} else {
				if (c >= 'A' && c <= 'Z')
					c = (unsigned char)(c - 'A' + 'a');
				if (c != (unsigned char)*w)
					break;
				j++;
			}
		}
		if (*w == '\0')
			return true;
	}
	return false;
}

bool
extract_gate_pass(const struct extract_gate *g, const char *t, size_t s,
    size_t e, bool has_digit)
{
	if (g->digit && !has_digit)
		return false;
	for (int i = 0; i < g->n; i++)
		if (!extract_gate_find(t, s, e, g->words[i]))
			return false;
	return true;
}

/* Lower case of a code point, as gate words keep theirs.  Every
 * character is lowered, not only the foldable ones: "Å" (U+212B)
 * matches "å" caselessly.  The Vietnamese letters answer without a
 * table look-up: this runs on every character of a sentence. */
static inline uint32_t
lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp;
	if (cp >= 0x1ea0 && cp <= 0x1ef9)
		return cp | 1;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if (cp >= 0xdf && cp <= 0xff)
		return cp;
	/* ă đ ĩ ũ ơ ư and their capitals */
	switch (cp) {
	case 0x102: case 0x110: case 0x128: case 0x168: case 0x1a0:
		return cp + 1;
	case 0x1af:
		return 0x1b0;
	case 0x103: case 0x111: case 0x129: case 0x169: case 0x1a1: case 0x1b0:
		return cp;
	}
	return (uint32_t)utf8_tolower((int32_t)cp);
}

static inline void
sig_add(struct extract_sig *sig, uint32_t a, uint32_t b)
{
	/* Code points differ in few bits: the top bits of a product mix
	 * them, or common pairs ("và") would share a bit with rare ones
	 * ("hứ"). */
	uint32_t h = ((a * 0x9e3779b1u) ^ b) * 0x85ebca6bu >> (32 - 10);

	sig->b[h >> 6] |= (uint64_t)1 << (h & 63);
}

void
extract_sig_text(const char *t, size_t s, size_t e, struct extract_sig *sig,
    bool *digit)
{
	const unsigned char *u = (const unsigned char *)t;
	uint32_t prev = 0;
	bool have = false;

	memset(sig, 0, sizeof *sig);
	*digit = false;
	for (size_t i = s; i < e; ) {
		uint32_t cp = (uint32_t)extract_decode(u, &i);

		*digit |= cp >= '0' && cp <= '9';
		cp = lower(cp);
		if (have)
			sig_add(sig, prev, cp);
		prev = cp;
		have = true;
	}
}

size_t
extract_sig_word(const char *word, struct extract_sig **out)
{
	const unsigned char *u = (const unsigned char *)word;
	size_t n = 1, k = 0;

	for (const char *c = word; *c; c++)
		n += *c == ALT;
	*out = xcalloc(n, sizeof **out);
	for (size_t i = 0; word[i]; k++) {
		uint32_t prev = 0;
		bool have = false;

		/* Pairs with a WILD in them are left out: they could be any. */
		while (word[i] && word[i] != ALT) {
			if (word[i] == WILD) {
				have = false;
				i++;
				continue;
			}
			uint32_t cp = (uint32_t)extract_decode(u, &i);

			if (have)
				sig_add(&(*out)[k], prev, cp);
			prev = cp;
			have = true;
		}
		if (word[i] == ALT)
			i++;
	}
	return n;
}

