/*
 * Word lists of the extractor: pronouns, determiners, abbreviations,
 * conjunctions and the other small words the assembler must recognise
 * as words, not as patterns.  They are data like the rules, read from
 * the same files (extract_rules.c), one set per language, so that no
 * word of Vietnamese or English sits in the program.  Comparison is
 * byte for byte on NFC text; a caseless list also holds each word with
 * its first letter in capitals.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

static void
push_word(struct word_list *l, const char *w, size_t len)
{
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == len && memcmp(l->v[i], w, len) == 0)
			return;
	XPUSH(l->v, l->n, l->cap);
	l->v[l->n++] = xstrndup(w, len);
}

/* w with its first letter in capitals, or NULL if that changes nothing. */
static char *
capitalised(const char *w, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0;
	int32_t c = utf8_decode(w, len, &i), up = utf8_toupper(c);

	if (up == c)
		return NULL;
	utf8_encode(&b, up);
	buf_add(&b, w + i, len - i);
	return buf_steal(&b);
}

void
extract_words_add(struct word_list *l, const char *list, size_t len,
    bool caseless)
{
	size_t p = 0;

	while (p < len) {
		size_t s, e;

		while (p < len && (list[p] == ' ' || list[p] == '\t' ||
		    list[p] == '|'))
			p++;
		s = p;
		while (p < len && list[p] != '|')
			p++;
		e = p;
		while (e > s && (list[e - 1] == ' ' || list[e - 1] == '\t'))
			e--;
		if (e == s)
			continue;
		push_word(l, list + s, e - s);
		if (caseless) {
			char *cap = capitalised(list + s, e - s);

			if (cap) {
				push_word(l, cap, strlen(cap));
				free(cap);
			}
		}
	}
}

void
extract_words_free(struct extract_words *w)
{
	for (int k = 0; k < WK_NKINDS; k++) {
		for (size_t i = 0; i < w->k[k].n; i++)
			free(w->k[k].v[i]);
		free(w->k[k].v);
		w->k[k] = (struct word_list){ 0 };
	}
}

size_t
extract_word_at(const struct word_list *l, const char *t, size_t s, size_t e)
{
	for (size_t i = 0; l && i < l->n; i++) {
		size_t wl = strlen(l->v[i]);

		if (e - s >= wl && memcmp(t + s, l->v[i], wl) == 0 &&
		    (e - s == wl || t[s + wl] == ' ' || t[s + wl] == ','))
			return wl;
	}
	return 0;
}

bool
extract_word_is(const struct word_list *l, const char *t, size_t s, size_t e)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (strlen(l->v[i]) == e - s && memcmp(t + s, l->v[i], e - s) == 0)
			return true;
	return false;
}

size_t
extract_word_before(const struct word_list *l, const char *t, size_t s,
    size_t e)
{
	for (size_t i = 0; l && i < l->n; i++) {
		size_t wl = strlen(l->v[i]);

		if (e - s >= wl && memcmp(t + e - wl, l->v[i], wl) == 0 &&
		    (e - s == wl || t[e - wl - 1] == ' ' || t[e - wl - 1] == ','))
			return wl;
	}
	return 0;
}
