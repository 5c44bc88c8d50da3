/*
 * The extractor's back half: from rule hits to action items.  A text is
 * cut into lines and sentences, a sentence into clauses at ';' (outside
 * parentheses), and each clause is read the way a secretary writes a
 * directive:
 *
 *   [lead] CUE [ADDRESSEE] [MODAL] TASK  "đề nghị Hội Phụ nữ cần rà soát"
 *   [lead] SUBJECT MODAL|VERB TASK       "Các đơn vị cần ...", "Alice will ..."
 *   [lead] VERB TASK                     "Tiếp tục rà soát ..."
 *
 * Once a cue has named an addressee, every later clause of the sentence,
 * and the bullets under a line ending in ':', is one more task for it.
 * The deadline phrase inside a clause becomes the item's deadline and is
 * cut out of the task; a deadline elsewhere in the sentence goes to the
 * nearest item without one.  A clause whose verb follows a past marker
 * ("đã", "has") is a report, not a task.  This file reads the shapes;
 * extract_task.c makes the items, and extract_ask.c asks extract.c for
 * the hits, sentence by sentence or at one position, so that rules run
 * only where they matter.  No PCRE2 here.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_asm.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* An addressee longer than this is more likely a misread task. */
#define MAX_ADDRESSEE_WORDS	25
#define MAX_SUBJECT_WORDS	7

/* ---- reading clauses --------------------------------------------- */

/* A word that may open an addressee written in lower case ("các",
 * "each") starts t[s..e). */
static bool
determiner(struct ctx *c, size_t s, size_t e)
{
	return extract_word_at(&c->h->words->k[WK_DETERMINER], c->t, s, e) > 0;
}

/* The first deadline in [s, e), or NULL. */
static const struct hit *
first_due(struct ctx *c, size_t s, size_t e)
{
	ask_need(c, RT_DUE);
	return ask_first_in(c, RT_DUE, s, e);
}

/* Whether the first deadline in [s, e) is still to come. */
static bool
future_due(struct ctx *c, size_t s, size_t e)
{
	const struct hit *d = first_due(c, s, e);

	return d && cal_cmp(d->due, c->ref) >= 0;
}

/* "Hội nghị tổng kết sẽ được tổ chức trước ngày 20/12", "The fair will
 * be held by 30 May": work scheduled in the passive, unless at a date
 * already over, is a task for nobody named (the subject is what is
 * done, not who does it), and the whole clause, subject included, says
 * what it is.  The word that makes a modal passive is the "passive"
 * list. */
static bool
passive(struct ctx *c, size_t p, size_t e, struct span *who, size_t *ts)
{
	const struct hit *m = ask_first_in(c, RT_MODAL, p, e), *d;
	size_t q;

	if (m == NULL || m->s == p)
		return false;
	q = extract_skip_ws(c->t, c->n, m->e, e);
	if (extract_word_at(&c->h->words->k[WK_PASSIVE], c->t, q, e) == 0 ||
	    extract_count_words(c->t, p, m->s) > MAX_ADDRESSEE_WORDS ||
	    ask_first_in(c, RT_PAST, p, m->s) ||
	    (!extract_is_upper_at(c->t, c->n, p) && !determiner(c, p, m->s)) ||
	    ((d = first_due(c, m->e, e)) != NULL &&
	    cal_cmp(d->due, c->ref) < 0))
		return false;
	*who = (struct span){ 0, 0 };
	*ts = p;
	return true;
}

/* Whether the words at a and b start with the same word, but for the
 * case of its first letter ("Tổ" and "tổ"). */
static bool
same_first_word(const char *t, size_t n, size_t a, size_t b)
{
	size_t i = a, j = b;

	if (utf8_tolower(utf8_decode(t, n, &i)) !=
	    utf8_tolower(utf8_decode(t, n, &j)))
		return false;
	for (; i < n && j < n && t[i] != ' ' && t[i] != ','; i++, j++)
		if (t[i] != t[j])
			return false;
	return (i >= n || t[i] == ' ' || t[i] == ',') &&
	    (j >= n || t[j] == ' ' || t[j] == ',');
}

/* Whether the words t[p..q), cut at commas, name several that share one
 * task: "Tổ Địa chính, tổ Kiểm tra", "Công an xã, Ban Chỉ huy Quân sự
 * xã", "Alice, Omar and Li".  Each part after the first repeats the
 * first one's first word or opens on a known body; or every part is a
 * name, each word capitalised.  "Tuy nhiên, các chi hội" is none. */
