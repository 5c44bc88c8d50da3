/*
 * The lists of rule hits the extractor's two halves share (see
 * extract_int.h): appending, sorting by position, and the look-ups the
 * assembler makes by position.  Deadline phrases are settled here too:
 * those inside a distractor go, and of overlapping ones the longest stays.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "lib/xmalloc.h"

void
extract_hits_add(struct hits *h, enum rule_type t, const struct hit *x)
{
	XPUSH(h->v[t], h->n[t], h->cap[t]);
	h->v[t][h->n[t]++] = *x;
}

static int
cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e > y->e ? -1 : 1;
	return 0;
}

static size_t
hit_start(const void *v, size_t i)
{
	return ((const struct hit *)v)[i].s;
}

/* Index of the first hit of type t starting at or after pos. */
size_t
extract_hits_lower(struct hits *h, enum rule_type t, size_t pos)
{
	return extract_gallop(h->v[t], h->n[t], &h->hint[t], pos, hit_start);
}

/* True if a hit of type t overlaps [s, e). */
bool
extract_hits_overlaps(struct hits *h, enum rule_type t, size_t s, size_t e)
{
	size_t i = extract_hits_lower(h, t, e);

	/* Hits are short: look back a few for one reaching into [s, e). */
	for (size_t k = 0; k < 16 && i > 0; k++, i--)
		if (h->v[t][i - 1].e > s)
			return true;
	return false;
}

/* True if a hit of type t covers [s, e) entirely. */
bool
extract_hits_covered(struct hits *h, enum rule_type t, size_t s, size_t e)
{
	size_t i = extract_hits_lower(h, t, s + 1);

	for (size_t k = 0; k < 16 && i > 0; k++, i--)
		if (h->v[t][i - 1].s <= s && h->v[t][i - 1].e >= e)
			return true;
	return false;
}

/* Sorts v[0..n) as cmp_hit orders them, hits that compare equal in the
 * order they came (that of their rules): qsort need not keep it, and
 * the assembler reads the first of equal hits.  Most lists are a
 * sentence's few hits, nearly in order: those are sorted in place; a
 * longer one by halves, merged through tmp (n / 2 hits). */
static void
sort_hits(struct hit *v, size_t n, struct hit *tmp)
{
	size_t m = n / 2, i = 0, j = m, k = 0;

	if (n <= 16) {
		for (i = 1; i < n; i++) {
			struct hit x = v[i];

			for (j = i; j > 0 && cmp_hit(&v[j - 1], &x) > 0; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	sort_hits(v, m, tmp);
	sort_hits(v + m, n - m, tmp);
	if (cmp_hit(&v[m - 1], &v[m]) <= 0)
		return;
	memcpy(tmp, v, m * sizeof *v);
	while (i < m && j < n)
		v[k++] = cmp_hit(&v[j], &tmp[i]) < 0 ? v[j++] : tmp[i++];
	while (i < m)
		v[k++] = tmp[i++];
}

void
extract_hits_sort_from(struct hits *h, enum rule_type t, size_t from)
{
	size_t n = h->n[t] - from;
	struct hit *tmp;

	if (h->n[t] <= from + 1)
		return;
	tmp = n > 16 ? xreallocarray(NULL, n / 2, sizeof *tmp) : NULL;
	sort_hits(h->v[t] + from, n, tmp);
	free(tmp);
}

/* Keeps a vetoed period among the named ones; of overlapping ones the
 * longest ("3 tháng cuối năm 2024" over "cuối năm 2024"). */
static void
named(struct hits *h, const struct hit *d)
{
	struct hit *last = h->nnamed ? &h->named[h->nnamed - 1] : NULL;

	if (last && d->s < last->e) {
		if (d->e - d->s > last->e - last->s)
			*last = *d;
		return;
	}
	XPUSH(h->named, h->nnamed, h->capnamed);
	h->named[h->nnamed++] = *d;
}

void
extract_hits_finish_due(struct hits *h, size_t due_from, size_t skip_from)
{
	struct hit *d = h->v[RT_DUE];
	size_t n = due_from;

	extract_hits_sort_from(h, RT_SKIP, skip_from);
	extract_hits_sort_from(h, RT_DUE, due_from);
	/* None inside a distractor, and of overlapping phrases the longest
	 * ("trước ngày 15/10/2024" over "ngày 15/10"). */
	for (size_t i = due_from; i < h->n[RT_DUE]; i++) {
		if (extract_hits_overlaps(h, RT_SKIP, d[i].s, d[i].e)) {
			named(h, &d[i]);
			continue;
		}
		if (n > due_from && d[i].s < d[n - 1].e) {
			if (d[i].e - d[i].s > d[n - 1].e - d[n - 1].s)
				d[n - 1] = d[i];
			continue;
		}
		d[n++] = d[i];
	}
	h->n[RT_DUE] = n;
}

/* Inserts the hits v[0..m), sorted and all within a stretch of text no
 * hit of the list overlaps, where they belong in the list at *a of
 * *n (and *cap); returns their index. */
static size_t
insert(struct hit **a, size_t *n, size_t *cap, const struct hit *v,
    size_t m)
{
	size_t at = *n;

	while (at > 0 && (*a)[at - 1].s >= v[0].s)
		at--;
	if (*n + m > *cap) {
		*cap = *n + m + *cap;
		*a = xreallocarray(*a, *cap, sizeof **a);
	}
	memmove(*a + at + m, *a + at, (*n - at) * sizeof **a);
	memcpy(*a + at, v, m * sizeof **a);
	*n += m;
	return at;
}

size_t
extract_hits_merge_due(struct hits *h, const struct hits *late)
{
	size_t at = h->n[RT_DUE];

	if (late->n[RT_DUE] > 0)
		at = insert(&h->v[RT_DUE], &h->n[RT_DUE], &h->cap[RT_DUE],
		    late->v[RT_DUE], late->n[RT_DUE]);
	if (late->n[RT_SKIP] > 0)
		insert(&h->v[RT_SKIP], &h->n[RT_SKIP], &h->cap[RT_SKIP],
		    late->v[RT_SKIP], late->n[RT_SKIP]);
	if (late->nnamed > 0)
		insert(&h->named, &h->nnamed, &h->capnamed, late->named,
		    late->nnamed);
	return at;
}

void
extract_hits_free(struct hits *h)
{
	for (int t = 0; t < RT_NTYPES; t++)
		free(h->v[t]);
	free(h->named);
}

