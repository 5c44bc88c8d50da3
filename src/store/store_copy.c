/*
 * `minutes copy`: every meeting of one store into another (SQLite to
 * PostgreSQL and back, or between two of a kind), with its tasks, their
 * histories and stamps, in one transaction of the destination: all or
 * nothing.  A meeting the destination already has (same template, series,
 * title, organisation, number, date and start) is left as it is, so a
 * second copy adds nothing.  Histories are written last, once every
 * meeting has its new id, because a history row may name the later
 * meeting at whose review it was written.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_copy.h"
#include "store/store_impl.h"
#include "store/store_pg.h"

void
copy_meeting_free(struct copy_meeting *c)
{
	for (size_t i = 0; c->ca && i < c->m.nact; i++)
		store_act_events_free(c->ca[i].ev, c->ca[i].nev);
	free(c->ca);
	for (size_t i = 0; i < c->nseen; i++) {
		free(c->seen[i].section);
		free(c->seen[i].digest);
		free(c->seen[i].state);
	}
	free(c->seen);
	free(c->rev);
	meeting_free(&c->m);
	memset(c, 0, sizeof *c);
}

void
copy_set_rev(struct copy_meeting *c, const char *key, int64_t rev)
{
	if (c->rev == NULL && c->m.nsec) {
		c->rev = xreallocarray(NULL, c->m.nsec, sizeof *c->rev);
		for (size_t i = 0; i < c->m.nsec; i++)
			c->rev[i] = 1;
	}
	for (size_t i = 0; i < c->m.nsec; i++)
		if (strcmp(c->m.sec[i].key, key) == 0)
			c->rev[i] = rev > 0 ? rev : 1;
}

/* The history still to write for one copied task. */
struct pending {
	int64_t			 action_id;	/* in the destination */
	struct store_act_event	*ev;
	size_t			 nev;
};

/* Source meeting id -> destination id. */
struct idmap {
	int64_t	*from, *to;
	size_t	 n, cap;
};

static int64_t
idmap_get(const struct idmap *m, int64_t from)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->from[i] == from)
			return m->to[i];
	return 0;
}

static void
idmap_put(struct idmap *m, int64_t from, int64_t to)
{
	size_t cap = m->cap;

	XPUSH(m->from, m->n, cap);
	XPUSH(m->to, m->n, m->cap);
	m->from[m->n] = from;
	m->to[m->n++] = to;
}

static int
copy_one(struct store *from, struct store *to, int64_t id, struct idmap *map,
    struct pending **pend, size_t *npend, size_t *cappend,
    struct store_copy_stats *st, struct err *e)
{
	struct copy_meeting c;
	int64_t there = 0;
	int rc;

	rc = from->pg ? pgs_copy_read(from->pg, id, &c, e) :
	    sq_copy_read(from, id, &c, e);
	if (rc == 0)
		rc = to->pg ? pgs_copy_find(to->pg, &c, &there, e) :
		    sq_copy_find(to, &c, &there, e);
	if (rc == 0 && there) {
		idmap_put(map, id, there);
		st->skipped++;
	} else if (rc == 0) {
		rc = to->pg ? pgs_copy_write(to->pg, &c, e) :
		    sq_copy_write(to, &c, e);
		if (rc == 0) {
			idmap_put(map, id, c.m.id);
			st->copied++;
			for (size_t i = 0; i < c.m.nact; i++) {
				XPUSH(*pend, *npend, *cappend);
				(*pend)[(*npend)++] = (struct pending){
				    c.m.act[i].id, c.ca[i].ev, c.ca[i].nev };
				c.ca[i].ev = NULL;
				c.ca[i].nev = 0;
			}
		}
	}
	copy_meeting_free(&c);
	return rc;
}

static int
histories(struct store *to, struct pending *pend, size_t npend,
    const struct idmap *map, struct err *e)
{
	for (size_t i = 0; i < npend; i++)
		for (size_t k = 0; k < pend[i].nev; k++) {
			struct store_act_event ev = pend[i].ev[k];

			/* A review at a meeting that was not copied is kept
			 * as a plain change. */
			ev.review_meeting_id = ev.review_meeting_id ?
			    idmap_get(map, ev.review_meeting_id) : 0;
			if (to->pg ? pgs_copy_history(to->pg, pend[i].action_id,
			    &ev, e) : sq_copy_history(to, pend[i].action_id,
			    &ev, e))
				return ERR_RUNTIME;
		}
	return 0;
}

static int
by_id(const void *a, const void *b)
{
	const struct meeting_summary *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

int
store_copy(struct store *from, struct store *to, struct store_copy_stats *st,
    struct err *e)
{
	struct meeting_summary *list;
	struct pending *pend = NULL;
	struct idmap map = { 0 };
	size_t n, npend = 0, cappend = 0;
	int rc;

	memset(st, 0, sizeof *st);
	if (strcmp(store_path(from), store_path(to)) == 0)
		return err_set(e, ERR_INPUT, _("%s: copying a store onto itself"),
		    store_path(from));
	if (store_meeting_list(from, &list, &n, e))
		return ERR_RUNTIME;
	/* In the order they were added, so the copy keeps that order. */
	qsort(list, n, sizeof *list, by_id);
	rc = to->pg ? pgs_copy_begin(to->pg, e) : sq_copy_begin(to, e);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = copy_one(from, to, list[i].id, &map, &pend, &npend,
		    &cappend, st, e);
	if (rc == 0)
		rc = histories(to, pend, npend, &map, e);
	if (rc == 0)
		rc = to->pg ? pgs_copy_end(to->pg, true, e) :
		    sq_copy_end(to, true, e);
	else
		to->pg ? pgs_copy_end(to->pg, false, NULL) :
		    sq_copy_end(to, false, NULL);
	for (size_t i = 0; i < npend; i++)
		store_act_events_free(pend[i].ev, pend[i].nev);
	free(pend);
	free(map.from);
	free(map.to);
	store_summaries_free(list, n);
	if (rc)
		memset(st, 0, sizeof *st);
	return rc;
}