static bool
listed_subjects(struct ctx *c, size_t p, size_t q)
{
	const struct word_list *joiners = &c->h->words->k[WK_JOINER];
	bool bodies = true, names = true;
	size_t s = p;

	for (;;) {
		const char *comma = memchr(c->t + s, ',', q - s);
		size_t pe = comma ? (size_t)(comma - c->t) : q;

		if (pe == s)
			return false;
		names = names && extract_all_capitalised(c->t, c->n, s,
		    extract_trim_back(c->t, s, pe), joiners);
		if (s > p && !same_first_word(c->t, c->n, p, s) &&
		    !ask_hit_at(c, RT_ASSIGNEE, s))
			bodies = false;
		if (comma == NULL)
			return bodies || names;
		s = extract_skip_ws(c->t, c->n, pe + 1, q);
	}
}

/* A subject opening the clause at p and the start of its task: a known
 * body followed by a modal or verb, or a short name before a modal; or
 * a subject of work scheduled in the passive (no one named). */
static bool
subject(struct ctx *c, size_t p, size_t e, struct span *who, size_t *ts,
    bool modal_only)
{
	const struct hit *a = ask_hit_at(c, RT_ASSIGNEE, p), *m;
	size_t q;
	bool list;

	if (passive(c, p, e, who, ts))
		return true;
	if (a) {
		q = extract_skip_sep(c->t, a->e, e);
		if (ask_hit_at(c, RT_PAST, q))
			return false;
		const struct hit *v = ask_hit_at(c, RT_VERB, q);

		/* "Đoàn Thanh niên tổ chức ..." reports as often as it
		 * directs, unless the verb is a directive one or the clause
		 * sets a date still to come. */
		if (ask_hit_at(c, RT_MODAL, q) || (!modal_only && v &&
		    ((v->flags & RF_STRONG) || future_due(c, q, e)) &&
		    !ask_hit_at(c, RT_ASSIGNEE, q))) {
			*who = (struct span){ a->s, a->e };
			*ts = ask_skip_modals(c, q, e);
			return true;
		}
	}
	m = ask_first_in(c, RT_MODAL, p, e);
	if (m == NULL || m->s == p)
		return false;
	q = extract_trim_back(c->t, p, m->s);
	list = extract_has_char(c->t, p, q, ',');
	if (q <= p || extract_count_words(c->t, p, q) >
	    (list ? 2 : 1) * MAX_SUBJECT_WORDS ||
	    extract_has_char(c->t, q, m->s, ',') ||
	    (list && !listed_subjects(c, p, q)) ||
	    extract_has_char(c->t, p, m->s, ':') ||
	    ask_first_in(c, RT_PAST, p, m->e) ||
	    ask_first_verb(c, p, q) < q ||
	    (!extract_is_upper_at(c->t, c->n, p) && !determiner(c, p, q)))
		return false;
	if ((m->flags & RF_NAME) && !extract_all_capitalised(c->t, c->n, p, q,
	    &c->h->words->k[WK_JOINER]))
		return false;
	*who = (struct span){ p, q };
	*ts = ask_skip_modals(c, m->s, e);
	return true;
}

/* State carried from clause to clause within a sentence (and, through a
 * list, from line to line). */
struct carry {
	struct span	who;		/* current addressee */
	bool		forced;		/* later clauses are tasks */
	bool		head;		/* ended in ':' with a list below */
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
	const struct hit *m = ask_first_in(c, RT_MODAL, ts, e);

