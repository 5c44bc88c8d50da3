/*
 * Fuzz target for the three-way merge of texts (core/merge_text.c).  The
 * input is three texts separated by NUL bytes: base, mine, theirs (a
 * missing part is empty).  Besides memory safety and the bound on its
 * work, it checks the promises the store leans on: a side that did not
 * change gives the other side's text exactly; the same text on both sides
 * is taken as it is; a clean merge does not depend on which side is
 * "mine"; valid UTF-8 in gives valid UTF-8 out; and each conflict is
 * written between one pair of marker lines.
 */
#include "config.h"

#include <string.h>

#include "core/merge.h"
#include "fuzz.h"
#include "lib/buf.h"
#include "lib/utf8.h"

static bool
equal(const struct buf *b, const char *s, size_t n)
{
	return b->len == n && (n == 0 || memcmp(b->s, s, n) == 0);
}

static size_t
count(const struct buf *b, const char *needle)
{
	size_t n = 0, len = strlen(needle);

	for (const char *p = b->s; p && (p = memmem(p, b->len - (size_t)(p -
	    b->s), needle, len)) != NULL; p += len)
		n++;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part[3] = { "", "", "" }, *p = (const char *)data;
	size_t len[3] = { 0, 0, 0 }, rest = size, c1, c2;
	struct buf a = BUF_INIT, b = BUF_INIT;
	bool valid = true, marked = false;

	for (int i = 0; i < 3 && rest > 0; i++) {
		const char *nul = memchr(p, '\0', rest);

		part[i] = p;
		len[i] = nul ? (size_t)(nul - p) : rest;
		rest -= len[i] + (nul != NULL);
		p += len[i] + (nul != NULL);
	}
	for (int i = 0; i < 3; i++) {
		valid = valid && utf8_valid(part[i], len[i], NULL);
		marked = marked || memmem(part[i], len[i], "[[", 2) != NULL;
	}
	merge_text(part[0], len[0], part[0], len[0], part[2], len[2], &a);
	FUZZ_CHECK(equal(&a, part[2], len[2]), "unchanged mine: not theirs");
	merge_text(part[0], len[0], part[1], len[1], part[0], len[0], &a);
	FUZZ_CHECK(equal(&a, part[1], len[1]), "unchanged theirs: not mine");
	merge_text(part[0], len[0], part[1], len[1], part[1], len[1], &a);
	FUZZ_CHECK(equal(&a, part[1], len[1]), "the same change: not taken");
	c1 = merge_text(part[0], len[0], part[1], len[1], part[2], len[2], &a);
	c2 = merge_text(part[0], len[0], part[2], len[2], part[1], len[1], &b);
	FUZZ_CHECK((c1 == 0) == (c2 == 0), "a clean merge one way only");
	FUZZ_CHECK(c1 != 0 || equal(&a, b.s, b.len),
	    "a clean merge depends on the order");
	FUZZ_CHECK(!valid || utf8_valid(a.s, a.len, NULL),
	    "valid UTF-8 merged into invalid UTF-8");
	FUZZ_CHECK(marked || (count(&a, merge_mark_begin()) == c1 &&
	    count(&a, merge_mark_end()) == c1), "a conflict without its markers");
	buf_free(&a);
	buf_free(&b);
	return 0;
}
