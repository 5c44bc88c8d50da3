/*
 * Three-way merge of rows by id and of header fields (see merge.h).  The
 * roster and the tasks are merged by one function, told by a small table
 * of operations (struct kind) how to compare, copy and free a row of each
 * and which fields this side keeps when both changed them.  A meeting's
 * lists hold tens of rows, so rows are found by a linear search.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "lib/xmalloc.h"

/* NULL and "" are the same value: the store keeps an empty value as NULL. */
static bool
same_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void
take_str(char **dst, const char *src)
{
	free(*dst);
	*dst = src && *src ? xstrdup(src) : NULL;
}

void
merge_fields(char *const base[F_NFIELDS], char *const mine[F_NFIELDS],
    char *const theirs[F_NFIELDS], char *out[F_NFIELDS],
    struct merge_count *c)
{
	for (int f = 0; f < F_NFIELDS; f++) {
		bool here = !same_str(base[f], mine[f]);
		bool there = !same_str(base[f], theirs[f]);

		out[f] = xstrdup0(here ? mine[f] : theirs[f]);
		if (here && there && !same_str(mine[f], theirs[f]))
			c->both++;
		else if (there && !same_str(mine[f], theirs[f]))
			c->merged++;
	}
}

/* --- one kind of row ------------------------------------------------------ */

struct kind {
	size_t	 size;
	int	 nfields;
	int64_t	 (*id)(const void *);
	void	 (*set_id)(void *, int64_t);
	bool	 (*same)(const void *, const void *, int field);
	/* When both sides changed field: this side's value is kept. */
	bool	 (*mine_wins)(int field);
	void	 (*take)(void *dst, const void *src, int field);
	void	 (*copy)(void *dst, const void *src);
};

static int64_t
att_id(const void *r)
{
	return ((const struct attendee *)r)->id;
}

static void
att_set_id(void *r, int64_t id)
{
	((struct attendee *)r)->id = id;
}

static bool
att_same(const void *pa, const void *pb, int f)
{
	const struct attendee *a = pa, *b = pb;

	switch (f) {
	case 0: return same_str(a->name, b->name);
	case 1: return same_str(a->position, b->position);
	case 2: return same_str(a->organisation, b->organisation);
	case 3: return a->role == b->role;
	case 4: return a->presence == b->presence;
	default: return same_str(a->proxy, b->proxy);
	}
}

static void
att_take(void *pd, const void *ps, int f)
{
	struct attendee *d = pd;
	const struct attendee *s = ps;

	switch (f) {
	case 0: take_str(&d->name, s->name); break;
	case 1: take_str(&d->position, s->position); break;
	case 2: take_str(&d->organisation, s->organisation); break;
	case 3: d->role = s->role; break;
	case 4: d->presence = s->presence; break;
	default: take_str(&d->proxy, s->proxy); break;
	}
}

static bool
never(int f)
{
	(void)f;
	return false;
}

void
merge_copy_attendee(struct attendee *d, const struct attendee *s)
{
	*d = *s;
	d->name = xstrdup0(s->name);
	d->position = xstrdup0(s->position);
	d->organisation = xstrdup0(s->organisation);
	d->proxy = xstrdup0(s->proxy);
}

static void
att_copy(void *d, const void *s)
{
	merge_copy_attendee(d, s);
}

static const struct kind attendees = { sizeof(struct attendee), 6, att_id,
    att_set_id, att_same, never, att_take, att_copy };

static int64_t
act_id(const void *r)
{
	return ((const struct action *)r)->id;
}

static void
act_set_id(void *r, int64_t id)
{
	((struct action *)r)->id = id;
}

enum { ACT_F_ASSIGNEE, ACT_F_TASK, ACT_F_DUE, ACT_F_DUE_TEXT, ACT_F_STATUS,
    ACT_F_SOURCE, ACT_NFIELDS };

static bool
act_same(const void *pa, const void *pb, int f)
{
	const struct action *a = pa, *b = pb;

	switch (f) {
	case ACT_F_ASSIGNEE: return same_str(a->assignee, b->assignee);
	case ACT_F_TASK: return same_str(a->task, b->task);
	case ACT_F_DUE: return same_str(a->due, b->due);
	case ACT_F_DUE_TEXT: return same_str(a->due_text, b->due_text);
	case ACT_F_STATUS: return a->status == b->status;
	default:
		return same_str(a->src_section, b->src_section) &&
		    (a->src_section == NULL || (a->src_start == b->src_start &&
		    a->src_end == b->src_end));
	}
}

static void
act_take(void *pd, const void *ps, int f)
{
	struct action *d = pd;
	const struct action *s = ps;

	switch (f) {
	case ACT_F_ASSIGNEE: take_str(&d->assignee, s->assignee); break;
	case ACT_F_TASK: take_str(&d->task, s->task); break;
	case ACT_F_DUE: take_str(&d->due, s->due); break;
	case ACT_F_DUE_TEXT: take_str(&d->due_text, s->due_text); break;
	case ACT_F_STATUS: d->status = s->status; break;
	default:
		take_str(&d->src_section, s->src_section);
		d->src_start = s->src_start;
		d->src_end = s->src_end;
		break;
	}
}

static bool
act_mine_wins(int f)
{
	return f == ACT_F_STATUS || f == ACT_F_SOURCE;
}

