/*
 * The extractor's front half: answering the assembler's questions about
 * a text with the rules extract_rules.c compiled.  One pass over the
 * text (extract_index.c) first lists where each rule may start.  Which
 * hits of a type lie in a sentence: only the rules that may start there
 * and whose gate opens (extract_gate.c) are looked at, each tried,
 * anchored, at its candidates only; verbs and body names only as far as
 * a question reaches.  Which hit starts at a position: an anchored match,
 * not even tried where no rule of the type may start.  Rules the index
 * cannot list are scanned as before.  Running every rule over every byte
 * would cost ten times more.  The assembly of hits into action items is
 * in extract_items.c, which never sees PCRE2.
 *
 * Text is validated once, brought to NFC (rules are normalised the same
 * way), and then matched with PCRE2_NO_UTF_CHECK: re-validating the whole
 * subject on every call would make matching quadratic.  When the input is
 * not already NFC, a map from NFC offsets back to input offsets lets every
 * span refer to the text as the caller gave it.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/extract_re.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* The span of the group named as part i of the rule (NPARTS: the
 * assignee, NPARTS + 1: the task) that took part in the match; with
 * duplicate names, the first one set. */
static bool
named_span(const struct rule *r, pcre2_match_data *md, size_t i,
    struct span *sp)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t nov = pcre2_get_ovector_count(md);

	for (size_t k = r->gfirst[i]; k < r->gfirst[i + 1]; k++) {
		unsigned g = r->grp[k];

		if (g < nov && ov[2 * g] != PCRE2_UNSET) {
			sp->s = ov[2 * g];
			sp->e = ov[2 * g + 1];
			return true;
		}
	}
	return false;
}

/* The hit for a match of r at [s, e), its groups read from x->md;
 * false for a deadline phrase that names no real date.  The parts are
 * copied into one buffer, each ended by a NUL; a long one is copied on
 * its own. */
static bool
make_hit(struct extractor *x, const struct rule *r, const char *t,
    struct ymd ref, size_t s, size_t e, struct hit *out)
{
	struct hit hit = { .s = s, .e = e, .flags = r->flags };
	struct span sp;

	if (r->type == RT_DUE) {
		const char *vals[NPARTS] = { 0 };
		char *owned[NPARTS] = { 0 }, buf[256];
		size_t used = 0;
		struct dates_parts p;
		bool ok;

		for (size_t i = 0; i < NPARTS; i++) {
			size_t len;

			if (!r->has_part[i] || !named_span(r, x->md, i, &sp))
				continue;
			len = sp.e - sp.s;
			if (used + len + 1 <= sizeof buf) {
				memcpy(buf + used, t + sp.s, len);
				buf[used + len] = '\0';
				vals[i] = buf + used;
				used += len + 1;
			} else
				vals[i] = owned[i] = xstrndup(t + sp.s, len);
		}
		p = (struct dates_parts){ vals[0], vals[1], vals[2], vals[3],
		    vals[4], vals[5], vals[6], vals[7], vals[8], vals[9] };
		ok = dates_resolve(r->kind, &p, ref, &hit.due);
		for (size_t i = 0; i < NPARTS; i++)
			free(owned[i]);
		if (!ok)
			return false;
	}
	if (r->has_who && named_span(r, x->md, NPARTS, &sp))
		hit.who = sp;
	if (r->has_what && named_span(r, x->md, NPARTS + 1, &sp))
		hit.what = sp;
	*out = hit;
	return true;
}

/* Index of the first character in t[p..to) that may be a decimal digit:
 * an ASCII one, or any character from U+0640 on outside the Latin
 * Extended Additional and Greek Extended blocks (no digit lies below or
 * in those in any version of Unicode), to be safe. */
static size_t
next_digit(const char *t, size_t p, size_t to)
{
	for (; p < to; p++) {
		unsigned char c = (unsigned char)t[p];

		if (c < 0x80) {
			if (c >= '0' && c <= '9')
				return p;
		} else if (c >= 0xd9) {
			/* From U+0640 on, except U+1E00-U+1FFF (E1 B8-BF),
			 * where the Vietnamese letters lie. */
			if (!(c == 0xe1 && p + 1 < to &&
			    (unsigned char)t[p + 1] >= 0xb8))
				return p;
		}
	}
	return to;
}

