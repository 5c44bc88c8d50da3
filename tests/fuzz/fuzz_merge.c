/*
 * Fuzz target for the three-way merge of texts (core/merge_text.c).  The
 * first byte chooses how the rest is read.  Odd: three texts separated by
 * NUL bytes, base, mine and theirs, each cut to 256 bytes (unrelated texts
 * cost the comparison its worst case, which MERGE_MAX_STEPS bounds; the
 * fuzzer need not spend its time there).  Even: the base text up to the
 * first NUL, then two edit scripts, one for each side, so that mine and
 * theirs are the base with a few changes, as two people's edits are.
 * Besides memory safety and the bound on its
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

/* The base edited by script ops[0..n): each edit is a position (two
 * bytes), a number of bytes to delete and one of bytes to insert (a byte
 * each, up to 15), then the bytes inserted; at most 16 edits, as two
 * people make between two saves. */
static void
edit(struct buf *out, const char *base, size_t nbase, const uint8_t *ops,
    size_t n)
{
	int edits = 0;

	buf_reset(out);
	buf_add(out, base, nbase);
	while (n >= 4 && edits++ < 16) {
		size_t at = ((size_t)ops[0] << 8 | ops[1]) % (out->len + 1);
		size_t del = ops[2] & 15, ins = ops[3] & 15;
		struct buf t = BUF_INIT;

		ops += 4;
		n -= 4;
		ins = ins < n ? ins : n;
		del = del < out->len - at ? del : out->len - at;
		buf_add(&t, out->s, at);
		buf_add(&t, ops, ins);
		buf_add(&t, out->s + at + del, out->len - at - del);
		buf_reset(out);
		buf_add(out, t.s, t.len);
		buf_free(&t);
		ops += ins;
		n -= ins;
	}
}

static void
check(const char *part[3], const size_t len[3])
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	bool valid = true, marked = false;
	size_t c1, c2;

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
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part[3] = { "", "", "" }, *p = (const char *)data + 1;
	size_t len[3] = { 0, 0, 0 }, rest = size ? size - 1 : 0;
	struct buf m = BUF_INIT, t = BUF_INIT;
	const char *nul;

	if (size == 0)
		return 0;
	if (data[0] & 1) {
		for (int i = 0; i < 3 && rest > 0; i++) {
			nul = memchr(p, '\0', rest);
			part[i] = p;
			len[i] = nul ? (size_t)(nul - p) : rest;
			rest -= len[i] + (nul != NULL);
			p += len[i] + (nul != NULL);
			len[i] = len[i] < 256 ? len[i] : 256;
		}
		check(part, len);
		return 0;
	}
	nul = memchr(p, '\0', rest);
	part[0] = p;
	len[0] = nul ? (size_t)(nul - p) : rest;
	p += len[0] + (nul != NULL);
	rest -= len[0] + (nul != NULL);
	edit(&m, part[0], len[0], (const uint8_t *)p, rest / 2);
	edit(&t, part[0], len[0], (const uint8_t *)p + rest / 2, rest - rest / 2);
	part[1] = m.s ? m.s : "";
	len[1] = m.len;
	part[2] = t.s ? t.s : "";
	len[2] = t.len;
	check(part, len);
	buf_free(&m);
	buf_free(&t);
	return 0;
}