static void
act_copy(void *d, const void *s)
{
	action_copy(d, s);
}

static const struct kind actions = { sizeof(struct action), ACT_NFIELDS,
    act_id, act_set_id, act_same, act_mine_wins, act_take, act_copy };

/* --- the merge ------------------------------------------------------------ */

struct rows {
	const struct kind *k;
	char		*v;
	size_t		 n, cap;
};

#define ROW(r, i) ((r)->v + (i) * (r)->k->size)

static const void *
find(const struct kind *k, const void *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (k->id((const char *)v + i * k->size) == id)
			return (const char *)v + i * k->size;
	return NULL;
}

static bool
same_row(const struct kind *k, const void *a, const void *b)
{
	for (int f = 0; f < k->nfields; f++)
		if (!k->same(a, b, f))
			return false;
	return true;
}

/* Appends (at = n) or inserts at position at a copy of row, with its id
 * replaced by id when id is not -1. */
static void
put(struct rows *r, size_t at, const void *row, int64_t id)
{
	r->v = xpush(r->v, r->n, &r->cap, r->k->size);
	memmove(ROW(r, at + 1), ROW(r, at), (r->n - at) * r->k->size);
	r->n++;
	r->k->copy(ROW(r, at), row);
	if (id != -1)
		r->k->set_id(ROW(r, at), id);
}

/* A row of mine whose id the other side has: field by field. */
static void
merge_row(struct rows *r, const void *b, const void *m, const void *t,
    struct merge_count *c)
{
	const struct kind *k = r->k;
	bool conflict = false, there = false;
	size_t at = r->n;

	put(r, at, t, -1);
	for (int f = 0; f < k->nfields; f++) {
		bool mc = !k->same(b, m, f), tc = !k->same(b, t, f);

		there |= tc && !k->same(m, t, f);
		if (mc && tc && !k->same(m, t, f) && !k->mine_wins(f))
			conflict = true;
		if (mc)
			k->take(ROW(r, at), m, f);
	}
	if (conflict) {
		/* The other version keeps the id; this one follows it. */
		for (int f = 0; f < k->nfields; f++)
			k->take(ROW(r, at), t, f);
		put(r, r->n, m, 0);
		c->both++;
	} else if (there)
		c->merged++;
}

/* Where a row the other side added goes: after the row it follows there,
 * or first. */
static size_t
place(const struct rows *r, const void *theirs, size_t i)
{
	while (i-- > 0) {
		int64_t id = r->k->id((const char *)theirs + i * r->k->size);

		for (size_t j = r->n; j-- > 0; )
			if (id != 0 && r->k->id(ROW(r, j)) == id) {
				/* After the copy kept beside it, if any. */
				while (j + 1 < r->n && r->k->id(ROW(r, j + 1)) == 0)
					j++;
				return j + 1;
			}
	}
	return 0;
}

static void
merge_rows(struct rows *r, const void *base, size_t nb, const void *mine,
    size_t nm, const void *theirs, size_t nt, struct merge_count *c)
{
	const struct kind *k = r->k;

	for (size_t i = 0; i < nm; i++) {
		const void *m = (const char *)mine + i * k->size;
		int64_t id = k->id(m);
		const void *b = id ? find(k, base, nb, id) : NULL;
		const void *t = id ? find(k, theirs, nt, id) : NULL;

		if (id == 0)
			put(r, r->n, m, -1);
		else if (t)
			merge_row(r, b ? b : t, m, t, c);
		else if (b && same_row(k, b, m))
			c->merged++;	/* deleted there, untouched here */
		else {
			/* Deleted there but changed here: kept, as new. */
			put(r, r->n, m, 0);
			c->both += b != NULL;
		}
	}
	for (size_t i = 0; i < nt; i++) {
		const void *t = (const char *)theirs + i * k->size;
		int64_t id = k->id(t);
		const void *b = find(k, base, nb, id);

		if (find(k, mine, nm, id))
			continue;
		if (b && same_row(k, b, t))
			continue;	/* deleted here, untouched there */
		put(r, place(r, theirs, i), t, -1);
		if (b)
			c->both++;	/* deleted here, changed there: kept */
		else
			c->merged++;	/* added there */
	}
}

void
merge_attendees(const struct attendee *base, size_t nbase,
    const struct attendee *mine, size_t nmine,
    const struct attendee *theirs, size_t ntheirs,
    struct attendee **out, size_t *nout, struct merge_count *c)
{
	struct rows r = { &attendees, NULL, 0, 0 };

	merge_rows(&r, base, nbase, mine, nmine, theirs, ntheirs, c);
	*out = (struct attendee *)(void *)r.v;
	*nout = r.n;
}

void
merge_actions(const struct action *base, size_t nbase,
    const struct action *mine, size_t nmine,
    const struct action *theirs, size_t ntheirs,
    struct action **out, size_t *nout, struct merge_count *c)
{
	struct rows r = { &actions, NULL, 0, 0 };

	merge_rows(&r, base, nbase, mine, nmine, theirs, ntheirs, c);
	*out = (struct action *)(void *)r.v;
	*nout = r.n;
}

bool
merge_same_attendee(const struct attendee *a, const struct attendee *b)
{
	return same_row(&attendees, a, b);
}

bool
merge_same_action(const struct action *a, const struct action *b)
{
	return same_row(&actions, a, b);
}
