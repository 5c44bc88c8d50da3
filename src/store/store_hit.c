/*
 * Which part of a meeting a search hit shows (store_hit_part, declared
 * in store_pg.h): the part holding most of the
 * query's phrases, the sections first, then the tasks, the roster, the
 * header, the title.  Written over plain strings, so that both backends
 * use it: the SQLite one hands over its statement's columns.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "lib/xmalloc.h"
#include "store/store_pg.h"

/* Makes part/section/text of h the part with the best count so far. */
static void
take(struct search_hit *h, enum search_part part, const char *key,
    size_t klen, const char *text, size_t len)
{
	free(h->section);
	free(h->text);
	h->part = part;
	h->section = key ? xstrndup(key, klen) : NULL;
	h->text = xstrndup(text, len);
}

void
store_hit_part(struct search_hit *h, const char *const parts[6],
    const struct search_query *q)
{
	static const struct { int col; enum search_part part; } others[] = {
		{ 4, SEARCH_PART_TASKS }, { 2, SEARCH_PART_ROSTER },
		{ 1, SEARCH_PART_HEADER }, { 0, SEARCH_PART_TITLE }
	};
	const char *body = parts[3], *keys = parts[5];
	size_t best = 0;

	h->part = SEARCH_PART_TITLE;
	h->section = NULL;
	h->text = NULL;
	/* Sections: body holds them separated by "\n\x1e\n", keys their keys
	 * separated by spaces, in the same order. */
	while (body && *body) {
		const char *end = strstr(body, "\n\x1e\n");
		size_t len = end ? (size_t)(end - body) : strlen(body);
		size_t klen = keys ? strcspn(keys, " ") : 0, c;

		c = search_count(body, len, q);
		if (c > best) {
			best = c;
			take(h, SEARCH_PART_SECTION, keys, klen, body, len);
		}
		if (keys)
			keys = keys[klen] ? keys + klen + 1 : NULL;
		body = end ? end + 3 : NULL;
	}
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		const char *t = parts[others[i].col];
		size_t c;

		if (t == NULL)
			continue;
		c = search_count(t, strlen(t), q);
		if (c > best) {
			best = c;
			take(h, others[i].part, NULL, 0, t, strlen(t));
		}
	}
	if (h->text == NULL)
		h->text = xstrdup(parts[0] ? parts[0] : "");
}