	/* Without a modal later in the clause there is no second subject. */
	if (m == NULL)
		return e;
	for (size_t j = ts; j < m->s; j++) {
		size_t l, t2;
		struct span w;

		if (c->t[j] != ' ' ||
		    (l = extract_word_at(conj, c->t, j + 1, e)) == 0)
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

	item_add(c, start, ts, end, who);
	if (end < e)
		clause(c, next, e, k, false);
}

/* Past the leads that open a clause ("Đồng thời,", "agreed that"). */
static size_t
skip_leads(struct ctx *c, size_t p, size_t e)
{
	const struct hit *lead;

	while ((lead = ask_hit_at(c, RT_LEAD, p)) != NULL && lead->e > p)
		p = extract_skip_sep(c->t, lead->e, e);
	return p;
}

/* The first cue in t[p..e) that addresses someone (a capital, "các
 * ...", ':') or names the task at once (a verb or modal); a cue followed
 * by anything else is a noun: "bám sát yêu cầu thực tế", "đảm bảo yêu
 * cầu".  The next cue is found by index: with no cue hits the array is
 * NULL, and even NULL + 0 is undefined.  Ahead: asked of a paragraph
 * before its sentences are read, verbs straight of the matcher. */
static const struct hit *
addressing_cue(struct ctx *c, size_t p, size_t e, bool ahead)
{
	const struct hit *cue;
	struct hit v;

	for (cue = ask_first_in(c, RT_CUE, p, e); cue != NULL; ) {
		size_t q = extract_skip_ws(c->t, c->n, cue->e, e);
		size_t i = (size_t)(cue - c->h->v[RT_CUE]) + 1;

		if (q >= e || c->t[q] == ':' ||
		    extract_is_upper_at(c->t, c->n, q) || determiner(c, q, e) ||
		    (ahead ? c->h->at(c->h->arg, RT_VERB, q, e, &v) :
		    ask_hit_at(c, RT_VERB, q) != NULL) ||
		    ask_hit_at_in(c, RT_MODAL, q, ahead ? e : c->cur_e) ||
		    ask_hit_at_in(c, RT_CUE, q, ahead ? e : c->cur_e))
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
	return ge > q &&
	    extract_count_words(c->t, q, ge) <= MAX_ADDRESSEE_WORDS &&
	    !ask_first_in(c, RT_PAST, q, ge) &&
	    (extract_is_upper_at(c->t, c->n, q) || determiner(c, q, ge) ||
	    ask_hit_at(c, RT_ASSIGNEE, q));
}

/* After a cue, from q: the addressee (into *who) and where the task
 * starts.  The addressee runs to a ':' ("giao các đơn vị: ..."), or to
 * the first modal, verb or second cue ("đề nghị UBND quận chỉ đạo
 * ..."); with none of those, a known body may still open it.  A ':'
 * right after the cue only opens what it asks ("yêu cầu: các tổ dân
 * phố rà soát ..."): the addressee follows it. */
static size_t
cue_addressee(struct ctx *c, size_t q, size_t e, struct span *who)
{
	size_t colon, stop;
	const struct hit *m, *nc, *a;

	if (q < e && c->t[q] == ':')
		q = extract_skip_ws(c->t, c->n, q + 1, e);
	colon = extract_find_colon(c->t, q, e);
	m = ask_first_in(c, RT_MODAL, q, e);
	nc = ask_first_in(c, RT_CUE, q, e);
	stop = ask_first_verb(c, q, e);

	if (m && m->s < stop)
		stop = m->s;
	if (nc && nc->s < stop)
		stop = nc->s;
	if (colon < stop) {
		*who = (struct span){ q, extract_trim_back(c->t, q, colon) };
		return ask_skip_modals(c, colon + 1, e);
	}
	if (stop < e) {
		size_t ge = extract_trim_back(c->t, q, stop);

		if (!addressee_words(c, q, ge))
			return ask_skip_modals(c, q, e);
		*who = (struct span){ q, ge };
		return ask_skip_modals(c, stop, e);
	}
	if ((a = ask_hit_at(c, RT_ASSIGNEE, q)) == NULL)
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
	    ask_first_verb(c, p, colon) == colon &&
	    !ask_first_in(c, RT_MODAL, p, colon)))
		return false;
	item_add(c, p, ask_skip_modals(c, colon + 1, e), e,
	    (struct span){ p, colon });
	return true;
}

/* A report inside a directive's run: "MTTQ đã tổ chức ...", or a few
 * words then "đã"/"has" before any verb. */
static bool
report(struct ctx *c, size_t p, size_t e)
{
	const struct hit *a = ask_hit_at(c, RT_ASSIGNEE, p), *ps;

	if (a && ask_hit_at(c, RT_PAST, extract_skip_sep(c->t, a->e, e)))
		return true;
	ps = ask_first_in(c, RT_PAST, p, e);
	return ps && extract_count_words(c->t, p, ps->s) <= 4 &&
	    ask_first_verb(c, p, ps->s) == ps->s;
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
	    !ask_hit_at(c, RT_MODAL, extract_skip_ws(c->t, c->n, q, e)))
		return false;
	ts = ask_skip_modals(c, q, e);
	if ((l = extract_word_at(&w->k[WK_ALSO], c->t, ts, e)) > 0)
		ts = extract_skip_ws(c->t, c->n, ts + l, e);
	item_add(c, p, ts, e, k->who);
	return true;
}

