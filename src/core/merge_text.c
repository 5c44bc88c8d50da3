/*
 * Three-way merge of texts (see merge.h), the way diff3 merges files but
 * by words: a text is cut into tokens (a run of letters and punctuation,
 * a run of spaces, or one line break), each side is compared with the
 * base by Myers' O(ND) difference algorithm, and the regions between
 * tokens all three agree on are resolved one by one: changed on one side,
 * take that side; changed alike, take it once; changed differently, a
 * conflict.  A conflict is widened to whole lines and written as this
 * side's lines, then the other side's lines between marker lines.
 *
 * Texts of megabytes merge quickly because the passage all three share at
 * the start and at the end is set aside first (whole lines), and only
 * what lies between is cut into tokens; the comparison itself stops after
 * MERGE_MAX_STEPS steps, leaving the rest of a region unmatched: two
 * wholly rewritten versions become one conflict, never a long wait.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "lib/buf.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"

const char *
merge_mark_begin(void)
{
	return _("[[ Also saved at the same time elsewhere (keep one version): ]]");
}

const char *
merge_mark_end(void)
{
	return _("[[ End of the version saved elsewhere ]]");
}

/* A text cut into tokens: token i is s[off[i]..off[i + 1]), and id[i]
 * numbers its bytes (equal tokens, equal numbers, across the three). */
struct toks {
	const char	*s;
	size_t		*off;
	uint32_t	*id;
	size_t		 n;
};

/* Token numbers by content: open addressing over a power of two. */
struct intern {
	struct slot {
		const char	*p;
		size_t		 len;
		uint64_t	 h;
		uint32_t	 id;
	}		*slot;
	size_t		 cap, used;
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Where the token that starts at s[i] ends. */
static size_t
token_end(const char *s, size_t len, size_t i)
{
	if (s[i] == '\n')
		return i + 1;
	if (is_blank(s[i])) {
		while (i < len && is_blank(s[i]))
			i++;
		return i;
	}
	while (i < len && s[i] != '\n' && !is_blank(s[i]))
		i++;
	return i;
}

static size_t
count_tokens(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i = token_end(s, len, i))
		n++;
	return n;
}

static uint32_t
intern(struct intern *in, const char *p, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (size_t k = 0; k < len; k++)
		h = (h ^ (unsigned char)p[k]) * 1099511628211ULL;
	for (i = h & (in->cap - 1); in->slot[i].p; i = (i + 1) & (in->cap - 1))
		if (in->slot[i].h == h && in->slot[i].len == len &&
		    memcmp(in->slot[i].p, p, len) == 0)
			return in->slot[i].id;
	in->slot[i].p = p;
	in->slot[i].len = len;
	in->slot[i].h = h;
	in->slot[i].id = (uint32_t)in->used++;
	return in->slot[i].id;
}

static void
tokenize(struct toks *t, const char *s, size_t len, struct intern *in)
{
	size_t i = 0, n = 0;

	t->s = s;
	t->n = count_tokens(s, len);
	t->off = xreallocarray(NULL, t->n + 1, sizeof *t->off);
	t->id = xreallocarray(NULL, t->n + 1, sizeof *t->id);
	while (i < len) {
		size_t end = token_end(s, len, i);

		t->off[n] = i;
		t->id[n++] = intern(in, s + i, end - i);
		i = end;
	}
	t->off[n] = len;
}

static void
toks_free(struct toks *t)
{
	free(t->off);
	free(t->id);
}

/* --- the comparison ------------------------------------------------------
 * ma[i] is the token of b matched with token i of a, or -1.  The V arrays
 * of Myers' algorithm (forward and backward) hold diagonals -vmax-1 ..
 * vmax+1; a search that would need more, or more steps than the budget
 * allows, gives up and leaves its region unmatched. */
struct differ {
	const uint32_t	*a, *b;
	ptrdiff_t	*ma;
	ptrdiff_t	*vf, *vb;
	ptrdiff_t	 vmax;
	long long	 budget;
};

/* The middle snake of a[a0..a0+n) and b[b0..b0+m): its ends in *x0..*y1
 * (absolute); false when the budget ran out. */
