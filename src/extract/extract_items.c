/*
 * The extractor's back half: from rule hits to action items.  A text is
 * cut into lines and sentences, a sentence into clauses at ';' (outside
 * parentheses), and each clause is read the way a secretary writes a
 * directive:
 *
 *   [lead] CUE [ADDRESSEE] [MODAL] TASK      "đề nghị Hội Phụ nữ cần rà soát ..."
 *   [lead] SUBJECT MODAL|VERB TASK           "Các đơn vị cần ...", "Alice will ..."
 *   [lead] VERB TASK                         "Tiếp tục rà soát ..."
 *
 * Once a cue has named an addressee, every later clause of the sentence,
 * and the bullets under a line ending in ':', is one more task for it.
 * The deadline phrase inside a clause becomes the item's deadline and is
 * cut out of the task; a deadline elsewhere in the sentence goes to the
 * nearest item without one.  A clause whose verb follows a past marker
 * ("đã", "has") is a report, not a task.  No PCRE2 here: the hits come
 * from extract.c, asked for sentence by sentence (need, first_in; verbs
 * and bodies only as far as a question reaches, upto) or at one position
 * (hit_at), so that rules run only where they matter.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/extract_int.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* An addressee longer than this is more likely a misread task. */
#define MAX_ADDRESSEE_WORDS	25
#define MAX_SUBJECT_WORDS	7

/* ---- reading clauses --------------------------------------------- */

struct ctx {
	const char		*t;
	size_t			 n;
	struct hits		*h;
	struct ymd		 ref;
	bool			 all;		/* every deadline is wanted */
	size_t			 cur_s, cur_e;	/* the current sentence */
	int			 scanned[RT_NTYPES];	/* sentence last scanned */
	/* For the types scanned by halves: the sentence, how far its
	 * hits are listed, and where the next one starts. */
	size_t			 lazy_s[RT_NTYPES], lazy_e[RT_NTYPES];
	size_t			 reached[RT_NTYPES], next[RT_NTYPES];
	struct hit		 slot[16];	/* answers of anchored look-ups */
	unsigned		 nslot;
	struct extract_item	*items;
	size_t			 nitems, cap;
	int			 sentence;
	/* Items of the current sentence and their deadline hit (or -1). */
	size_t			 first_of_sentence;
	long			*dl;
	size_t			 dlcap;
};

/* Verbs and bodies are asked about near the start of each clause: their
 * hits are listed only as far as a question reaches (hits.scan_to). */
static bool
by_halves(enum rule_type t)
{
	return t == RT_VERB || t == RT_ASSIGNEE;
}

/* Makes sure the hits of type t in the current sentence are listed
 * (for by_halves types: can be, see upto). */