/* "thời hạn: trước ngày 20/9" only dates the task before it: a short
 * clause with a deadline and no verb is no task. */
static bool
bare_deadline(struct ctx *c, size_t p, size_t e)
{
	const struct hit *d;

	ask_need(c, RT_DUE);
	d = ask_first_in(c, RT_DUE, p, e);
	return d && extract_count_words(c->t, p, d->s) +
	    extract_count_words(c->t, d->e, e) <= 2 &&
	    ask_first_verb(c, p, e) == e;
}

/* A new addressee inside a directive's run: a few words, capitalised
 * or opening on a determiner, before a verb that may follow a subject
 * directly ("...; cán bộ và hội viên tiếp tục phát huy ...", "Lực lượng
 * công an, kiểm lâm tăng cường ...").  Sets *who and *ts. */
static bool
new_subject(struct ctx *c, size_t p, size_t e, struct span *who, size_t *ts)
{
	size_t v = ask_first_verb(c, p, e), q;
	const struct hit *h;

	if (v >= e || v == p || (h = ask_hit_at(c, RT_VERB, v)) == NULL ||
	    !(h->flags & RF_STRONG))
		return false;
	q = extract_trim_back(c->t, p, v);
	if (q <= p || extract_count_words(c->t, p, q) > MAX_SUBJECT_WORDS ||
	    ask_first_in(c, RT_PAST, p, v) ||
	    extract_has_char(c->t, p, q, ':') ||
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
		item_add(c, p, ts, e, who);
		return;
	}
	item_add(c, p, ask_skip_modals(c, p, e), e, k->who);
}

/* A clause that opens on a modal or a verb is a directive with nobody
 * named, unless it only goes on with a report: in a paragraph of past
 * work, or after a clause of the same sentence that told of it ("...
 * đã tổ chức ...; thăm hỏi, tặng quà ..."). */
static bool
headless(struct ctx *c, size_t p, const struct carry *k)
{
	if (ask_hit_at(c, RT_MODAL, p))
		return c->role != ROLE_RESULTS;
	if (c->role == ROLE_RESULTS || c->role == ROLE_REPORT || k->report)
		return false;
	return ask_verb_at(c, p) != NULL;
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
		d = ask_due_at(c, q);
		if (d && d->e < e &&
		    c->t[extract_skip_ws(c->t, c->n, d->e, e)] == ',')
			q = extract_skip_sep(c->t, d->e, e);
		if (q == p)
			break;
		p = q;
	}
	if (p > p0)
		ask_need(c, RT_DUE);
	if (p > p0 && (d = ask_first_in(c, RT_DUE, p0, p)) != NULL &&
	    d->e <= p)
		c->scope = cal_cmp(d->due, c->ref) >= 0 ?
		    d - c->h->v[RT_DUE] : -1;
	return p;
}

/* The last period still to come among hits v[0..n) that starts in
 * [from, to), or -1. */
static long
last_future(struct ctx *c, const struct hit *v, size_t n, size_t from,
    size_t to)
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

	if (c->scope != -1 ||
	    extract_word_at(&h->words->k[WK_REFER], c->t, p, e) == 0)
		return;
	ask_repay(c, p);
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
	bool yes = addressing_cue(c, p, colon, false) ||
	    ask_first_in(c, RT_MODAL, p, colon);

	ask_need(c, RT_DUE);
	for (d = ask_first_in(c, RT_DUE, p, colon); d && d < c->h->v[RT_DUE] +
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
	const struct hit *in = ask_first_in(c, RT_INTRO, p, e), *cue;
	size_t colon, ts;
	struct span who = { 0, 0 };

	if (in == NULL || (colon = extract_find_colon(c->t, in->s, e)) >= e ||
	    colon >= in->e + 1)
		return false;
	if (!directive_umbrella(c, p, colon)) {
		/* The content of what was studied is no task; after a
		 * plain heading ("kết luận như:"), the members speak for
		 * themselves. */
		if (ask_first_in(c, RT_PAST, p, colon)) {
			k->report = true;
			return true;
		}
		clause(c, colon + 1, e, k, last_is_head);
		return true;
	}
	if ((cue = addressing_cue(c, p, colon, false)) != NULL)
		cue_addressee(c, extract_skip_ws(c->t, c->n, cue->e, colon),
		    colon, &who);
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
	if ((cue = addressing_cue(c, p, e, false)) != NULL) {
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
			item_add(c, p, ask_skip_modals(c, p, e), e, c->run_who);
	} else if (c->run_who.e > c->run_who.s && c->role != ROLE_RESULTS &&
	    new_subject(c, p, e, &who, &ts)) {
		/* In a directive's run: a new addressee and its verb. */
		addressed(c, p, ts, e, who, k, last_is_head);
	} else if (c->role != ROLE_RESULTS && ask_first_in(c, RT_OWNER, p, e))
		item_add(c, p, p, e, who);
	else if (ask_first_in(c, RT_PAST, p, e)) {
		k->report = true;
		c->run_who = (struct span){ 0, 0 };
	} else if (ask_hit_at(c, RT_ASSIGNEE, p))
		/* A body and what it does, with no modal, cue or date to
		 * come: a statement ("Hội CCB còn phối hợp ..."), and so are
		 * the verbs that go on with it after a ';'. */
		k->report = true;
}