/* Where a rule's scan of one sentence stands: the next offset to try;
 * for a rule with heads, the next of its candidates; for rules that
 * start with a digit, the last place worth it. */
struct cursor {
	size_t	off, last;
	size_t	cand;		/* index into the rule's candidates */
	bool	heads;		/* try the candidates only */
	bool	done;
};

static size_t
cand_pos(const void *v, size_t i)
{
	return ((const struct extract_cand *)v)[i].pos;
}

/* Index of the first candidate of type t at or after p.  Questions come
 * mostly in order, and the rules of a type are started one after another
 * at the same place. */
static size_t
first_cand(struct extract_found *f, enum rule_type t, size_t p)
{
	return extract_gallop(f->type[t], f->ntype[t], &f->last_i[t], p,
	    cand_pos);
}

static void
cursor_start(struct extractor *x, const struct rule *r, const char *t,
    size_t from, size_t to, struct cursor *c)
{
	c->off = from;
	c->last = to;
	c->done = false;
	c->heads = x->found.valid && r->indexed;
	if (c->heads)
		c->cand = first_cand(&x->found, r->type, from);
	/* PCRE2 looks for the required byte before it tries anything; so
	 * must a rule tried anchored: most sentences have digits, few a
	 * ':'.  The byte comes after a match's first character, so no
	 * match starts at or after its last one. */
	if ((c->heads || (r->digit_first && r->anch_jit)) && r->req >= 0) {
		const char *q = memrchr(t + from, r->req, to - from);

		if (q == NULL)
			c->done = true;
		else
			c->last = (size_t)(q - t);
	}
}

/* The next place from the cursor on where r is to be tried anchored,
 * or to if none is left: a candidate, or a character that may be a
 * digit (for a rule whose matches start with one).  SIZE_MAX: the rule
 * is to be scanned instead. */
static size_t
next_try(const struct extractor *x, const struct rule *r, const char *t,
    size_t to, struct cursor *c)
{
	if (c->heads) {
		const struct extract_cand *v = x->found.type[r->type];
		size_t k = (size_t)(r - x->rules), nv = x->found.ntype[r->type];

		for (; c->cand < nv && v[c->cand].pos < c->last; c->cand++)
			if (v[c->cand].pos >= c->off &&
			    extract_index_has(x->index[x->lang], v[c->cand].set, k))
				return v[c->cand].pos;
		return to;
	}
	if (r->digit_first && r->anch_jit) {
		size_t p = next_digit(t, c->off, c->last);

		return p < c->last ? p : to;
	}
	return SIZE_MAX;
}

/* The next hit of r in t[..to) from the cursor on, as a scan finds them:
 * each search starts where the last match ended.  A rule with heads is
 * tried, anchored, at each of its candidates; a rule whose matches start
 * with a digit, at each character that may be one: that finds the same
 * hits in the same order without trying every other place on the way. */
static bool
next_hit(struct extractor *x, const struct rule *r, const char *t, size_t to,
    struct ymd ref, struct cursor *c, struct hit *out)
{
	while (!c->done) {
		PCRE2_SIZE *ov, s, e;
		size_t at = next_try(x, r, t, to, c);
		int rc;

		if (at == to)
			break;
		if (at != SIZE_MAX) {
			c->off = at;
			if (r->anch_jit)
				rc = pcre2_jit_match(r->anch, (PCRE2_SPTR)t, to, at,
				    0, x->md, x->mctx);
			else
				rc = pcre2_match(r->anch, (PCRE2_SPTR)t, to, at,
				    PCRE2_NO_UTF_CHECK, x->md, x->mctx);
			if (rc == PCRE2_ERROR_NOMATCH) {
				c->off++;
				continue;
			}
		} else {
			if (c->off > to)
				break;
			if (r->jit)
				rc = pcre2_jit_match(r->re, (PCRE2_SPTR)t, to, c->off,
				    0, x->md, x->mctx);
			else
				rc = pcre2_match(r->re, (PCRE2_SPTR)t, to, c->off,
				    PCRE2_NO_UTF_CHECK, x->md, x->mctx);
		}
		if (rc < 0) {
			/* No match, or a limit hit: the rest is dropped, and
			 * a limit is counted and told. */
			if (rc != PCRE2_ERROR_NOMATCH)
				extract_limit_hit(x, &x->rules[r - x->rules]);
			break;
		}
		ov = pcre2_get_ovector_pointer(x->md);
		s = ov[0];
		e = ov[1];
		c->off = e > s ? e : e + 1;
		/* Never restart inside a character. */
		while (c->off < to && ((unsigned char)t[c->off] & 0xc0) == 0x80)
			c->off++;
		if (e > s && make_hit(x, r, t, ref, s, e, out))
			return true;
	}
	c->done = true;
	return false;
}

