/*
 * The assembler's questions to the matcher: which hits of a type lie in
 * the current sentence (ask_need, ask_first_in), which one starts at a
 * place (ask_hit_at), and the verbs and modals a clause opens on.  Verbs
 * and bodies are listed only as far as a question reaches (upto);
 * cues, modals, owners and past markers once for the whole text;
 * deadlines sentence by sentence, and only for a sentence that asks
 * more than whether one starts where the index tells none can: the
 * others are owed, and scanned out of turn only if a sentence after
 * refers back to them (ask_repay).
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "extract/extract_asm.h"
#include "lib/xmalloc.h"

/* Verbs and bodies are asked about near the start of each clause: their
 * hits are listed only as far as a question reaches (hits.scan_to). */
static bool
by_halves(enum rule_type t)
{
	return t == RT_VERB || t == RT_ASSIGNEE;
}

/* Makes sure the hits of type t in the current sentence are listed
 * (for by_halves types: can be, see upto). */
void
ask_need(struct ctx *c, enum rule_type t)
{
	if (c->scanned[t] == c->sentence || c->scanned[t] == INT_MAX)
		return;
	if (by_halves(t)) {
		c->scanned[t] = c->sentence;
		c->lazy_s[t] = c->reached[t] = c->cur_s;
		c->lazy_e[t] = c->cur_e;
		c->next[t] = c->h->scan_to(c->h->arg, c->h, t, c->cur_s,
		    c->cur_e, c->cur_s, true);
		return;
	}
	/* Cues, modals, owners and past markers are asked about in every
	 * clause and paragraph: one scan of the whole text costs less than
	 * one per sentence. */
	if (t == RT_CUE || t == RT_MODAL || t == RT_OWNER || t == RT_PAST) {
		c->scanned[t] = INT_MAX;
		c->h->scan(c->h->arg, c->h, t, 0, c->n);
		return;
	}
	c->scanned[t] = c->sentence;
	if (t == RT_DUE || t == RT_SKIP)
		c->scanned[RT_DUE] = c->scanned[RT_SKIP] = c->sentence;
	c->h->scan(c->h->arg, c->h, t, c->cur_s, c->cur_e);
}

/* For a type scanned by halves in this sentence, lists its hits that
 * start before p. */
static void
upto(struct ctx *c, enum rule_type t, size_t p)
{
	if (!by_halves(t) || c->scanned[t] != c->sentence || p <= c->reached[t])
		return;
	if (c->next[t] < p)
		c->next[t] = c->h->scan_to(c->h->arg, c->h, t, c->lazy_s[t],
		    c->lazy_e[t], p, false);
	c->reached[t] = p;
}

/* Lists the next hits of a type scanned by halves: false if none is
 * left. */
static bool
more(struct ctx *c, enum rule_type t)
{
	if (c->next[t] == SIZE_MAX)
		return false;
	upto(c, t, c->next[t] + 1);
	return true;
}

/* The longest hit of type t starting exactly at p, within t[..e). */
const struct hit *
ask_hit_at_in(struct ctx *c, enum rule_type t, size_t p, size_t e)
{
	struct hits *h = c->h;
	struct hit *slot;

	if (c->scanned[t] == c->sentence || c->scanned[t] == INT_MAX) {
		size_t i;

		upto(c, t, p + 1);
		i = extract_hits_lower(h, t, p);
		if (i >= h->n[t] || h->v[t][i].s != p)
			return NULL;
		if (!by_halves(t))
			return &h->v[t][i];
		/* The list may grow, and move, while the answer is kept. */
		slot = &c->slot[c->nslot++ % 16];
		*slot = h->v[t][i];
		return slot;
	}
	/* Answers stay valid for the next few look-ups, which is all any
	 * caller keeps them for. */
	slot = &c->slot[c->nslot++ % 16];
	return h->at(h->arg, t, p, e, slot) ? slot : NULL;
}

const struct hit *
ask_hit_at(struct ctx *c, enum rule_type t, size_t p)
{
	return ask_hit_at_in(c, t, p, c->cur_e);
}

/* The first hit of type t starting in [s, e). */
const struct hit *
ask_first_in(struct ctx *c, enum rule_type t, size_t s, size_t e)
{
	struct hits *h = c->h;
	size_t i;

	ask_need(c, t);
	if (by_halves(t)) {
		struct hit *slot;

		upto(c, t, s);
		while ((i = extract_hits_lower(h, t, s)) == h->n[t])
			if (c->next[t] >= e || !more(c, t))
				return NULL;
		if (h->v[t][i].s >= e)
			return NULL;
		slot = &c->slot[c->nslot++ % 16];
		*slot = h->v[t][i];
		return slot;
	}
	i = extract_hits_lower(h, t, s);
	return i < h->n[t] && h->v[t][i].s < e ? &h->v[t][i] : NULL;
}

