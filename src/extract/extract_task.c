/*
 * Making an item of a clause: the task is the clause without the
 * deadline and owner phrases in it (and the ", hoàn thành" that only
 * led into the deadline), its spaces and punctuation tidied; the
 * assignee without an article; the deadline a firm one in the clause
 * over a weak one, else the period that governs the clause.  Deadlines
 * of a sentence that no clause took go to the nearest item without one
 * (item_settle).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_asm.h"
#include "lib/buf.h"
#include "lib/xmalloc.h"

/* Start of the word that ends at e (after a space, or at s). */
static size_t
word_start(const char *t, size_t s, size_t e)
{
	while (e > s && t[e - 1] != ' ')
		e--;
	return e;
}

static size_t
trim_spaces(const char *t, size_t s, size_t e)
{
	while (e > s && t[e - 1] == ' ')
		e--;
	return e;
}

/* ", hoàn thành" before a deadline only leads into it ("rà soát hộ
 * nghèo, hoàn thành trước ngày 15/12", also after a modal: ", phải
 * hoàn thành"): with the deadline cut out it would dangle at the end of
 * the task, so it goes too.  Only after a comma: "hoàn thành đề án
 * trong quý IV" is the task itself.  The words are the "complete" list;
 * raw ends with t[from..at). */
static void
drop_lead_in(struct ctx *c, struct buf *raw, size_t from, size_t at)
{
	const struct word_list *w = &c->h->words->k[WK_COMPLETE];
	size_t e = trim_spaces(c->t, from, at), l, k;
	const struct hit *m;

	if ((l = extract_word_before(w, c->t, from, e)) == 0)
		return;
	k = trim_spaces(c->t, from, e - l);
	if (k > from && c->t[k - 1] != ',') {
		size_t ms = word_start(c->t, from, k);

		if ((m = ask_hit_at(c, RT_MODAL, ms)) != NULL && m->e == k)
			k = trim_spaces(c->t, from, ms);
	}
	if (k > from && c->t[k - 1] == ',')
		buf_truncate(raw, raw->len - (at - (k - 1)));
}

/* raw with one space between words, no "( )", no space before
 * punctuation, no doubled comma. */
static void
tidy_spaces(const char *r, size_t rl, struct buf *out)
{
	char *o;
	size_t n = 0;

	/* The result is never longer than r: written in place, without a
	 * call a byte. */
	buf_reset(out);
	buf_grow(out, rl);
	o = out->s;
	for (size_t i = 0; i < rl; i++) {
		char ch = r[i];

		if (ch == ' ' || ch == '\t' || ch == '\r') {
			if (n > 0 && o[n - 1] != ' ')
				o[n++] = ' ';
			continue;
		}
		if (ch == '(') {
			size_t j = i + 1;

			while (j < rl && (r[j] == ' ' || r[j] == ','))
				j++;
			if (j < rl && r[j] == ')') {
				i = j;
				continue;
			}
		}
		if ((ch == ',' || ch == ')' || ch == ';' || ch == '.') &&
		    n > 0 && o[n - 1] == ' ')
			n--;
		if (ch == ',' && n > 0 && o[n - 1] == ',')
			continue;
		o[n++] = ch;
	}
	o[n] = '\0';
	out->len = n;
}

/* s[0..n) without what dangles at either end; a lone trailing "." ends
 * the sentence, not the task, but "..." stays. */
static char *
trim_task(const char *s, size_t n)
{
	size_t a = 0, b = n;

	while (a < b && strchr(" ,;:.-", s[a]))
		a++;
	while (b > a && strchr(" ,;:-", s[b - 1]))
		b--;
	while (b > a && s[b - 1] == '.' &&
	    !(b >= a + 3 && s[b - 2] == '.' && s[b - 3] == '.'))
		b--;
	while (b > a && strchr(" ,;:-", s[b - 1]))
		b--;
	return xstrndup(s ? s + a : "", b - a);
}

/* The task: t[s..e) without the deadline and owner phrases in it, with
 * the spaces and punctuation they leave behind tidied. */
static char *
task_text(struct ctx *c, size_t s, size_t e, const struct hit *dl)
{
	struct buf raw = BUF_INIT, out = BUF_INIT;
	size_t p = s;
	char *res;

	while (p < e) {
		const struct hit *d = dl && dl->s >= p && dl->s < e ? dl : NULL;
		const struct hit *o = ask_first_in(c, RT_OWNER, p, e);
		const struct hit *x = d && (!o || d->s <= o->s) ? d : o;

		if (x == NULL) {
			buf_add(&raw, c->t + p, e - p);
			break;
		}
		buf_add(&raw, c->t + p, x->s - p);
		if (x == d)
			drop_lead_in(c, &raw, p, x->s);
		buf_addc(&raw, ' ');
		p = x->e < e ? x->e : e;
	}
	tidy_spaces(buf_str(&raw), raw.len, &out);
	buf_free(&raw);
	res = trim_task(out.s, out.len);
	buf_free(&out);
	return res;
}

static char *
span_text(const char *t, size_t s, size_t e)
{
	e = extract_trim_back(t, s, e);
	while (s < e && (t[s] == ' ' || t[s] == ','))
		s++;
	return s < e ? xstrndup(t + s, e - s) : NULL;
}