static bool
middle_snake(struct differ *d, size_t a0, ptrdiff_t n, size_t b0,
    ptrdiff_t m, size_t out[4])
{
	const uint32_t *a = d->a + a0, *b = d->b + b0;
	ptrdiff_t delta = n - m, max = (n + m + 1) / 2, x, y, x0;
	ptrdiff_t *vf = d->vf + d->vmax + 1, *vb = d->vb + d->vmax + 1;
	bool odd = delta % 2 != 0;

	vf[1] = vb[1] = 0;
	for (ptrdiff_t D = 0; D <= max; D++) {
		if (D > d->vmax || (d->budget -= 2 * D + 2) < 0)
			return false;
		for (ptrdiff_t k = -D; k <= D; k += 2) {
			x = k == -D || (k != D && vf[k - 1] < vf[k + 1]) ?
			    vf[k + 1] : vf[k - 1] + 1;
			x0 = x;
			y = x - k;
			while (x < n && y < m && a[x] == b[y])
				x++, y++;
			d->budget -= x - x0;
			vf[k] = x;
			if (odd && delta - k >= -(D - 1) && delta - k <= D - 1 &&
			    vf[k] + vb[delta - k] >= n) {
				out[0] = a0 + (size_t)x0;
				out[1] = b0 + (size_t)(x0 - k);
				out[2] = a0 + (size_t)x;
				out[3] = b0 + (size_t)y;
				return true;
			}
		}
		for (ptrdiff_t c = -D; c <= D; c += 2) {
			x = c == -D || (c != D && vb[c - 1] < vb[c + 1]) ?
			    vb[c + 1] : vb[c - 1] + 1;
			x0 = x;
			y = x - c;
			while (x < n && y < m && a[n - 1 - x] == b[m - 1 - y])
				x++, y++;
			d->budget -= x - x0;
			vb[c] = x;
			if (!odd && delta - c >= -D && delta - c <= D &&
			    vb[c] + vf[delta - c] >= n) {
				out[0] = a0 + (size_t)(n - x);
				out[1] = b0 + (size_t)(m - y);
				out[2] = a0 + (size_t)(n - x0);
				out[3] = b0 + (size_t)(m - (x0 - c));
				return true;
			}
		}
	}
	return false;
}

static void
diff_rec(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t sn[4];

	while (a0 < a1 && b0 < b1 && d->a[a0] == d->b[b0])
		d->ma[a0++] = (ptrdiff_t)b0++;
	while (a0 < a1 && b0 < b1 && d->a[a1 - 1] == d->b[b1 - 1])
		d->ma[--a1] = (ptrdiff_t)--b1;
	if (a0 == a1 || b0 == b1 || d->budget <= 0)
		return;
	if (!middle_snake(d, a0, (ptrdiff_t)(a1 - a0), b0,
	    (ptrdiff_t)(b1 - b0), sn)) {
		d->budget = 0;
		return;
	}
	for (size_t x = sn[0], y = sn[1]; x < sn[2]; x++, y++)
		d->ma[x] = (ptrdiff_t)y;
	diff_rec(d, a0, sn[0], b0, sn[1]);
	diff_rec(d, sn[2], a1, sn[3], b1);
}

/* ma[0..a->n): the token of b each token of a is matched with, or -1. */
static ptrdiff_t *
diff(const struct toks *a, const struct toks *b)
{
	struct differ d = { a->id, b->id, NULL, NULL, NULL, 0,
	    MERGE_MAX_STEPS };
	size_t sum = a->n + b->n;

	d.ma = xreallocarray(NULL, a->n + 1, sizeof *d.ma);
	for (size_t i = 0; i < a->n; i++)
		d.ma[i] = -1;
	/* No search can go past the square root of the budget's diagonals. */
	d.vmax = (ptrdiff_t)(sum / 2 + 1 < 8192 ? sum / 2 + 1 : 8192);
	d.vf = xreallocarray(NULL, (size_t)d.vmax * 2 + 3, sizeof *d.vf);
	d.vb = xreallocarray(NULL, (size_t)d.vmax * 2 + 3, sizeof *d.vb);
	diff_rec(&d, 0, a->n, 0, b->n);
	free(d.vf);
	free(d.vb);
	return d.ma;
}

/* --- the merge of the middles ------------------------------------------- */

/* One region of the result: the same text on both sides (resolved), or
 * a conflict with this side's text (m) and the other's (t). */
struct piece {
	const char	*m, *t;
	size_t		 mlen, tlen;
	bool		 conflict;
};

struct pieces {
	struct piece	*v;
	size_t		 n, cap;
};

