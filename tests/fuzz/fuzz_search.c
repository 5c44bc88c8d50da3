/*
 * Fuzz target for search queries.  The first byte gives the parse flags
 * and the snippet's width; the bytes up to the first NUL are the query as
 * typed, the rest a text to search.  A query that parses must give FTS5
 * text in every combination of options, be counted against the text and
 * make a snippet no wider than asked; and the FTS5 text must keep every
 * phrase inside double quotes, since what the user types must never be
 * FTS5 syntax.
 */
#include "config.h"

#include <string.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "fuzz.h"
#include "core/search.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* Outside quoted strings the FTS5 text may hold only the column filter,
 * AND, parentheses, spaces and the * after a quoted prefix. */
static void
check_fts(const char *q, const char *cols)
{
	const char *p = q;

	if (strncmp(p, cols, strlen(cols)) == 0)
		p += strlen(cols);
	while (*p) {
		if (*p == '"') {
			for (p++; *p; p++)
				if (*p == '"') {
					if (p[1] != '"')
						break;
					p++;
				}
			FUZZ_CHECK(*p == '"', "an unterminated FTS5 string");
			p++;
		} else if (strncmp(p, "AND", 3) == 0)
			p += 3;
		else if (strncmp(p, cols, strlen(cols)) == 0)
			p += strlen(cols);
		else {
			FUZZ_CHECK(strchr(" ()*:", *p) != NULL,
			    "FTS5 syntax outside a quoted string");
			p++;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char cols[] = "{title body}";
	struct search_query q;
	struct buf b = BUF_INIT;
	struct err e;
	const uint8_t *nul;
	char *query;
	const char *text;
	size_t tlen, width;

	if (size < 1)
		return 0;
	width = data[0] >> 1;
	nul = memchr(data + 1, '\0', size - 1);
	query = xstrndup((const char *)data + 1,
	    nul ? (size_t)(nul - data - 1) : size - 1);
	text = nul ? (const char *)nul + 1 : "";
	tlen = nul ? size - (size_t)(nul + 1 - data) : 0;
	if (search_query_parse(query, data[0] & 1 ? SEARCH_PREFIX_LAST : 0,
	    &q, &e) != 0) {
		free(query);
		return 0;
	}
	FUZZ_CHECK(q.n >= 1 && q.n <= SEARCH_MAX_PHRASES, "phrase count");
	for (int k = 0; k < 4; k++) {
		char *fts = search_query_fts(&q, cols, k & 1, k & 2);

		check_fts(fts, cols);
		free(fts);
	}
	if (utf8_valid(text, tlen, NULL)) {
		char *t = xstrndup(text, tlen);

		(void)search_count(t, tlen, &q);
		search_snippet(&b, t, &q, width, "[", "]");
		FUZZ_CHECK(utf8_valid(b.s ? b.s : "", b.len, NULL),
		    "a snippet that is not UTF-8");
		FUZZ_CHECK(utf8_width(b.s ? b.s : "", b.len) <= width,
		    "a snippet wider than asked");
		free(t);
	}
	buf_free(&b);
	search_query_free(&q);
	free(query);
	return 0;
}