/* The assignee's name: the span without an article before it ("the
 * Women's Union" is the Women's Union). */
static char *
assignee_text(struct ctx *c, struct span who)
{
	size_t l = extract_word_at(&c->h->words->k[WK_ARTICLE], c->t, who.s,
	    who.e);

	if (l > 0 && who.s + l < who.e)
		who.s = extract_skip_ws(c->t, c->n, who.s + l, who.e);
	return span_text(c->t, who.s, who.e);
}

/* The deadline of a clause t[from..te): a firm one ("trước ngày 30/9")
 * over a weak one ("6 tháng đầu năm", more often what the task is
 * about); a weak phrase already over names what the task is about
 * ("kết quả 6 tháng đầu năm"), not its deadline. */
static const struct hit *
clause_deadline(struct ctx *c, size_t from, size_t te)
{
	const struct hits *h = c->h;
	const struct hit *x, *weak = NULL;

	ask_need(c, RT_DUE);
	x = ask_first_in(c, RT_DUE, from, te);
	for (; x && x < h->v[RT_DUE] + h->n[RT_DUE] && x->s < te; x++) {
		if (!(x->flags & RF_WEAK))
			return x;
		if (!weak && cal_cmp(x->due, c->ref) >= 0)
			weak = x;
	}
	return weak;
}

/* Records an item for the clause whose directive starts at start and whose
 * task is t[ts..te); who is the addressee span (s == e for none). */
void
item_add(struct ctx *c, size_t start, size_t ts, size_t te, struct span who)
{
	const struct hit *o, *d;
	struct extract_item *it;
	char *task;

	te = extract_trim_back(c->t, ts, te);
	ts = extract_skip_ws(c->t, c->n, ts, te);
	if (ts >= te)
		return;
	if ((o = ask_first_in(c, RT_OWNER, ts, te)) != NULL &&
	    o->who.e > o->who.s)
		who = o->who;
	d = clause_deadline(c, start < ts ? start : ts, te);
	if (d == NULL && c->scope != -1)
		d = c->scope >= 0 ? &c->h->v[RT_DUE][c->scope] :
		    &c->h->named[-2 - c->scope];
	task = task_text(c, ts, te, d);
	if (*task == '\0') {
		free(task);
		return;
	}
	XPUSH(c->items, c->nitems, c->cap);
	XPUSH(c->dl, c->nitems, c->dlcap);
	it = &c->items[c->nitems];
	memset(it, 0, sizeof *it);
	it->sentence = c->sentence;
	it->start = start < ts ? start : ts;
	it->end = te;
	it->assignee = who.e > who.s ? assignee_text(c, who) : NULL;
	it->task = task;
	c->dl[c->nitems] = -1;
	if (d) {
		it->deadline_text = xstrndup(c->t + d->s, d->e - d->s);
		it->has_due = true;
		it->due = d->due;
		/* -2: a named period, not in the deadline hits. */
		c->dl[c->nitems] = c->scope < -1 &&
		    d == &c->h->named[-2 - c->scope] ? -2 : d - c->h->v[RT_DUE];
	}
	c->nitems++;
}

/* Deadlines of the sentence [s, e) outside its items go to the nearest
 * item without one, before them first; and decides which deadlines
 * count at all. */
/* The item of the sentence without a deadline nearest to d: the last
 * one before it, else the first after it; -1 if none. */
static long
nearest_undated(const struct ctx *c, const struct hit *d)
{
	long best = -1;

	for (size_t j = c->first_of_sentence; j < c->nitems; j++)
		if (c->dl[j] == -1 && (c->items[j].end <= d->s || best < 0))
			best = (long)j;
	return best;
}

void
item_settle(struct ctx *c, size_t s, size_t e)
{
	struct hits *h = c->h;
	size_t j0 = c->first_of_sentence;

	if (c->nitems == c->first_of_sentence && !c->all)
		return;
	ask_need(c, RT_DUE);

	for (size_t i = extract_hits_lower(h, RT_DUE, s); i < h->n[RT_DUE] &&
	    h->v[RT_DUE][i].s < e; i++) {
		const struct hit *d = &h->v[RT_DUE][i];
		bool used = false, past;
		long best = -1;

		for (size_t j = j0; j < c->nitems; j++)
			if (c->dl[j] == (long)i)
				used = true;
		/* A weak phrase in a sentence that tells of the past, or
		 * already over, is a date of a report; before the deadline
		 * of its task, it is what the task is about ("báo cáo 6
		 * tháng đầu năm trước ngày 30/6"). */
		past = (d->flags & RF_WEAK) && (cal_cmp(d->due, c->ref) < 0 ||
		    ask_first_in(c, RT_PAST, s, e) != NULL);
		for (size_t j = j0; j < c->nitems && !used; j++)
			if ((d->flags & RF_WEAK) && d->s >= c->items[j].start &&
			    d->e <= c->items[j].end && c->dl[j] > (long)i)
				past = true;
		if (!used && !past && (best = nearest_undated(c, d)) >= 0) {
			struct extract_item *it = &c->items[best];

			it->deadline_text = xstrndup(c->t + d->s, d->e - d->s);
			it->has_due = true;
			it->due = d->due;
			c->dl[best] = (long)i;
			used = true;
		}
		if (used || !past)
			h->v[RT_DUE][i].flags |= HF_KEEP;
	}
}