static void
push(struct pieces *ps, const char *m, size_t mlen, const char *t,
    size_t tlen, bool conflict)
{
	if (mlen == 0 && tlen == 0)
		return;
	XPUSH(ps->v, ps->n, ps->cap);
	ps->v[ps->n++] = (struct piece){ m, t, mlen, tlen, conflict };
}

static bool
same_run(const struct toks *a, size_t a0, size_t a1, const struct toks *b,
    size_t b0, size_t b1)
{
	return a1 - a0 == b1 - b0 &&
	    memcmp(a->id + a0, b->id + b0, (a1 - a0) * sizeof *a->id) == 0;
}

/* Pointer to and length of tokens t[i..j). */
#define SPAN(t, i, j) (t)->s + (t)->off[i], (t)->off[j] - (t)->off[i]

/* Walks base, taking runs all three agree on, and resolving the regions
 * between them (diff3's chunks). */
static void
resolve(const struct toks *o, const struct toks *m, const struct toks *t,
    const ptrdiff_t *mo, const ptrdiff_t *to, struct pieces *ps)
{
	size_t i = 0, j = 0, k = 0;

	for (;;) {
		size_t j0 = j, i2, j2, k2;

		while (i < o->n && mo[i] == (ptrdiff_t)j && to[i] == (ptrdiff_t)k)
			i++, j++, k++;
		push(ps, SPAN(m, j0, j), SPAN(m, j0, j), false);
		if (i >= o->n && j >= m->n && k >= t->n)
			return;
		for (i2 = i; i2 < o->n && (mo[i2] < 0 || to[i2] < 0); i2++)
			;
		j2 = i2 < o->n ? (size_t)mo[i2] : m->n;
		k2 = i2 < o->n ? (size_t)to[i2] : t->n;
		if (same_run(o, i, i2, m, j, j2))
			push(ps, SPAN(t, k, k2), SPAN(t, k, k2), false);
		else if (same_run(o, i, i2, t, k, k2) ||
		    same_run(m, j, j2, t, k, k2))
			push(ps, SPAN(m, j, j2), SPAN(t, k, k2), false);
		else
			push(ps, SPAN(m, j, j2), SPAN(t, k, k2), true);
		i = i2;
		j = j2;
		k = k2;
	}
}

static bool
same(const char *a, size_t na, const char *b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na) == 0);
}

/* The other side's text whole (the pieces' other sides, in order, make
 * it), and where each piece starts in it: made at the first conflict. */
struct their_text {
	struct buf	 all;
	size_t		*at;
};

static void
their_text(const struct pieces *ps, struct their_text *tt)
{
	if (tt->at)
		return;
	tt->at = xreallocarray(NULL, ps->n + 1, sizeof *tt->at);
	for (size_t q = 0; q < ps->n; q++) {
		tt->at[q] = tt->all.len;
		buf_add(&tt->all, ps->v[q].t, ps->v[q].tlen);
	}
	tt->at[ps->n] = tt->all.len;
}

/* The other side's lines as written there around a conflict: from the
 * line break before piece first to the one after piece last. */
static void
their_lines(const struct their_text *tt, size_t first, size_t last,
    struct buf *out)
{
	const char *s = tt->all.s;
	size_t start = tt->at[first], to = tt->at[last + 1];

	while (start > 0 && s[start - 1] != '\n')
		start--;
	while (to < tt->all.len && s[to] != '\n')
		to++;
	buf_add(out, s + start, to - start);
}

/* Writes the pieces, widening each conflict to whole lines: this side's
 * lines as merged, then the other side's lines as it wrote them.  Whether
 * the two differ is judged on the lines as merged, with the other side's
 * words where they conflict (a change made on one side only is no
 * conflict, whichever side wrote it).  Returns the conflicts. */