/* Runs one rule over t[from..to) (lookbehind may see before from). */
static void
run_rule(struct extractor *x, const struct rule *r, const char *t, size_t from,
    size_t to, struct ymd ref, struct hits *h)
{
	struct cursor c;
	struct hit hit;

	cursor_start(x, r, t, from, to, &c);
	while (next_hit(x, r, t, to, ref, &c, &hit))
		extract_hits_add(h, r->type, &hit);
}

/* A sentence scanned as far as the assembler asked (hits.scan_to):
 * for each rule whose gate is open, its cursor and the first hit found
 * but not listed yet. */
struct lazy_rule {
	const struct rule	*r;
	struct cursor		 c;
	bool			 pend;
	struct hit		 hit;
};

/* What the assembler's questions need: the extractor, the text, the
 * reference date and the language picked for this text. */
struct scan_ctx {
	struct extractor	*x;
	const char		*t;
	struct ymd		 ref;
	unsigned		 lang;
	/* What the gates know of the sentence [sig_s, sig_e) last asked
	 * about (the assembler asks about several types in a row for the
	 * same sentence), each made when first needed: whether it holds an
	 * ASCII digit, the gate words the index found there (as bits, after
	 * the rules'), its signature for the other words. */
	size_t			 sig_s, sig_e;
	int			 digit;		/* -1: not known yet */
	bool			 have_words, have_sig;
	uint64_t		*words;
	struct extract_sig	 sig;
	bool			 sig_digit;
	/* Per gate word, for this sentence: there (1), not (0), not
	 * known yet (-1).  Rules share words: "tháng" is asked about by
	 * a dozen. */
	signed char		*known;
	struct lazy_rule	*lazy[RT_NTYPES];
	size_t			 nlazy[RT_NTYPES];
	/* The index of the language's rules; x->found holds the places
	 * it found in this text.  present: the rules that may start in the
	 * sentence [pres_s, pres_e) for each type, as bits (pres_s == 1:
	 * not known). */
	const struct extract_index *index;
	uint64_t		*present[RT_NTYPES];
	size_t			 pres_s[RT_NTYPES], pres_e[RT_NTYPES];
	/* The last two anchored questions of each type and their answers:
	 * the assembler asks about a line's start several times, and about
	 * the next line's in between. */
	struct {
		size_t		p, e;
		bool		found;
		struct hit	hit;
	}			 last[RT_NTYPES][2];
};

/* True if a gate word the index finds starts in the sentence: the sets
 * of the gate words' places there, or-ed once a sentence. */
static bool
word_found(struct scan_ctx *sc, size_t k)
{
	struct extractor *x = sc->x;
	size_t id = x->nrules + k;

	if (!sc->have_words) {
		const struct extract_cand *v = x->found.type[EXTRACT_GATES];

		if (sc->words == NULL)
			sc->words = xcalloc(x->nbits, sizeof *sc->words);
		memset(sc->words, 0, x->nbits * sizeof *sc->words);
		for (size_t i = first_cand(&x->found, EXTRACT_GATES, sc->sig_s);
		    i < x->found.ntype[EXTRACT_GATES] && v[i].pos < sc->sig_e; i++)
			extract_index_or(sc->index, v[i].set, sc->words);
		sc->have_words = true;
	}
	return sc->words[id / 64] >> (id % 64) & 1;
}

/* True if the gate word k may be in the sentence, by its signature. */
static bool
word_signed(struct scan_ctx *sc, size_t k)
{
	const struct gate_word *g = &sc->x->gwords[k];
	size_t a = 0;

	if (!sc->have_sig) {
		extract_sig_text(sc->t, sc->sig_s, sc->sig_e, &sc->sig,
		    &sc->sig_digit);
		sc->have_sig = true;
	}
	while (a < g->nsigs && !extract_sig_may(&sc->sig, &g->sigs[a]))
		a++;
	return a < g->nsigs;
}