static void
need(struct ctx *c, enum rule_type t)
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
	/* Cues, modals and owners are asked about in every clause: one
	 * scan of the whole text costs less than one per sentence. */
	if (t == RT_CUE || t == RT_MODAL || t == RT_OWNER) {
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
static const struct hit *
hit_at_in(struct ctx *c, enum rule_type t, size_t p, size_t e)
{
	const struct hits *h = c->h;
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

static const struct hit *
hit_at(struct ctx *c, enum rule_type t, size_t p)
{
	return hit_at_in(c, t, p, c->cur_e);
}

/* The first hit of type t starting in [s, e). */
static const struct hit *
first_in(struct ctx *c, enum rule_type t, size_t s, size_t e)
{
	const struct hits *h = c->h;
	size_t i;

	need(c, t);
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
 * chức"), or e. */
static size_t
first_verb(struct ctx *c, size_t s, size_t e)
{
	const struct hits *h = c->h;
	size_t i;

	need(c, RT_VERB);
	need(c, RT_ASSIGNEE);
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
		upto(c, RT_ASSIGNEE, v->s + 1);
		if (!extract_hits_covered(h, RT_ASSIGNEE, v->s, v->e))
			return v->s;
	}
}

/* A verb starting at p that does not start a body's name. */
static const struct hit *
verb_at(struct ctx *c, size_t p)
{
	const struct hit *v = hit_at(c, RT_VERB, p);

	return v && !hit_at(c, RT_ASSIGNEE, p) ? v : NULL;
}

/* Past the modals at p ("cần phải", "needs to"), or p itself. */
static size_t
skip_modals(struct ctx *c, size_t p, size_t e)
{
	const struct hit *m;

	p = extract_skip_ws(c->t, c->n, p, e);
	while ((m = hit_at(c, RT_MODAL, p)) != NULL && m->e > p)
		p = extract_skip_ws(c->t, c->n, m->e, e);
	return p;
}



/* ", hoàn thành" before a deadline only leads into it ("rà soát hộ
 * nghèo, hoàn thành trước ngày 15/12"): with the deadline cut out it
 * would dangle at the end of the task, so it goes too.  Only after a
 * comma: "hoàn thành đề án trong quý IV" is the task itself. */
static void
drop_lead_in(struct buf *raw)
{
	static const char *const words[] = { "hoàn thành", "hoàn tất", "xong",
	    "complete it", "to be completed", "completed" };
	size_t n = raw->len;

	while (n > 0 && raw->s[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t wl = strlen(words[i]), k;

		if (n < wl || memcmp(raw->s + n - wl, words[i], wl) != 0)
			continue;
		k = n - wl;
		if (k >= strlen(" phải ") &&
		    memcmp(raw->s + k - strlen(" phải "), " phải ",
		    strlen(" phải ")) == 0)
			k -= strlen("phải ");
		while (k > 0 && raw->s[k - 1] == ' ')
			k--;
		if (k > 0 && raw->s[k - 1] == ',') {
			buf_truncate(raw, k - 1);
			return;
		}
	}
}

/* The task: t[s..e) without the deadline and owner phrases in it, with
 * the spaces and punctuation they leave behind tidied. */
static char *
task_text(struct ctx *c, size_t s, size_t e, const struct hit *dl)
{
	struct buf raw = BUF_INIT, out = BUF_INIT;
	size_t p = s;

	while (p < e) {
		const struct hit *d = dl && dl->s >= p && dl->s < e ? dl : NULL;
		const struct hit *o = first_in(c, RT_OWNER, p, e);
		const struct hit *x = d && (!o || d->s <= o->s) ? d : o;
		size_t xe;

		if (x == NULL) {
			buf_add(&raw, c->t + p, e - p);
			break;
		}
		buf_add(&raw, c->t + p, x->s - p);
		if (x == d)
			drop_lead_in(&raw);
		xe = x->e < e ? x->e : e;
		buf_addc(&raw, ' ');
		p = xe;
	}
	/* Tidy: one space between words, no "( )", no space before
	 * punctuation, nothing dangling at either end. */
	const char *r = buf_str(&raw);
	size_t rl = raw.len;

	for (size_t i = 0; i < rl; i++) {
		char ch = r[i];

		if (ch == ' ' || ch == '\t' || ch == '\r') {
			if (out.len > 0 && out.s[out.len - 1] != ' ')
				buf_addc(&out, ' ');
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
		    out.len > 0 && out.s[out.len - 1] == ' ')
			buf_truncate(&out, out.len - 1);
		if (ch == ',' && out.len > 0 && out.s[out.len - 1] == ',')
			continue;
		buf_addc(&out, ch);
	}
	buf_free(&raw);
	{
		size_t a = 0, b = out.len;
		char *res;

		while (a < b && strchr(" ,;:.-", out.s[a]))
			a++;
		while (b > a && strchr(" ,;:-", out.s[b - 1]))
			b--;
		/* A lone trailing "." ends the sentence, not the task. */
		while (b > a && out.s[b - 1] == '.' &&
		    !(b >= a + 3 && out.s[b - 2] == '.' && out.s[b - 3] == '.'))
			b--;
		while (b > a && strchr(" ,;:-", out.s[b - 1]))
			b--;
		res = xstrndup(out.s ? out.s + a : "", b - a);
		buf_free(&out);
		return res;
	}
}

static char *
span_text(const char *t, size_t s, size_t e)
{
	e = extract_trim_back(t, s, e);
	while (s < e && (t[s] == ' ' || t[s] == ','))
		s++;
	return s < e ? xstrndup(t + s, e - s) : NULL;
}

/* Records an item for the clause whose directive starts at start and whose
 * task is t[ts..te); who is the addressee span (s == e for none). */
static void
add_item(struct ctx *c, size_t start, size_t ts, size_t te, struct span who)
{
	const struct hits *h = c->h;
	const struct hit *o, *d;
	struct extract_item *it;
	char *task;

	te = extract_trim_back(c->t, ts, te);
	ts = extract_skip_ws(c->t, c->n, ts, te);
	if (ts >= te)
		return;
	if ((o = first_in(c, RT_OWNER, ts, te)) != NULL && o->who.e > o->who.s)
		who = o->who;
	/* A firm deadline ("trước ngày 30/9") over a weak one ("6 tháng
	 * đầu năm", more often what the task is about). */
	need(c, RT_DUE);
	{
		const struct hit *x = first_in(c, RT_DUE, start < ts ? start : ts, te);
		const struct hit *weak = NULL;

		d = NULL;
		for (; x && x < h->v[RT_DUE] + h->n[RT_DUE] && x->s < te; x++) {
			if (!(x->flags & RF_WEAK)) {
				d = x;
				break;
			}
			/* A weak phrase already over names what the task is
			 * about ("kết quả 6 tháng đầu năm"), not its deadline. */
			if (!weak && cal_cmp(x->due, c->ref) >= 0)
				weak = x;
		}
		if (d == NULL)
			d = weak;
	}
	task = task_text(c, ts, te, d);
	if (*task == '\0') {
		free(task);
		return;
	}
	if (c->nitems == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->items = xreallocarray(c->items, c->cap, sizeof *c->items);
		c->dl = xreallocarray(c->dl, c->cap, sizeof *c->dl);
	}
	it = &c->items[c->nitems];
	memset(it, 0, sizeof *it);
	it->sentence = c->sentence;
	it->start = start < ts ? start : ts;
	it->end = te;
	it->assignee = who.e > who.s ? span_text(c->t, who.s, who.e) : NULL;
	it->task = task;
	c->dl[c->nitems] = -1;
	if (d) {
		it->deadline_text = xstrndup(c->t + d->s, d->e - d->s);
		it->has_due = true;
		it->due = d->due;
		c->dl[c->nitems] = d - h->v[RT_DUE];
	}
	c->nitems++;
}

/* A subject opening the clause at p and the start of its task: a known
 * body followed by a modal or verb, or a short name before a modal. */
static bool
subject(struct ctx *c, size_t p, size_t e, struct span *who, size_t *ts,
    bool modal_only)
{
	const struct hit *a = hit_at(c, RT_ASSIGNEE, p), *m;
	size_t q;

	if (a) {
		q = extract_skip_sep(c->t, a->e, e);
		if (hit_at(c, RT_PAST, q))
			return false;
		const struct hit *v = hit_at(c, RT_VERB, q);
		const struct hit *d = NULL;

		if (v && !(v->flags & RF_STRONG)) {
			need(c, RT_DUE);
			d = first_in(c, RT_DUE, q, e);
		}

		/* "Đoàn Thanh niên tổ chức ..." reports as often as it
		 * directs, unless the verb is a directive one or the clause
		 * sets a date still to come. */
		if (hit_at(c, RT_MODAL, q) || (!modal_only && v && ((v->flags & RF_STRONG) ||
		    (d && cal_cmp(d->due, c->ref) >= 0)) &&
		    !hit_at(c, RT_ASSIGNEE, q))) {
			*who = (struct span){ a->s, a->e };
			*ts = skip_modals(c, q, e);
			return true;
		}
	}
	m = first_in(c, RT_MODAL, p, e);
	if (m == NULL || m->s == p)
		return false;
	q = extract_trim_back(c->t, p, m->s);
	if (q <= p || extract_count_words(c->t, p, q) > MAX_SUBJECT_WORDS ||
	    extract_has_char(c->t, p, m->s, ',') || extract_has_char(c->t, p, m->s, ':') ||
	    first_in(c, RT_PAST, p, m->e) ||
	    first_verb(c, p, q) < q ||
	    (!extract_is_upper_at(c->t, c->n, p) && !extract_determiner(c->t, p, q)))
		return false;
	if ((m->flags & RF_NAME) && !extract_all_capitalised(c->t, c->n, p, q))
		return false;
	*who = (struct span){ p, q };
	*ts = skip_modals(c, m->s, e);
	return true;
}

/* State carried from clause to clause within a sentence (and, through a
 * list, from line to line). */
struct carry {
	struct span	who;		/* current addressee */
	bool		forced;		/* later clauses are tasks */
	bool		head;		/* the clause ended in ':' with a list below */
};

static void clause(struct ctx *, size_t, size_t, struct carry *, bool);

/* Where a second subject with its modal starts inside t[ts..e) ("Omar
 * will call ... and Li Wei will design ..."): the end of the first task,
 * with *next at the second subject; or e. */
static size_t
next_subject(struct ctx *c, size_t ts, size_t e, size_t *next)
{
	static const char *const conj[] = { " and ", " và ", NULL };
	const struct hit *m = first_in(c, RT_MODAL, ts, e);

	/* Without a modal later in the clause there is no second subject. */
	if (m == NULL)
		return e;
	for (size_t j = ts; j < m->s; j++) {
		if (c->t[j] != ' ')
			continue;
		for (int k = 0; conj[k]; k++) {
			size_t l = strlen(conj[k]), t2;
			struct span w;

			if (j + l < e && strncmp(c->t + j, conj[k], l) == 0 &&
			    subject(c, j + l, e, &w, &t2, true)) {
				*next = j + l;
				return j;
			}
		}
	}
	return e;
}

/* Records the item, split where a second subject takes over. */
static void
emit(struct ctx *c, size_t start, size_t ts, size_t e, struct span who,
    struct carry *k)
{
	size_t next, end = next_subject(c, ts, e, &next);

	add_item(c, start, ts, end, who);
	if (end < e)
		clause(c, next, e, k, false);
}

/* Reads one clause t[s..e). */
static void
clause(struct ctx *c, size_t s, size_t e, struct carry *k, bool last_is_head)
{
	const struct hit *cue, *lead;
	size_t p = extract_skip_ws(c->t, c->n, s, e), ts;
	struct span who = { 0, 0 };

	e = extract_trim_back(c->t, p, e);
	if (p >= e)
		return;
	while ((lead = hit_at(c, RT_LEAD, p)) != NULL && lead->e > p)
		p = extract_skip_sep(c->t, lead->e, e);
	/* A cue addresses someone (a capital, "các ...", ':') or names the
	 * task at once (a verb or modal); otherwise it is a noun: "bám sát
	 * yêu cầu thực tế", "đảm bảo yêu cầu". */
	/* The next cue is found by index: with no cue hits the array is
	 * NULL, and even NULL + 0 is undefined. */
	for (cue = first_in(c, RT_CUE, p, e); cue != NULL; ) {
		size_t q = extract_skip_ws(c->t, c->n, cue->e, e);
		size_t i = (size_t)(cue - c->h->v[RT_CUE]) + 1;

		if (q >= e || c->t[q] == ':' || extract_is_upper_at(c->t, c->n, q) ||
		    extract_determiner(c->t, q, e) || hit_at(c, RT_VERB, q) ||
		    hit_at(c, RT_MODAL, q) || hit_at(c, RT_CUE, q))
			break;
		cue = i < c->h->n[RT_CUE] && c->h->v[RT_CUE][i].s < e ?
		    &c->h->v[RT_CUE][i] : NULL;
	}
	if (cue) {
		size_t q = extract_skip_ws(c->t, c->n, cue->e, e);
		size_t colon = extract_find_colon(c->t, q, e);
		const struct hit *m = first_in(c, RT_MODAL, q, e);
		const struct hit *nc = first_in(c, RT_CUE, q, e);
		size_t v = first_verb(c, q, e), stop = v;

		/* "đề nghị UBND quận chỉ đạo ...": a second cue ends the
		 * addressee and starts the task. */
		if (m && m->s < stop)
			stop = m->s;
		if (nc && nc->s < stop)
			stop = nc->s;
		if (colon < stop) {
			who = (struct span){ q, extract_trim_back(c->t, q, colon) };
			ts = skip_modals(c, colon + 1, e);
		} else if (stop < e) {
			size_t ge = extract_trim_back(c->t, q, stop);

			if (ge > q && extract_count_words(c->t, q, ge) <= MAX_ADDRESSEE_WORDS &&
			    !first_in(c, RT_PAST, q, ge) &&
			    (extract_is_upper_at(c->t, c->n, q) || extract_determiner(c->t, q, ge) ||
			    hit_at(c, RT_ASSIGNEE, q))) {
				who = (struct span){ q, ge };
				ts = skip_modals(c, stop, e);
			} else
				ts = skip_modals(c, q, e);
		} else {
			const struct hit *a = hit_at(c, RT_ASSIGNEE, q);

			if (a) {
				who = (struct span){ a->s, a->e };
				ts = extract_skip_sep(c->t, a->e, e);
			} else
				ts = q;
		}
		k->who = who;
		k->forced = true;
		if (last_is_head) {
			k->head = true;
			return;
		}
		emit(c, cue->s, ts, e, who, k);
		return;
	}
	if (subject(c, p, e, &who, &ts, false)) {
		/* The subject addresses the clauses after it too. */
		k->who = who;
		k->forced = true;
		if (last_is_head) {
			k->who = who;
			k->head = true;
			return;
		}
		emit(c, p, ts, e, who, k);
		return;
	}
	if (k->forced) {
		const struct hit *a = hit_at(c, RT_ASSIGNEE, p);
		size_t colon = extract_find_colon(c->t, p, e);

		/* "- [ ] Ben: update the register": a short name before a
		 * colon addresses the task. */
		if (colon < e && colon > p && extract_is_upper_at(c->t, c->n, p) &&
		    extract_count_words(c->t, p, colon) <= MAX_SUBJECT_WORDS &&
		    first_verb(c, p, colon) == colon &&
		    !first_in(c, RT_MODAL, p, colon)) {
			add_item(c, p, skip_modals(c, colon + 1, e), e,
			    (struct span){ p, colon });
			return;
		}

		/* "MTTQ đã tổ chức ..." inside a list is still a report. */
		if (a && hit_at(c, RT_PAST, extract_skip_sep(c->t, a->e, e)))
			return;
		/* A few words then "đã"/"has" before any verb: a report. */
		{
			const struct hit *ps = first_in(c, RT_PAST, p, e);

			if (ps && extract_count_words(c->t, p, ps->s) <= 4 &&
			    first_verb(c, p, ps->s) == ps->s)
				return;
		}
		/* "...; they should also recruit ...": a pronoun stands for
		 * the addressee already named. */
		{
			static const char *const pron[] = { "they", "he", "she",
			    "we", "it", "họ", "Họ", "They", "He", "She", "We",
			    "It", NULL };
			size_t q = p;

			while (q < e && c->t[q] != ' ')
				q++;
			for (int i = 0; pron[i]; i++)
				if (extract_starts_word(c->t, p, q, pron[i]) &&
				    hit_at(c, RT_MODAL, extract_skip_ws(c->t, c->n, q, e))) {
					size_t ts2 = skip_modals(c, q, e);

					if (extract_starts_word(c->t, ts2, e, "also") ||
					    extract_starts_word(c->t, ts2, e, "cũng"))
						ts2 = extract_skip_ws(c->t, c->n, ts2 +
						    (c->t[ts2] == 'a' ? 4 : 5), e);
					add_item(c, p, ts2, e, k->who);
					return;
				}
		}
		/* "thời hạn: trước ngày 20/9" only dates the task before it:
		 * a short clause with a deadline and no verb is no task. */
		need(c, RT_DUE);
		{
			const struct hit *d = first_in(c, RT_DUE, p, e);

			if (d && extract_count_words(c->t, p, d->s) +
			    extract_count_words(c->t, d->e, e) <= 2 &&
			    first_verb(c, p, e) == e)
				return;
		}
		add_item(c, p, skip_modals(c, p, e), e, k->who);
		return;
	}
	/* A clause opening on a modal ("cần phối hợp ...") or a verb
	 * ("Tiếp tục rà soát ...") is a directive with nobody named. */
	if (hit_at(c, RT_MODAL, p) || verb_at(c, p)) {
		if (last_is_head) {
			k->head = true;
			return;
		}
		add_item(c, p, skip_modals(c, p, e), e, who);
		return;
	}
	if (first_in(c, RT_OWNER, p, e))
		add_item(c, p, p, e, who);
}

/* Splits t[s..e) at ';' outside parentheses and reads each clause. */
static void
clauses(struct ctx *c, size_t s, size_t e, struct carry *k, bool list_below)
{
	int depth = 0;
	size_t cs = s;

	for (size_t i = s; i <= e; i++) {
		if (i < e && c->t[i] == '(')
			depth++;
		else if (i < e && c->t[i] == ')' && depth > 0)
			depth--;
		if (i == e || (c->t[i] == ';' && depth == 0)) {
			bool last = i == e;

			clause(c, cs, i, k, last && list_below);
			cs = i + 1;
		}
	}
}

/* Deadlines of the sentence [s, e) outside its items go to the nearest
 * item without one, before them first; and decides which deadlines
 * count at all. */
static void
settle_deadlines(struct ctx *c, size_t s, size_t e)
{
	struct hits *h = c->h;

	if (c->nitems == c->first_of_sentence && !c->all)
		return;
	need(c, RT_DUE);

	for (size_t i = extract_hits_lower(h, RT_DUE, s); i < h->n[RT_DUE] &&
	    h->v[RT_DUE][i].s < e; i++) {
		const struct hit *d = &h->v[RT_DUE][i];
		bool used = false, past;
		long best = -1;

		for (size_t j = c->first_of_sentence; j < c->nitems; j++)
			if (c->dl[j] == (long)i)
				used = true;
		/* A weak phrase in a sentence that tells of the past, or
		 * already over, is a date of a report; before the deadline
		 * of its task, it is what the task is about ("báo cáo 6
		 * tháng đầu năm trước ngày 30/6"). */
		past = (d->flags & RF_WEAK) && (cal_cmp(d->due, c->ref) < 0 ||
		    first_in(c, RT_PAST, s, e) != NULL);
		for (size_t j = c->first_of_sentence; j < c->nitems && !used; j++)
			if ((d->flags & RF_WEAK) && d->s >= c->items[j].start &&
			    d->e <= c->items[j].end && c->dl[j] > (long)i)
				past = true;
		if (!used && !past) {
			for (size_t j = c->first_of_sentence; j < c->nitems; j++) {
				if (c->dl[j] >= 0)
					continue;
				if (c->items[j].end <= d->s)
					best = (long)j;
				else if (best < 0)
					best = (long)j;
			}
			if (best >= 0) {
				struct extract_item *it = &c->items[best];

				it->deadline_text = xstrndup(c->t + d->s, d->e - d->s);
				it->has_due = true;
				it->due = d->due;
				c->dl[best] = (long)i;
				used = true;
			}
		}
		if (used || !past)
			h->v[RT_DUE][i].flags |= HF_KEEP;
	}
}

void
extract_assemble(const char *t, size_t n, struct hits *h, struct ymd ref,
    struct extract_item **out, size_t *nout, bool all_deadlines)
{
	struct ctx c = { .t = t, .n = n, .h = h, .ref = ref,
	    .all = all_deadlines };
	struct carry list = { { 0, 0 }, false, false };
	size_t ls = 0;

	for (int k = 0; k < RT_NTYPES; k++)
		c.scanned[k] = -1;

	while (ls < n) {
		size_t le = ls, p, b, ss;
		const struct hit *L;
		bool first = true, is_bullet, next_bullet = false;

		while (le < n && t[le] != '\n')
			le++;
		p = extract_skip_ws(t, n, ls, le);
		b = extract_bullet(t, p, le);
		is_bullet = b > 0;
		{
			size_t nl = le + 1, ne = nl;

			while (ne < n && t[ne] != '\n')
				ne++;
			if (nl < n) {
				size_t q = extract_skip_ws(t, n, nl, ne);

				next_bullet = extract_bullet(t, q, ne) > 0 ||
				    hit_at_in(&c, RT_LINE, q, ne) != NULL;
			}
		}
		if (p < le && !is_bullet && !hit_at_in(&c, RT_LINE, p, le))
			list.head = false;
		ss = p;
		while (ss < le) {
			size_t se;
			struct carry k = { { 0, 0 }, false, false };

			ss = extract_skip_ws(t, n, ss, le);
			if (ss >= le)
				break;
			c.sentence++;
			c.first_of_sentence = c.nitems;
			if (first && (L = hit_at_in(&c, RT_LINE, p, le)) != NULL) {
				/* Shorthand: the whole line is one directive. */
				size_t ws = L->what.e > L->what.s ? L->what.s : L->e;
				size_t we = L->what.e > L->what.s ? L->what.e : le;

				c.cur_s = ls;
				c.cur_e = le;
				k.forced = true;
				if (L->who.e > L->who.s)
					k.who = L->who;
				else if (list.head && is_bullet)
					k.who = list.who;
				if (extract_skip_sep(t, ws, we) >= extract_trim_back(t, ws, we)) {
					list = k;
					list.head = next_bullet;
				} else
					clauses(&c, ws, we, &k, false);
				settle_deadlines(&c, ls, le);
				break;
			}
			if (first && is_bullet)
				ss += b;
			if (first && is_bullet && list.head) {
				k.who = list.who;
				k.forced = true;
			}
			se = extract_sentence_end(t, ss, le);
			c.cur_s = ss;
			c.cur_e = se;
			clauses(&c, ss, se, &k, se == le && next_bullet &&
			    extract_find_colon(t, ss, se) < se &&
			    extract_trim_back(t, ss, se) < se &&
			    t[extract_trim_back(t, ss, se)] == ':');
			if (k.head) {
				list.who = k.who;
				list.forced = true;
				list.head = true;
			}
			settle_deadlines(&c, ss, se);
			first = false;
			ss = se;
		}
		ls = le + 1;
	}
	free(c.dl);
	*out = c.items;
	*nout = c.nitems;
}
