/*
 * Cheap tests that tell when a rule cannot match a sentence, so that its
 * regular expression need not run there.  Most deadline and distractor
 * rules name a word every match must contain ("quý", "tháng", "Tết") or
 * need a digit; finding those in the sentence's folded form costs far
 * less than running forty patterns over it.  The words are read from the
 * pattern itself, conservatively: only literal text outside any optional
 * part or alternative counts, and a pattern this reader does not fully
 * understand gets no gate at all, so a gate never hides a match.
 *
 * A gate word is compared without folding the text, which would cost
 * more than it saves: ASCII letters compare ignoring case, and each other
 * character of the word ("á" in "tháng") stands for any one non-ASCII
 * character, so "Tháng", "THÁNG" and "tháng" all pass.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract_int.h"
#include "xmalloc.h"

/* Index just past the group or class that opens at p[i] ('(' or '['),
 * or 0 if it does not close. */
static size_t
close_of(const char *p, size_t n, size_t i)
{
	int depth = 0;
	bool cls = false;

	for (size_t j = i; j < n; j++) {
		if (p[j] == '\\') {
			j++;
			continue;
		}
		if (cls) {
			if (p[j] == ']' && !(j > 0 && p[j - 1] == '['))
				cls = false;
			if (p[i] == '[' && !cls)
				return j + 1;
			continue;
		}
		if (p[j] == '[') {
			cls = true;
			if (j + 1 < n && p[j + 1] == '^')
				j++;
			if (j + 1 < n && p[j + 1] == ']')
				j++;
		} else if (p[j] == '(')
			depth++;
		else if (p[j] == ')' && --depth == 0)
			return j + 1;
	}
	return 0;
}

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

/* True if p[s..e) has a '|' at its own level. */
static bool
has_alt(const char *p, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		if (p[i] == '\\')
			i++;
		else if (p[i] == '(' || p[i] == '[') {
			size_t c = close_of(p, e, i);

			if (c == 0)
				return true;
			i = c - 1;
		} else if (p[i] == '|')
			return true;
	}
	return false;
}

#define WILD	'\x01'	/* any one non-ASCII character */

static void
add_word(struct extract_gate *g, struct buf *run)
{
	struct buf w = BUF_INIT;
	size_t letters = 0;

	for (size_t i = 0; i < run->len; i++) {
		unsigned char c = (unsigned char)run->s[i];

		if (c >= 0x80) {
			if ((c & 0xc0) != 0x80)
				buf_addc(&w, WILD);
		} else {
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			letters += c >= 'a' && c <= 'z';
			buf_addc(&w, (char)c);
		}
	}
	if (letters >= 2 && g->n < EXTRACT_GATE_MAX)
		g->words[g->n++] = buf_steal(&w);
	buf_free(&w);
	buf_reset(run);
}

/* Collects what every match of the sequence p[s..e) must contain;
 * false if the sequence is beyond this reader. */
static bool
scan(const char *p, size_t s, size_t e, struct extract_gate *g)
{
	struct buf run = BUF_INIT;
	size_t i = s;
	bool ok = true;

	if (has_alt(p, s, e)) {
		buf_free(&run);
		return true;	/* nothing is certain, but nothing is wrong */
	}
	while (i < e && ok) {
		char c = p[i];

		if (c == '(') {
			size_t close = close_of(p, e, i), in = i + 1;
			bool look = false;

			add_word(g, &run);
			if (close == 0) {
				ok = false;
				break;
			}
			if (p[in] == '?') {
				if (p[in + 1] == '=' || p[in + 1] == '!' ||
				    (p[in + 1] == '<' && (p[in + 2] == '=' || p[in + 2] == '!')))
					look = true;
				else if (p[in + 1] == ':')
					in += 2;
				else if (p[in + 1] == '<' || p[in + 1] == 'P' ||
				    p[in + 1] == '\'') {
					const char *gt = memchr(p + in, p[in + 1] == '\'' ?
					    '\'' : '>', close - in);

					if (gt == NULL || p[in + 1] == 'P')
						ok = false;
					else
						in = (size_t)(gt - p) + 1;
				} else
					ok = false;	/* options, verbs, ... */
			} else if (p[in] == '*')
				ok = false;
			if (ok && !look && !optional_at(p, e, close))
				ok = scan(p, in, close - 1, g);
			i = skip_quant(p, e, close);
			continue;
		}
		if (c == '[' ) {
			size_t close = close_of(p, e, i);

			add_word(g, &run);
			if (close == 0) {
				ok = false;
				break;
			}
			i = skip_quant(p, e, close);
			continue;
		}
		if (c == '\\') {
			char d = i + 1 < e ? p[i + 1] : '\0';

			if (d == 'd' && !optional_at(p, e, i + 2))
				g->digit = true;
			if (d == 'Q' || d == 'E' || (d >= '1' && d <= '9')) {
				ok = false;
				break;
			}
			add_word(g, &run);
			i += 2;
			if ((d == 'p' || d == 'P' || d == 'x') && i < e && p[i] == '{') {
				const char *cb = memchr(p + i, '}', e - i);

				i = cb ? (size_t)(cb - p) + 1 : e;
			}
			i = skip_quant(p, e, i);
			continue;
		}
		if (c == ')' || c == '|') {
			ok = false;
			break;
		}
		if (strchr(".^$ \t", c)) {
			add_word(g, &run);
			i = skip_quant(p, e, i + 1);
			continue;
		}
		{
			/* One literal character, maybe several bytes long. */
			size_t j = i + 1;

			while (j < e && ((unsigned char)p[j] & 0xc0) == 0x80)
				j++;
			if (optional_at(p, e, j)) {
				add_word(g, &run);
				i = skip_quant(p, e, j);
				continue;
			}
			buf_add(&run, p + i, j - i);
			if (j < e && (p[j] == '+' || p[j] == '{')) {
				add_word(g, &run);
				j = skip_quant(p, e, j);
			}
			i = j;
		}
	}
	add_word(g, &run);
	buf_free(&run);
	return ok;
}

void
extract_gate_make(const char *pattern, struct extract_gate *g)
{
	size_t n = strlen(pattern);

	memset(g, 0, sizeof *g);
	/* Extended mode and the like change what text means: no gate. */
	if (strstr(pattern, "(?x") || strstr(pattern, "(*") ||
	    !scan(pattern, 0, n, g)) {
		extract_gate_free(g);
		memset(g, 0, sizeof *g);
	}
}

void
extract_gate_free(struct extract_gate *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->words[i]);
	g->n = 0;
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