/* True if t[s..e) holds an ASCII digit (as a signature tells). */
static bool
has_digit(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return true;
	return false;
}

/* Does the rule's gate let it run in the sentence t[s..e)?  It needs a
 * digit, and each of its words, in one of its alternatives: found by
 * the index, or let through by the sentence's signature. */
static bool
gate_open(struct scan_ctx *sc, const struct rule *r, size_t s, size_t e)
{
	const struct extractor *x = sc->x;

	if (sc->sig_s != s || sc->sig_e != e) {
		memset(sc->known, -1, x->ngwords);
		sc->sig_s = s;
		sc->sig_e = e;
		sc->digit = -1;
		sc->have_words = sc->have_sig = false;
	}
	if (r->gate.digit) {
		if (sc->digit < 0)
			sc->digit = has_digit(sc->t, s, e);
		if (!sc->digit)
			return false;
	}
	for (int i = 0; i < r->ngidx; i++) {
		size_t k = r->gidx[i];

		if (sc->known[k] < 0)
			sc->known[k] = x->found.valid && x->gwords[k].indexed ?
			    word_found(sc, k) : word_signed(sc, k);
		if (!sc->known[k])
			return false;
	}
	return true;
}

/* The rules of type t to try in the sentence t[s..e), as bits (bit k:
 * rule k; in file order): those of the text's language not indexed, and
 * the indexed ones that may start there, from the sets of the type's
 * candidates in the sentence.  Made once a sentence and type. */
static const uint64_t *
to_try(struct scan_ctx *sc, enum rule_type t, size_t s, size_t e)
{
	struct extractor *x = sc->x;
	const uint64_t *base = x->found.valid ? x->unindexed[x->lang][t] :
	    x->oftype[x->lang][t];

	if (sc->pres_s[t] != s || sc->pres_e[t] != e) {
		const struct extract_cand *v = x->found.type[t];

		if (sc->present[t] == NULL)
			sc->present[t] = xcalloc(x->nbits, sizeof *sc->present[t]);
		memcpy(sc->present[t], base, x->nbits * sizeof *base);
		for (size_t i = x->found.valid ? first_cand(&x->found, t, s) :
		    x->found.ntype[t]; i < x->found.ntype[t] && v[i].pos < e; i++)
			extract_index_or(sc->index, v[i].set, sc->present[t]);
		/* A set holds the rules of every type that may start at its
		 * place: only this type's are wanted. */
		for (size_t w = 0; w < x->nbits; w++)
			sc->present[t][w] &= x->oftype[x->lang][t][w];
		sc->pres_s[t] = s;
		sc->pres_e[t] = e;
	}
	return sc->present[t];
}

/* The next rule after rule number *k (SIZE_MAX: before the first) whose
 * bit is set; false if none. */
static bool
next_rule(const struct extractor *x, const uint64_t *bits, size_t *k)
{
	size_t i = *k == SIZE_MAX ? 0 : *k + 1, w = i / 64;
	uint64_t b;

	if (w >= x->nbits)
		return false;
	b = bits[w] & (~(uint64_t)0 << (i % 64));
	while (b == 0) {
		if (++w >= x->nbits)
			return false;
		b = bits[w];
	}
	*k = w * 64 + (size_t)__builtin_ctzll(b);
	return true;
}

/* Whether rule r, one to try, is to run in the sentence t[s..e): if its
 * gate lets it. */
static bool
may_run(struct scan_ctx *sc, const struct rule *r, size_t s, size_t e)
{
	/* Over a whole text every gate would pass. */
	if ((r->ngidx == 0 && !r->gate.digit) || e - s >= 65536)
		return true;
	return gate_open(sc, r, s, e);
}

/* hits.scan_to: each rule's hits are pulled from its cursor until one
 * starts at or after p; that one waits for the next call. */