/* The first verb in [s, e) that is not part of a body's name ("Ban Tổ
 * chức"), or e.  Past s, a verb written with a capital is part of a
 * name too, known or not ("tổ Kiểm tra"): a secretary capitalises a
 * verb only where a sentence or a member of a list starts. */
size_t
ask_first_verb(struct ctx *c, size_t s, size_t e)
{
	struct hits *h = c->h;
	size_t i;

	ask_need(c, RT_VERB);
	ask_need(c, RT_ASSIGNEE);
	/* Verbs are listed as far as needed: those before s first, so
	 * that every one listed later starts after s. */
	upto(c, RT_VERB, s);
	for (i = extract_hits_lower(h, RT_VERB, s); ; i++) {
		const struct hit *v;

		if (i == h->n[RT_VERB]) {
			if (c->next[RT_VERB] >= e || !more(c, RT_VERB))
				return e;
			i--;
			continue;
		}
		v = &h->v[RT_VERB][i];
		if (v->s >= e)
			return e;
		if (v->s > s && extract_is_upper_at(c->t, c->n, v->s))
			continue;
		upto(c, RT_ASSIGNEE, v->s + 1);
		if (!extract_hits_covered(h, RT_ASSIGNEE, v->s, v->e))
			return v->s;
	}
}

/* A verb starting at p that does not start a body's name. */
const struct hit *
ask_verb_at(struct ctx *c, size_t p)
{
	const struct hit *v = ask_hit_at(c, RT_VERB, p);

	return v && !ask_hit_at(c, RT_ASSIGNEE, p) ? v : NULL;
}

/* Past the modals at p ("cần phải", "needs to"), or p itself. */
size_t
ask_skip_modals(struct ctx *c, size_t p, size_t e)
{
	const struct hit *m;

	p = extract_skip_ws(c->t, c->n, p, e);
	while ((m = ask_hit_at(c, RT_MODAL, p)) != NULL && m->e > p)
		p = extract_skip_ws(c->t, c->n, m->e, e);
	return p;
}

/* The deadline of the current sentence that starts at q.  Most
 * sentences are asked only this, and most open on no deadline: where no
 * rule can start one, the sentence is not scanned for them, only owed
 * (see repay). */
const struct hit *
ask_due_at(struct ctx *c, size_t q)
{
	if (c->scanned[RT_DUE] != c->sentence &&
	    !c->h->may(c->h->arg, RT_DUE, q)) {
		c->owe = true;
		return NULL;
	}
	ask_need(c, RT_DUE);
	return ask_hit_at(c, RT_DUE, q);
}

/* The sentence [s, e), passed over, scanned for deadlines out of turn;
 * its hits go in their places, and the deadlines of the items read
 * since, which moved, are followed. */
static void
scan_late(struct ctx *c, size_t s, size_t e)
{
	struct hits late = *c->h;
	size_t at, m;

	memset(late.v, 0, sizeof late.v);
	memset(late.n, 0, sizeof late.n);
	memset(late.cap, 0, sizeof late.cap);
	memset(late.hint, 0, sizeof late.hint);
	late.named = NULL;
	late.nnamed = late.capnamed = 0;
	c->h->scan(c->h->arg, &late, RT_DUE, s, e);
	m = late.n[RT_DUE];
	at = extract_hits_merge_due(c->h, &late);
	for (size_t j = 0; j < c->nitems; j++)
		if (c->dl[j] >= (long)at)
			c->dl[j] += (long)m;
	extract_hits_free(&late);
}

/* Before the deadlines before p are read, the sentences owed since the
 * paragraph before (and the current one, if owed) are scanned: the
 * deadline hits are then what they would be had every sentence been. */
void
ask_repay(struct ctx *c, size_t p)
{
	for (size_t i = 0; i < c->nowed; i++)
		if (c->owed[i].s >= c->prev_ls)
			scan_late(c, c->owed[i].s, c->owed[i].e);
	c->nowed = 0;
	if (c->owe && c->cur_s < p)
		ask_need(c, RT_DUE);
}

/* The sentence ends: owed, if it was not scanned after all. */
void
ask_sentence_done(struct ctx *c)
{
	size_t k = 0;

	/* None before the paragraph before is ever read. */
	for (size_t i = 0; i < c->nowed; i++)
		if (c->owed[i].s >= c->prev_ls)
			c->owed[k++] = c->owed[i];
	c->nowed = k;
	if (c->owe && c->scanned[RT_DUE] != c->sentence) {
		XPUSH(c->owed, c->nowed, c->capowed);
		c->owed[c->nowed++] = (struct span){ c->cur_s, c->cur_e };
	}
	c->owe = false;
}
