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
	enum extract_role	 role;		/* of the current paragraph */
	/* The period that governs the directives read now: one the
	 * sentence opens on, or the one of a list's heading (an index into
	 * the deadline hits), or a plan's named period that a sentence
	 * refers back to (-2 - its index in the named ones); -1: none. */
	long			 scope;
	size_t			 prev_ls;	/* the paragraph before */
	/* Sentences whose deadlines were asked about only where no rule
	 * could start one, and so not looked for: they are, out of turn,
	 * if a sentence after refers back to them (owed: the paragraph
	 * before and this one; owe: the current sentence). */
	struct span		*owed;
	size_t			 nowed, capowed;
	bool			 owe;
	/* The addressee last named in this paragraph: the headless
	 * directives that follow continue its run. */
	struct span		 run_who;
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
static const struct hit *
hit_at_in(struct ctx *c, enum rule_type t, size_t p, size_t e)
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

static const struct hit *
hit_at(struct ctx *c, enum rule_type t, size_t p)
{
	return hit_at_in(c, t, p, c->cur_e);
}

/* The first hit of type t starting in [s, e). */
static const struct hit *
first_in(struct ctx *c, enum rule_type t, size_t s, size_t e)
{
	struct hits *h = c->h;
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
	struct hits *h = c->h;
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

		if ((m = hit_at(c, RT_MODAL, ms)) != NULL && m->e == k)
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
		const struct hit *o = first_in(c, RT_OWNER, p, e);
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
	size_t l = extract_word_at(&c->h->words->k[WK_ARTICLE], c->t, who.s, who.e);

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

	need(c, RT_DUE);
	x = first_in(c, RT_DUE, from, te);
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
static void
add_item(struct ctx *c, size_t start, size_t ts, size_t te, struct span who)
{
	const struct hit *o, *d;
	struct extract_item *it;
	char *task;

	te = extract_trim_back(c->t, ts, te);
	ts = extract_skip_ws(c->t, c->n, ts, te);
	if (ts >= te)
		return;
	if ((o = first_in(c, RT_OWNER, ts, te)) != NULL && o->who.e > o->who.s)
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
		c->dl[c->nitems] = c->scope < -1 && d == &c->h->named[-2 - c->scope] ?
		    -2 : d - c->h->v[RT_DUE];
	}
	c->nitems++;
}

/* A word that may open an addressee written in lower case ("các",
 * "each") starts t[s..e). */
static bool
determiner(struct ctx *c, size_t s, size_t e)
{
	return extract_word_at(&c->h->words->k[WK_DETERMINER], c->t, s, e) > 0;
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
	    (!extract_is_upper_at(c->t, c->n, p) && !determiner(c, p, q)))
		return false;
	if ((m->flags & RF_NAME) && !extract_all_capitalised(c->t, c->n, p, q,
	    &c->h->words->k[WK_JOINER]))
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
	bool		report;		/* a clause told of past work */
};

static void clause(struct ctx *, size_t, size_t, struct carry *, bool);

/* Where a second subject with its modal starts inside t[ts..e) ("Omar
 * will call ... and Li Wei will design ..."): the end of the first task,
 * with *next at the second subject; or e.  The joining words are the
 * "conj" list. */