static size_t
emit(const struct pieces *ps, struct buf *out)
{
	struct buf mine = BUF_INIT, theirs = BUF_INIT;
	struct their_text tt = { BUF_INIT, NULL };
	size_t line = out->len, conflicts = 0, first = 0, last = 0;
	bool open = false;

	for (size_t p = 0; p <= ps->n; p++) {
		const struct piece *pc = p < ps->n ? &ps->v[p] : NULL;
		const char *nl = pc && !pc->conflict ?
		    memchr(pc->m, '\n', pc->mlen) : NULL;
		size_t head = pc ? (nl ? (size_t)(nl - pc->m) : pc->mlen) : 0;

		if (pc && pc->conflict) {
			if (!open) {
				/* The line so far belongs to both versions. */
				buf_reset(&mine);
				buf_reset(&theirs);
				buf_add(&mine, out->s + line, out->len - line);
				buf_add(&theirs, out->s + line, out->len - line);
				buf_truncate(out, line);
				open = true;
				first = p;
			}
			last = p;
			buf_add(&mine, pc->m, pc->mlen);
			buf_add(&theirs, pc->t, pc->tlen);
			continue;
		}
		if (open && pc && nl == NULL) {
			buf_add(&mine, pc->m, pc->mlen);
			buf_add(&theirs, pc->m, pc->mlen);
			continue;
		}
		if (open) {
			/* The rest of the line, then the two versions. */
			if (pc) {
				buf_add(&mine, pc->m, head);
				buf_add(&theirs, pc->m, head);
			}
			buf_add(out, mine.s, mine.len);
			if (!same(mine.s, mine.len, theirs.s, theirs.len)) {
				buf_printf(out, "\n%s\n", merge_mark_begin());
				their_text(ps, &tt);
				their_lines(&tt, first, last, out);
				buf_printf(out, "\n%s", merge_mark_end());
				conflicts++;
			}
			open = false;
			if (pc == NULL)
				break;
			buf_add(out, pc->m + head, pc->mlen - head);
		} else if (pc)
			buf_add(out, pc->m, pc->mlen);
		else
			break;
		for (size_t q = out->len; q > line && pc; q--)
			if (out->s[q - 1] == '\n') {
				line = q;
				break;
			}
	}
	buf_free(&mine);
	buf_free(&theirs);
	buf_free(&tt.all);
	free(tt.at);
	return conflicts;
}

/* --- the whole ---------------------------------------------------------- */

/* What the three share at the start, ending after a line break, and at
 * the end, starting with one: the merge works only on what lies between,
 * and a conflict widened to whole lines stays inside it. */
static void
shared_ends(const char *o, size_t no, const char *m, size_t nm,
    const char *t, size_t nt, size_t *pre, size_t *suf)
{
	size_t lim = no < nm ? no : nm, p = 0, s = 0;

	lim = lim < nt ? lim : nt;
	while (p < lim && o[p] == m[p] && o[p] == t[p])
		p++;
	while (p > 0 && o[p - 1] != '\n')
		p--;
	while (s < lim - p && o[no - 1 - s] == m[nm - 1 - s] &&
	    o[no - 1 - s] == t[nt - 1 - s])
		s++;
	while (s > 0 && o[no - s] != '\n')
		s--;
	*pre = p;
	*suf = s;
}

size_t
merge_text(const char *base, size_t nbase, const char *mine, size_t nmine,
    const char *theirs, size_t ntheirs, struct buf *out)
{
	struct intern in = { 0 };
	struct toks o, m, t;
	struct pieces ps = { 0 };
	ptrdiff_t *mo, *to;
	size_t pre, suf, conflicts, ntok;

	buf_reset(out);
	base = base ? base : "";
	mine = mine ? mine : "";
	theirs = theirs ? theirs : "";
	if (same(mine, nmine, theirs, ntheirs) || same(base, nbase, theirs,
	    ntheirs)) {
		buf_add(out, mine, nmine);
		return 0;
	}
	if (same(base, nbase, mine, nmine)) {
		buf_add(out, theirs, ntheirs);
		return 0;
	}
	shared_ends(base, nbase, mine, nmine, theirs, ntheirs, &pre, &suf);
	buf_add(out, base, pre);
	nbase -= pre + suf;
	nmine -= pre + suf;
	ntheirs -= pre + suf;
	ntok = count_tokens(base + pre, nbase) + count_tokens(mine + pre,
	    nmine) + count_tokens(theirs + pre, ntheirs);
	for (in.cap = 64; in.cap < 2 * ntok + 2; in.cap *= 2)
		;
	in.slot = xcalloc(in.cap, sizeof *in.slot);
	tokenize(&o, base + pre, nbase, &in);
	tokenize(&m, mine + pre, nmine, &in);
	tokenize(&t, theirs + pre, ntheirs, &in);
	free(in.slot);
	mo = diff(&o, &m);
	to = diff(&o, &t);
	resolve(&o, &m, &t, mo, to, &ps);
	conflicts = emit(&ps, out);
	buf_add(out, base + pre + nbase, suf);
	free(ps.v);
	free(mo);
	free(to);
	toks_free(&o);
	toks_free(&m);
	toks_free(&t);
	return conflicts;
}