static size_t
scan_to(void *arg, struct hits *h, enum rule_type type, size_t s, size_t e,
    size_t p, bool fresh)
{
	struct scan_ctx *sc = arg;
	struct extractor *x = sc->x;
	struct lazy_rule *v;
	size_t from = h->n[type], next = SIZE_MAX;

	if (fresh) {
		if (sc->lazy[type] == NULL)
			sc->lazy[type] = xcalloc(x->nbytype[type] + 1,
			    sizeof *sc->lazy[type]);
		const uint64_t *bits = to_try(sc, type, s, e);
		size_t k = SIZE_MAX;

		sc->nlazy[type] = 0;
		while (next_rule(x, bits, &k)) {
			const struct rule *r = &x->rules[k];

			if (!may_run(sc, r, s, e))
				continue;
			v = &sc->lazy[type][sc->nlazy[type]++];
			v->r = r;
			v->pend = false;
			cursor_start(x, r, sc->t, s, e, &v->c);
		}
	}
	for (size_t i = 0; i < sc->nlazy[type]; i++) {
		v = &sc->lazy[type][i];
		for (;;) {
			if (!v->pend && !(v->pend = next_hit(x, v->r, sc->t, e,
			    sc->ref, &v->c, &v->hit)))
				break;
			if (v->hit.s >= p) {
				if (v->hit.s < next)
					next = v->hit.s;
				break;
			}
			extract_hits_add(h, type, &v->hit);
			v->pend = false;
		}
	}
	/* Hits added by earlier calls all start before p's of then, so
	 * the list stays in order. */
	extract_hits_sort_from(h, type, from);
	return next;
}

/* Runs the rules of type t over one sentence t[s..e) (deadline rules
 * together with the skips that veto them). */
static void
scan_type(void *arg, struct hits *h, enum rule_type type, size_t s, size_t e)
{
	struct scan_ctx *sc = arg;
	size_t from = h->n[type], due_from = h->n[RT_DUE],
	    skip_from = h->n[RT_SKIP];
	bool due = type == RT_DUE || type == RT_SKIP;

	/* Skips only veto deadlines: they run where a deadline was found. */
	for (int pass = 0; pass < (due ? 2 : 1); pass++) {
		enum rule_type want = !due ? type : pass == 0 ? RT_DUE : RT_SKIP;

		const uint64_t *bits;
		size_t k = SIZE_MAX;

		if (pass == 1 && h->n[RT_DUE] == due_from)
			break;
		bits = to_try(sc, want, s, e);
		while (next_rule(sc->x, bits, &k))
			if (may_run(sc, &sc->x->rules[k], s, e))
				run_rule(sc->x, &sc->x->rules[k], sc->t, s, e,
				    sc->ref, h);
	}
	if (due)
		extract_hits_finish_due(h, due_from, skip_from);
	else
		extract_hits_sort_from(h, type, from);
}

/* The set of rules of type t that may start at p, from the index: -1
 * if none may (found->valid must hold). */
static int64_t
cand_set(struct extract_found *f, enum rule_type type, size_t p)
{
	size_t i = first_cand(f, type, p);

	return i < f->ntype[type] && f->type[type][i].pos == p ?
	    (int64_t)f->type[type][i].set : -1;
}

/* hits.may: false only where the index tells that no rule of the type
 * starts at p. */
static bool
may_start(void *arg, enum rule_type type, size_t p)
{
	struct scan_ctx *sc = arg;
	struct extractor *x = sc->x;

	if (!x->found.valid)
		return true;
	for (size_t w = 0; w < x->nbits; w++)
		if (x->unindexed[x->lang][type][w])
			return true;
	return cand_set(&x->found, type, p) >= 0;
}

/* The longest hit of a rule of type t that starts exactly at p, the
 * text ending at e for it. */
static bool
hit_anchored(void *arg, enum rule_type type, size_t p, size_t e,
    struct hit *out)
{
	struct scan_ctx *sc = arg;
	struct extractor *x = sc->x;
	bool found = false, indexed = x->found.valid, has_req = false;
	int64_t set;
	size_t limits = x->nlimit;
	int req = -1;

	for (int k = 0; k < 2; k++)
		if (sc->last[type][k].p == p && sc->last[type][k].e == e) {
			if (sc->last[type][k].found)
				*out = sc->last[type][k].hit;
			return sc->last[type][k].found;
		}
	set = indexed ? cand_set(&x->found, type, p) : -1;