static size_t
next_subject(struct ctx *c, size_t ts, size_t e, size_t *next)
{
	const struct word_list *conj = &c->h->words->k[WK_CONJ];
	const struct hit *m = first_in(c, RT_MODAL, ts, e);

	/* Without a modal later in the clause there is no second subject. */
	if (m == NULL)
		return e;
	for (size_t j = ts; j < m->s; j++) {
		size_t l, t2;
		struct span w;

		if (c->t[j] != ' ' || (l = extract_word_at(conj, c->t, j + 1, e)) == 0)
			continue;
		if (j + 1 + l < e && c->t[j + 1 + l] == ' ' &&
		    subject(c, j + l + 2, e, &w, &t2, true)) {
			*next = j + l + 2;
			return j;
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

/* Past the leads that open a clause ("Đồng thời,", "agreed that"). */
static size_t
skip_leads(struct ctx *c, size_t p, size_t e)
{
	const struct hit *lead;

	while ((lead = hit_at(c, RT_LEAD, p)) != NULL && lead->e > p)
		p = extract_skip_sep(c->t, lead->e, e);
	return p;
}

/* The first cue in t[p..e) that addresses someone (a capital, "các
 * ...", ':') or names the task at once (a verb or modal); a cue followed
 * by anything else is a noun: "bám sát yêu cầu thực tế", "đảm bảo yêu
 * cầu".  The next cue is found by index: with no cue hits the array is
 * NULL, and even NULL + 0 is undefined. */
static const struct hit *
addressing_cue(struct ctx *c, size_t p, size_t e)
{
	const struct hit *cue;

	for (cue = first_in(c, RT_CUE, p, e); cue != NULL; ) {
		size_t q = extract_skip_ws(c->t, c->n, cue->e, e);
		size_t i = (size_t)(cue - c->h->v[RT_CUE]) + 1;

		if (q >= e || c->t[q] == ':' || extract_is_upper_at(c->t, c->n, q) ||
		    determiner(c, q, e) || hit_at(c, RT_VERB, q) ||
		    hit_at(c, RT_MODAL, q) || hit_at(c, RT_CUE, q))
			return cue;
		cue = i < c->h->n[RT_CUE] && c->h->v[RT_CUE][i].s < e ?
		    &c->h->v[RT_CUE][i] : NULL;
	}
	return NULL;
}

/* Whether the words t[q..ge) before the task can be the addressee a
 * cue names: few enough, no report, and a capital, a determiner or a
 * known body first. */
static bool
addressee_words(struct ctx *c, size_t q, size_t ge)
{
	return ge > q && extract_count_words(c->t, q, ge) <= MAX_ADDRESSEE_WORDS &&
	    !first_in(c, RT_PAST, q, ge) &&
	    (extract_is_upper_at(c->t, c->n, q) || determiner(c, q, ge) ||
	    hit_at(c, RT_ASSIGNEE, q));
}

/* After a cue, from q: the addressee (into *who) and where the task
 * starts.  The addressee runs to a ':' ("giao các đơn vị: ..."), or to
 * the first modal, verb or second cue ("đề nghị UBND quận chỉ đạo
 * ..."); with none of those, a known body may still open it. */
static size_t
cue_addressee(struct ctx *c, size_t q, size_t e, struct span *who)
{
	size_t colon = extract_find_colon(c->t, q, e);
	const struct hit *m = first_in(c, RT_MODAL, q, e);
	const struct hit *nc = first_in(c, RT_CUE, q, e);
	const struct hit *a;
	size_t stop = first_verb(c, q, e);

	if (m && m->s < stop)
		stop = m->s;
	if (nc && nc->s < stop)
		stop = nc->s;
	if (colon < stop) {
		*who = (struct span){ q, extract_trim_back(c->t, q, colon) };
		return skip_modals(c, colon + 1, e);
	}
	if (stop < e) {
		size_t ge = extract_trim_back(c->t, q, stop);

		if (!addressee_words(c, q, ge))
			return skip_modals(c, q, e);
		*who = (struct span){ q, ge };
		return skip_modals(c, stop, e);
	}
	if ((a = hit_at(c, RT_ASSIGNEE, q)) == NULL)
		return q;
	*who = (struct span){ a->s, a->e };
	return extract_skip_sep(c->t, a->e, e);
}

/* A clause whose addressee is named, by a cue or as its subject: it
 * addresses the clauses after it too; if it only heads a list, the
 * list's members are its items. */
static void
addressed(struct ctx *c, size_t start, size_t ts, size_t e, struct span who,
    struct carry *k, bool last_is_head)
{
	k->who = who;
	k->forced = true;
	if (who.e > who.s)
		c->run_who = who;
	if (last_is_head) {
		k->head = true;
		return;
	}
	emit(c, start, ts, e, who, k);
}

/* "- [ ] Ben: update the register": a short name before a colon
 * addresses the task. */
static bool
name_colon(struct ctx *c, size_t p, size_t e)
{
	size_t colon = extract_find_colon(c->t, p, e);

	if (!(colon < e && colon > p && extract_is_upper_at(c->t, c->n, p) &&
	    extract_count_words(c->t, p, colon) <= MAX_SUBJECT_WORDS &&
	    first_verb(c, p, colon) == colon &&
	    !first_in(c, RT_MODAL, p, colon)))
		return false;
	add_item(c, p, skip_modals(c, colon + 1, e), e, (struct span){ p, colon });
	return true;
}

/* A report inside a directive's run: "MTTQ đã tổ chức ...", or a few
 * words then "đã"/"has" before any verb. */
static bool
report(struct ctx *c, size_t p, size_t e)
{
	const struct hit *a = hit_at(c, RT_ASSIGNEE, p), *ps;

	if (a && hit_at(c, RT_PAST, extract_skip_sep(c->t, a->e, e)))
		return true;
	ps = first_in(c, RT_PAST, p, e);
	return ps && extract_count_words(c->t, p, ps->s) <= 4 &&
	    first_verb(c, p, ps->s) == ps->s;
}

/* "...; they should also recruit ...": a pronoun and a modal stand for
 * the addressee already named; an "also" word after the modal is not
 * part of the task. */
static bool
pronoun(struct ctx *c, size_t p, size_t e, const struct carry *k)
{
	const struct extract_words *w = c->h->words;
	size_t q = p, ts, l;

	while (q < e && c->t[q] != ' ')
		q++;
	if (extract_word_at(&w->k[WK_PRONOUN], c->t, p, q) == 0 ||
	    !hit_at(c, RT_MODAL, extract_skip_ws(c->t, c->n, q, e)))
		return false;
	ts = skip_modals(c, q, e);
	if ((l = extract_word_at(&w->k[WK_ALSO], c->t, ts, e)) > 0)
		ts = extract_skip_ws(c->t, c->n, ts + l, e);
	add_item(c, p, ts, e, k->who);
	return true;
}

/* "thời hạn: trước ngày 20/9" only dates the task before it: a short
 * clause with a deadline and no verb is no task. */
static bool
bare_deadline(struct ctx *c, size_t p, size_t e)
{
	const struct hit *d;

	need(c, RT_DUE);
	d = first_in(c, RT_DUE, p, e);
	return d && extract_count_words(c->t, p, d->s) +
	    extract_count_words(c->t, d->e, e) <= 2 && first_verb(c, p, e) == e;
}

/* A new addressee inside a directive's run: a few words, capitalised
 * or opening on a determiner, before a verb that may follow a subject
 * directly ("...; cán bộ và hội viên tiếp tục phát huy ...", "Lực lượng
 * công an, kiểm lâm tăng cường ...").  Sets *who and *ts. */
static bool
new_subject(struct ctx *c, size_t p, size_t e, struct span *who, size_t *ts)
{
	size_t v = first_verb(c, p, e), q;
	const struct hit *h;

	if (v >= e || v == p || (h = hit_at(c, RT_VERB, v)) == NULL ||
	    !(h->flags & RF_STRONG))
		return false;
	q = extract_trim_back(c->t, p, v);
	if (q <= p || extract_count_words(c->t, p, q) > MAX_SUBJECT_WORDS ||
	    first_in(c, RT_PAST, p, v) || extract_has_char(c->t, p, q, ':') ||
	    (!extract_is_upper_at(c->t, c->n, p) && !determiner(c, p, q)))
		return false;
	*who = (struct span){ p, q };
	*ts = v;
	return true;
}

/* A clause in a directive's run (after a cue or a subject in the same
 * sentence, or a member of a list under one): one more task for the
 * addressee, unless it is a report or only a date. */
static void
continued(struct ctx *c, size_t p, size_t e, struct carry *k)
{
	struct span who;
	size_t ts;

	if (name_colon(c, p, e) || report(c, p, e) || pronoun(c, p, e, k) ||
	    bare_deadline(c, p, e))
		return;
	if (new_subject(c, p, e, &who, &ts)) {
		k->who = c->run_who = who;
		add_item(c, p, ts, e, who);
		return;
	}
	add_item(c, p, skip_modals(c, p, e), e, k->who);
}

/* A clause that opens on a modal or a verb is a directive with nobody
 * named, unless it only goes on with a report: in a paragraph of past
 * work, or after a clause of the same sentence that told of it ("...
 * đã tổ chức ...; thăm hỏi, tặng quà ..."). */
static bool
headless(struct ctx *c, size_t p, const struct carry *k)
{
	if (hit_at(c, RT_MODAL, p))
		return c->role != ROLE_RESULTS;
	if (c->role == ROLE_RESULTS || c->role == ROLE_REPORT || k->report)
		return false;
	return verb_at(c, p) != NULL;
}

/* The deadline of the current sentence that starts at q.  Most
 * sentences are asked only this, and most open on no deadline: where no
 * rule can start one, the sentence is not scanned for them, only owed
 * (see repay). */
static const struct hit *
due_at(struct ctx *c, size_t q)
{
	if (c->scanned[RT_DUE] != c->sentence &&
	    !c->h->may(c->h->arg, RT_DUE, q)) {
		c->owe = true;
		return NULL;
	}
	need(c, RT_DUE);
	return hit_at(c, RT_DUE, q);
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
static void
repay(struct ctx *c, size_t p)
{
	for (size_t i = 0; i < c->nowed; i++)
		if (c->owed[i].s >= c->prev_ls)
			scan_late(c, c->owed[i].s, c->owed[i].e);
	c->nowed = 0;
	if (c->owe && c->cur_s < p)
		need(c, RT_DUE);
}

/* The sentence ends: owed, if it was not scanned after all. */
static void
sentence_done(struct ctx *c)
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

/* Past the leads and a period the clause opens on ("Sang năm 2021,",
 * "Quý IV/2025,"); a period still to come among them ("Để hoàn thành
 * tốt nhiệm vụ năm 2020,") governs the directives that follow: it
 * becomes the scope, and one already over ends it. */
static size_t
fronted(struct ctx *c, size_t p, size_t e)
{
	size_t p0 = p, q;
	const struct hit *d;

	for (;;) {
		q = skip_leads(c, p, e);
		d = due_at(c, q);
		if (d && d->e < e && c->t[extract_skip_ws(c->t, c->n, d->e, e)] == ',')
			q = extract_skip_sep(c->t, d->e, e);
		if (q == p)
			break;
		p = q;
	}
	if (p > p0)
		need(c, RT_DUE);
	if (p > p0 && (d = first_in(c, RT_DUE, p0, p)) != NULL && d->e <= p)
		c->scope = cal_cmp(d->due, c->ref) >= 0 ? d - c->h->v[RT_DUE] : -1;
	return p;
}

/* The last period still to come among hits v[0..n) that starts in
 * [from, to), or -1. */
static long
last_future(struct ctx *c, const struct hit *v, size_t n, size_t from, size_t to)
{
	for (size_t i = n; i > 0; i--) {
		if (v[i - 1].s >= to)
			continue;
		if (v[i - 1].s < from)
			break;
		if (cal_cmp(v[i - 1].due, c->ref) >= 0)
			return (long)(i - 1);
	}
	return -1;
}

/* A sentence that opens on words referring back ("Theo đó,", "To that
 * end,") takes as its scope the last period still to come of the
 * paragraph before: a deadline there, or the period of a plan it named
 * ("... đề ra nhiệm vụ trọng tâm 6 tháng cuối năm 2020"). */
static void
refer_back(struct ctx *c, size_t p, size_t e)
{
	const struct hits *h = c->h;
	long d, n;

	if (c->scope != -1 || extract_word_at(&h->words->k[WK_REFER], c->t, p, e) == 0)
		return;
	repay(c, p);
	d = last_future(c, h->v[RT_DUE], h->n[RT_DUE], c->prev_ls, p);
	n = last_future(c, h->named, h->nnamed, c->prev_ls, p);
	if (n >= 0 && (d < 0 || h->named[n].s > h->v[RT_DUE][d].s))
		c->scope = -2 - n;
	else if (d >= 0)
		c->scope = d;
}

/* Whether the words before a list's ':' make it a list of tasks: a cue,
 * a modal, or a period still to come ("thống nhất đề ra nhiệm vụ ...
 * trong 6 tháng cuối năm, trong đó trọng tâm là:"); the content of a
 * document being studied ("gồm: ...") is none.  Sets the scope. */
static bool
directive_umbrella(struct ctx *c, size_t p, size_t colon)
{
	const struct hit *d;
	bool yes = addressing_cue(c, p, colon) || first_in(c, RT_MODAL, p, colon);

	need(c, RT_DUE);
	for (d = first_in(c, RT_DUE, p, colon); d && d < c->h->v[RT_DUE] +
	    c->h->n[RT_DUE] && d->s < colon; d++)
		if (cal_cmp(d->due, c->ref) >= 0) {
			c->scope = d - c->h->v[RT_DUE];
			return true;
		}
	return yes;
}

/* A clause that opens a list after a ':' ("... các nội dung như: Triển
 * khai ...; rà soát ..."): the words before only introduce it, each
 * member after is an item for the addressee they name.  False if the
 * clause has no such ':'. */
static bool
intro_list(struct ctx *c, size_t p, size_t e, struct carry *k,
    bool last_is_head)
{
	const struct hit *in = first_in(c, RT_INTRO, p, e), *cue;
	size_t colon, ts;
	struct span who = { 0, 0 };

	if (in == NULL || (colon = extract_find_colon(c->t, in->s, e)) >= e ||
	    colon >= in->e + 1)
		return false;
	if (!directive_umbrella(c, p, colon)) {
		/* The content of what was studied is no task; after a
		 * plain heading ("kết luận như:"), the members speak for
		 * themselves. */
		if (first_in(c, RT_PAST, p, colon)) {
			k->report = true;
			return true;
		}
		clause(c, colon + 1, e, k, last_is_head);
		return true;
	}
	if ((cue = addressing_cue(c, p, colon)) != NULL)
		cue_addressee(c, extract_skip_ws(c->t, c->n, cue->e, colon), colon,
		    &who);
	else
		subject(c, p, colon, &who, &ts, false);
	k->who = who;
	k->forced = true;
	if (who.e > who.s)
		c->run_who = who;
	if (extract_skip_sep(c->t, colon + 1, e) >= e) {
		k->head = last_is_head;
		return true;
	}
	clause(c, colon + 1, e, k, last_is_head);
	return true;
}

/* Reads one clause t[s..e), by its shape: a cue and its addressee, a
 * subject and its modal or verb, a member of a directive's run, a
 * modal or verb with nobody named, or an owner named after the task. */
static void
clause(struct ctx *c, size_t s, size_t e, struct carry *k, bool last_is_head)
{
	const struct hit *cue;
	size_t p = extract_skip_ws(c->t, c->n, s, e), ts;
	struct span who = { 0, 0 };

	e = extract_trim_back(c->t, p, e);
	if (p >= e)
		return;
	refer_back(c, p, e);
	p = fronted(c, p, e);
	if (intro_list(c, p, e, k, last_is_head))
		return;
	if ((cue = addressing_cue(c, p, e)) != NULL) {
		ts = cue_addressee(c, extract_skip_ws(c->t, c->n, cue->e, e), e,
		    &who);
		addressed(c, cue->s, ts, e, who, k, last_is_head);
	} else if (c->role != ROLE_RESULTS &&
	    subject(c, p, e, &who, &ts, c->role == ROLE_REPORT))
		addressed(c, p, ts, e, who, k, last_is_head);
	else if (k->forced)
		continued(c, p, e, k);
	else if (headless(c, p, k)) {
		/* "cần phối hợp ...", "Tiếp tục rà soát ...": a directive
		 * with nobody named. */
		k->who = c->run_who;
		k->forced = true;
		if (last_is_head)
			k->head = true;
		else
			add_item(c, p, skip_modals(c, p, e), e, c->run_who);
	} else if (c->run_who.e > c->run_who.s && c->role != ROLE_RESULTS &&
	    new_subject(c, p, e, &who, &ts)) {
		/* In a directive's run: a new addressee and its verb. */
		addressed(c, p, ts, e, who, k, last_is_head);
	} else if (c->role != ROLE_RESULTS && first_in(c, RT_OWNER, p, e))
		add_item(c, p, p, e, who);
	else if (first_in(c, RT_PAST, p, e)) {
		k->report = true;
		c->run_who = (struct span){ 0, 0 };
	}
}

/* Splits t[s..e) at ';' outside parentheses and reads each clause. */
static void
clauses(struct ctx *c, size_t s, size_t e, struct carry *k, bool list_below)
{
	static const bool splits[256] = { ['('] = true, [')'] = true,
	    [';'] = true };
	const char *t = c->t;
	int depth = 0;
	size_t cs = s;

	for (size_t i = s; ; i++) {
		/* Only parentheses and ';' matter here. */
		while (i < e && !splits[(unsigned char)t[i]])
			i++;
		if (i == e) {
			clause(c, cs, e, k, list_below);
			return;
		}
		if (t[i] == '(')
			depth++;
		else if (t[i] == ')' && depth > 0)
			depth--;
		else if (t[i] == ';' && depth == 0) {
			clause(c, cs, i, k, false);
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
				if (c->dl[j] != -1)
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

/* Whether the line after the one ending at le opens with a list marker
 * or a shorthand: then a line ending in ':' heads a list. */
static bool
list_follows(struct ctx *c, size_t le)
{
	size_t nl = le + 1, ne, q;
	const char *end;

	if (nl >= c->n)
		return false;
	end = memchr(c->t + nl, '\n', c->n - nl);
	ne = end ? (size_t)(end - c->t) : c->n;
	q = extract_skip_ws(c->t, c->n, nl, ne);
	return extract_bullet(c->t, q, ne) > 0 || hit_at_in(c, RT_LINE, q, ne) != NULL;
}

/* A shorthand line t[ls..le) ("Giao X: ...", "- [ ] ..."): the whole
 * line is one directive; with no task of its own, it heads the list
 * below it. */
static void
shorthand(struct ctx *c, const struct hit *L, size_t ls, size_t le,
    struct carry *list, bool is_bullet, bool next_bullet)
{
	struct carry k = { .forced = true };
	size_t ws = L->what.e > L->what.s ? L->what.s : L->e;
	size_t we = L->what.e > L->what.s ? L->what.e : le;

	c->cur_s = ls;
	c->cur_e = le;
	if (L->who.e > L->who.s)
		k.who = L->who;
	else if (list->head && is_bullet)
		k.who = list->who;
	if (extract_skip_sep(c->t, ws, we) >= extract_trim_back(c->t, ws, we)) {
		*list = k;
		list->head = next_bullet;
	} else
		clauses(c, ws, we, &k, false);
	settle_deadlines(c, ls, le);
	sentence_done(c);
}

/* True if the sentence t[ss..se), the last of its line, ends in a ':'
 * that introduces a list below. */
static bool
heads_list(struct ctx *c, size_t ss, size_t se, size_t le, bool next_bullet)
{
	size_t tb = extract_trim_back(c->t, ss, se);

	return se == le && next_bullet && extract_find_colon(c->t, ss, se) < se &&
	    tb < se && c->t[tb] == ':';
}

/* The role of the paragraph t[ls..le) when the caller named no section:
 * one that tells of past work ("đã") and holds no cue and no modal is
 * a report, whose bare verbs ("Duy trì ...", "Tổ chức tuyên truyền
 * ...") list what was done. */
static enum extract_role
paragraph_role(struct ctx *c, size_t ls, size_t le)
{
	if (c->h->role != ROLE_ANY)
		return c->h->role;
	if (first_in(c, RT_PAST, ls, le) && !first_in(c, RT_CUE, ls, le) &&
	    !first_in(c, RT_MODAL, ls, le))
		return ROLE_REPORT;
	return ROLE_ANY;
}

/* Reads the line t[ls..le), sentence by sentence; list carries the
 * addressee of a list from the line that heads it to its members. */
static void
line(struct ctx *c, size_t ls, size_t le, struct carry *list)
{
	const char *t = c->t;
	size_t p = extract_skip_ws(t, c->n, ls, le), b = extract_bullet(t, p, le);
	size_t ss = p;
	bool first = true, is_bullet = b > 0, next_bullet = list_follows(c, le);
	const struct hit *L;

	if (p < le && !is_bullet && !hit_at_in(c, RT_LINE, p, le))
		list->head = false;
	c->role = paragraph_role(c, ls, le);
	if (!(list->head && (is_bullet || hit_at_in(c, RT_LINE, p, le)))) {
		c->scope = -1;
		c->run_who = (struct span){ 0, 0 };
	}
	while ((ss = extract_skip_ws(t, c->n, ss, le)) < le) {
		struct carry k = { .forced = false };
		size_t se;

		c->sentence++;
		c->first_of_sentence = c->nitems;
		c->owe = false;
		if (first && (L = hit_at_in(c, RT_LINE, p, le)) != NULL) {
			shorthand(c, L, ls, le, list, is_bullet, next_bullet);
			return;
		}
		if (first && is_bullet) {
			ss += b;
			if (list->head) {
				k.who = list->who;
				k.forced = true;
			}
		}
		se = extract_sentence_end(t, ss, le, &c->h->words->k[WK_ABBREV]);
		c->cur_s = ss;
		c->cur_e = se;
		clauses(c, ss, se, &k, heads_list(c, ss, se, le, next_bullet));
		if (k.head) {
			list->who = k.who;
			list->forced = true;
			list->head = true;
		}
		settle_deadlines(c, ss, se);
		sentence_done(c);
		first = false;
		ss = se;
	}
}

int
extract_assemble(const char *t, size_t n, struct hits *h, struct ymd ref,
    struct extract_item **out, size_t *nout, bool all_deadlines)
{
	struct ctx c = { .t = t, .n = n, .h = h, .ref = ref,
	    .all = all_deadlines };
	struct carry list = { .forced = false };

	for (int k = 0; k < RT_NTYPES; k++)
		c.scanned[k] = -1;
	c.scope = -1;
	for (size_t ls = 0, le, last = 0; ls < n; ls = le + 1) {
		const char *nl = memchr(t + ls, '\n', n - ls);

		le = nl ? (size_t)(nl - t) : n;
		c.prev_ls = last;
		line(&c, ls, le, &list);
		if (extract_skip_ws(t, n, ls, le) < le)
			last = ls;
	}
	free(c.dl);
	free(c.owed);
	*out = c.items;
	*nout = c.nitems;
	return c.sentence;
}