/* Splits t[s..e) at ';' outside parentheses and reads each clause. */
static void
clauses(struct ctx *c, size_t s, size_t e, struct carry *k, bool list_below)
{
	const char *t = c->t;
	int depth = 0;
	size_t cs = s;

	for (size_t i = s; ; i++) {
		/* Only parentheses and ';' matter here. */
		if ((i = extract_find_bytes(t, i, e, ";()", 3)) == e) {
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
	return extract_bullet(c->t, q, ne) > 0 ||
	    ask_hit_at_in(c, RT_LINE, q, ne) != NULL;
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
	item_settle(c, ls, le);
	ask_sentence_done(c);
}

/* True if the sentence t[ss..se), the last of its line, ends in a ':'
 * that introduces a list below. */
static bool
heads_list(struct ctx *c, size_t ss, size_t se, size_t le, bool next_bullet)
{
	size_t tb = extract_trim_back(c->t, ss, se);

	return se == le && next_bullet &&
	    extract_find_colon(c->t, ss, se) < se && tb < se && c->t[tb] == ':';
}

/* The role of the paragraph t[ls..le) when the caller named no section:
 * one that tells of past work ("đã") and holds no cue that addresses
 * anyone (a cue word used as a noun, "đáp ứng yêu cầu", does not) and no
 * modal is a report, whose bare verbs ("Duy trì ...", "Tổ chức tuyên
 * truyền ...") list what was done. */
static enum extract_role
paragraph_role(struct ctx *c, size_t ls, size_t le)
{
	if (c->h->role != ROLE_ANY)
		return c->h->role;
	if (ask_first_in(c, RT_PAST, ls, le) &&
	    !addressing_cue(c, ls, le, true) &&
	    !ask_first_in(c, RT_MODAL, ls, le))
		return ROLE_REPORT;
	return ROLE_ANY;
}

/* Reads the line t[ls..le), sentence by sentence; list carries the
 * addressee of a list from the line that heads it to its members. */
static void
line(struct ctx *c, size_t ls, size_t le, struct carry *list)
{
	const char *t = c->t;
	size_t p = extract_skip_ws(t, c->n, ls, le);
	size_t b = extract_bullet(t, p, le), ss = p;
	bool first = true, is_bullet = b > 0, next_bullet = list_follows(c, le);
	const struct hit *L;

	if (p < le && !is_bullet && !ask_hit_at_in(c, RT_LINE, p, le))
		list->head = false;
	c->role = paragraph_role(c, ls, le);
	if (!(list->head && (is_bullet || ask_hit_at_in(c, RT_LINE, p, le)))) {
		c->scope = -1;
		c->run_who = (struct span){ 0, 0 };
	}
	while ((ss = extract_skip_ws(t, c->n, ss, le)) < le) {
		struct carry k = { .forced = false };
		size_t se;

		c->sentence++;
		c->first_of_sentence = c->nitems;
		c->owe = false;
		if (first && (L = ask_hit_at_in(c, RT_LINE, p, le)) != NULL) {
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
		se = extract_sentence_end(t, ss, le,
		    &c->h->words->k[WK_ABBREV]);
		c->cur_s = ss;
		c->cur_e = se;
		clauses(c, ss, se, &k, heads_list(c, ss, se, le, next_bullet));
		if (k.head) {
			list->who = k.who;
			list->forced = true;
			list->head = true;
		}
		item_settle(c, ss, se);
		ask_sentence_done(c);
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