	for (size_t i = 0; i < x->nbytype[type]; i++) {
		size_t k = x->bytype[type][i];
		const struct rule *r = &x->rules[k];
		struct hit h;
		PCRE2_SIZE *ov;
		int rc;

		if (!(r->langs & sc->lang))
			continue;
		/* Most questions are about places no rule of the type can
		 * start at: answer those without calling PCRE2. */
		if (indexed && r->indexed &&
		    (set < 0 || !extract_index_has(sc->index, (uint32_t)set, k)))
			continue;
		if (r->has_first && p < e &&
		    !(r->first[(unsigned char)sc->t[p] / 8] &
		    (1u << ((unsigned char)sc->t[p] % 8))))
			continue;
		/* Nor where the byte every match holds is missing: most lines
		 * hold no ':' that a shorthand line ("Giao X: ...") needs.
		 * Rules of a type mostly need the same byte: looked for once. */
		if (r->req >= 0 && p < e && r->req != req) {
			req = r->req;
			has_req = memchr(sc->t + p, req, e - p) != NULL;
		}
		if (r->req >= 0 && p < e && !has_req)
			continue;
		if (r->anch_jit)
			rc = pcre2_jit_match(r->anch, (PCRE2_SPTR)sc->t, e, p, 0,
			    x->md, x->mctx);
		else
			rc = pcre2_match(r->anch, (PCRE2_SPTR)sc->t, e, p,
			    PCRE2_NO_UTF_CHECK, x->md, x->mctx);
		if (rc < 0) {
			if (rc != PCRE2_ERROR_NOMATCH)
				extract_limit_hit(x, &x->rules[r - x->rules]);
			continue;
		}
		ov = pcre2_get_ovector_pointer(x->md);
		if (ov[1] > ov[0] && (!found || ov[1] > out->e) &&
		    make_hit(x, r, sc->t, sc->ref, ov[0], ov[1], &h)) {
			*out = h;
			found = true;
		}
	}
	/* An answer cut short by a match limit is asked again, and counted
	 * again, as it always was. */
	if (x->nlimit == limits) {
		sc->last[type][1] = sc->last[type][0];
		sc->last[type][0].p = p;
		sc->last[type][0].e = e;
		sc->last[type][0].found = found;
		if (found)
			sc->last[type][0].hit = *out;
	}
	return found;
}

/* A text as the matcher reads it: valid UTF-8 in NFC, with the map
 * from its offsets back to the caller's (NULL when it was NFC). */
struct text {
	const char	*t;
	size_t		 n;
	char		*owned;
	size_t		*map;
};

static int
text_prepare(const char *text, size_t len, struct text *tx, struct err *e)
{
	size_t bad;

	tx->owned = NULL;
	tx->map = NULL;
	tx->t = text;
	tx->n = len;
	if (extract_plain(text, len))
		return 0;
	if (!utf8_valid(text, len, &bad))
		return err_set(e, ERR_INPUT, _("line %zu: invalid UTF-8"),
		    utf8_line_at(text, bad));
	tx->owned = extract_nfc_map(text, len, &tx->n, &tx->map);
	tx->t = tx->owned ? tx->owned : text;
	return 0;
}

static void
text_free(struct text *tx)
{
	free(tx->owned);
	free(tx->map);
}

static size_t
back(const size_t *map, size_t off)
{
	return map ? map[off] : off;
}

/* The runs of one language the text is read in: the whole text in the
 * language asked for, or with "auto" each run of paragraphs in the
 * language its letters tell (a long address among Vietnamese words
 * does not make a paragraph English). */
static size_t
lang_runs(const struct extractor *x, const struct text *tx, size_t **start,
    unsigned **lang)
{
	if (x->langs == (LANG_VI | LANG_EN))
		return extract_lang_runs(tx->t, tx->n, start, lang);
	*start = xcalloc(2, sizeof **start);
	(*start)[1] = tx->n;
	*lang = xcalloc(1, sizeof **lang);
	**lang = x->langs;
	return 1;
}

/* Readies the matcher for t[0..n) in one language: the places where
 * its rules may start are listed; nothing is matched yet: the assembler
 * asks, sentence by sentence, what it needs. */
static void
scan_begin(struct extractor *x, const char *t, size_t n, struct ymd ref,
    unsigned lang, struct hits *h, struct scan_ctx *ds)
{
	memset(h, 0, sizeof *h);
	memset(ds, 0, sizeof *ds);
	ds->x = x;
	ds->t = t;
	ds->ref = ref;
	ds->lang = lang;
	ds->sig_s = 1;	/* no signature yet */
	for (int ty = 0; ty < RT_NTYPES; ty++) {
		ds->pres_s[ty] = 1;
		ds->last[ty][0].p = ds->last[ty][1].p = SIZE_MAX;
	}
	ds->known = xmalloc(x->ngwords + 1);
	x->lang = lang == LANG_EN;
	ds->index = x->index[x->lang];
	extract_index_scan(ds->index, t, n, &x->found);
	h->scan = scan_type;
	h->scan_to = scan_to;
	h->at = hit_anchored;
	h->may = may_start;
	h->arg = ds;
	h->words = &x->words[lang == LANG_EN];
	h->role = x->role;
}

static void
scan_end(struct hits *h, struct scan_ctx *sc)
{
	for (int t = 0; t < RT_NTYPES; t++) {
		free(sc->lazy[t]);
		free(sc->present[t]);
	}
	free(sc->words);
	free(sc->known);
	extract_hits_free(h);
}

/* Assembles the items of one run t[rs..re) and appends them to *out,
 * their spans and sentences counted in the whole text; with all, the
 * deadlines that count are appended to *dl too. */
static void
run_assemble(struct extractor *x, const struct text *tx, size_t rs, size_t re,
    unsigned lang, struct ymd ref, int *sentences, struct extract_item **out,
    size_t *n, size_t *cap, struct extract_deadline **dl, size_t *ndl,
    size_t *dlcap)
{
	struct hits h;
	struct scan_ctx ds;
	struct extract_item *it;
	size_t ni;
	int ns;

	scan_begin(x, tx->t + rs, re - rs, ref, lang, &h, &ds);
	ns = extract_assemble(tx->t + rs, re - rs, &h, ref, &it, &ni, dl != NULL);
	for (size_t i = 0; i < ni; i++) {
		it[i].start = back(tx->map, rs + it[i].start);
		it[i].end = back(tx->map, rs + it[i].end);
		it[i].sentence += *sentences;
		XPUSH(*out, *n, *cap);
		(*out)[(*n)++] = it[i];
	}
	free(it);
	*sentences += ns;
	for (size_t i = 0; dl && i < h.n[RT_DUE]; i++) {
		const struct hit *d = &h.v[RT_DUE][i];

		if (!(d->flags & HF_KEEP))
			continue;
		XPUSH(*dl, *ndl, *dlcap);
		(*dl)[*ndl] = (struct extract_deadline){
			.start = back(tx->map, rs + d->s),
			.end = back(tx->map, rs + d->e), .due = d->due };
		(*ndl)++;
	}
	scan_end(&h, &ds);
}

/* Items, and with dl the deadlines that count, of the whole text. */
static int
extract_all(struct extractor *x, const char *text, size_t len,
    struct ymd ref, struct extract_item **out, size_t *n,
    struct extract_deadline **dl, size_t *ndl, struct err *e)
{
	struct text tx;
	size_t *start, nruns, cap = 0, dlcap = 0;
	unsigned *lang;
	int rc, sentences = 0;

	*out = NULL;
	*n = 0;
	if ((rc = text_prepare(text, len, &tx, e)) != 0)
		return rc;
	nruns = lang_runs(x, &tx, &start, &lang);
	for (size_t r = 0; r < nruns; r++)
		run_assemble(x, &tx, start[r], start[r + 1], lang[r], ref,
		    &sentences, out, n, &cap, dl, ndl, &dlcap);
	for (size_t i = 0; dl && i < *ndl; i++)
		(*dl)[i].text = xstrndup(text + (*dl)[i].start,
		    (*dl)[i].end - (*dl)[i].start);
	free(start);
	free(lang);
	text_free(&tx);
	return 0;
}

int
extract_items(struct extractor *x, const char *text, size_t len,
    struct ymd ref, struct extract_item **out, size_t *n, struct err *e)
{
	return extract_all(x, text, len, ref, out, n, NULL, NULL, e);
}

int
extract_deadlines(struct extractor *x, const char *text, size_t len,
    struct ymd ref, struct extract_deadline **out, size_t *n, struct err *e)
{
	struct extract_item *items;
	size_t ni;
	int rc;

	*out = NULL;
	*n = 0;
	rc = extract_all(x, text, len, ref, &items, &ni, out, n, e);
	extract_items_free(items, ni);
	if (rc == 0 && *out == NULL)
		*out = xcalloc(1, sizeof **out);
	return rc;
}

void
extract_items_free(struct extract_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].assignee);
		free(v[i].task);
		free(v[i].deadline_text);
	}
	free(v);
}

void
extract_deadlines_free(struct extract_deadline *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}
