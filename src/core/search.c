/*
 * Search queries and matching (see search.h).  Text is folded one code
 * point at a time with utf8proc's decomposition, case folding and mark
 * stripping -- the same operations utf8_fold applies to a whole string --
 * while remembering where each folded word came from, so a match found in
 * the folded form can be marked in the original.  Words are runs of
 * letters, digits and private-use characters, as FTS5's unicode61
 * tokenizer sees them, so the snippet marks what the index matched.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* One word of a folded text: its folded bytes and where it was. */
struct word {
	size_t	 fs, fe;	/* in the folded text */
	size_t	 os, oe;	/* in the original */
};

struct folded {
	struct buf	 f;
	struct word	*w;
	size_t		 nw, cap;
};

/* The folded forms of the code points below FOLD_CACHED, found once each:
 * every Vietnamese letter is there, and asking utf8proc for each letter of
 * every text indexed would cost more than the rest of the indexing.
 * len is the length plus one, 0 until known. */
#define FOLD_CACHED 0x3000
struct fold_entry {
	unsigned char	len;
	char		s[11];
};
static struct fold_entry *fold_cache;

/* Appends the folded form of cp. */
static void
fold_cp(struct buf *b, int32_t cp)
{
	struct fold_entry *f;

	if (cp < 0x80) {
		buf_addc(b, (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
		return;
	}
	if (cp >= FOLD_CACHED) {
		utf8_fold_cp(b, cp);
		return;
	}
	if (fold_cache == NULL)
		fold_cache = xcalloc(FOLD_CACHED, sizeof *fold_cache);
	f = &fold_cache[cp];
	if (f->len == 0) {
		struct buf t = BUF_INIT;

		utf8_fold_cp(&t, cp);
		if (t.len >= sizeof f->s) {
			buf_add(b, t.s, t.len);
			buf_free(&t);
			return;
		}
		if (t.len)
			memcpy(f->s, t.s, t.len);
		f->len = (unsigned char)(t.len + 1);
		buf_free(&t);
	}
	if (f->len > 1)
		buf_add(b, f->s, f->len - 1U);
}

char *
search_fold(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0;

	buf_grow(&b, len + 1);
	b.s[0] = '\0';		/* the empty text folds to "", not to garbage */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			buf_addc(&b, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
			i++;
		} else
			fold_cp(&b, utf8_decode(s, len, &i));
	}
	return buf_steal(&b);
}

/* Folds s[0..len) into fo, splitting it into words. */
static void
fold_words(struct folded *fo, const char *s, size_t len)
{
	size_t i = 0;
	bool in = false;

	memset(fo, 0, sizeof *fo);
	buf_grow(&fo->f, len + 1);
	while (i < len) {
		size_t at = i, fat = fo->f.len;
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		bool w;

		/* ASCII, most of any Vietnamese text, without utf8proc. */
		if (c < 0x80) {
			i++;
			buf_addc(&fo->f, (char)(c >= 'A' && c <= 'Z' ?
			    c - 'A' + 'a' : c));
			w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9');
		} else {
			cp = utf8_decode(s, len, &i);
			fold_cp(&fo->f, cp);
			/* A character whose folded form is empty (a lone
			 * mark) joins the word it follows. */
			w = fo->f.len == fat ? in : utf8_is_word(cp);
		}
		if (w && !in) {
			XPUSH(fo->w, fo->nw, fo->cap);
			fo->w[fo->nw].fs = fat;
			fo->w[fo->nw].os = at;
			fo->nw++;
		}
		if (!w && in) {
			fo->w[fo->nw - 1].fe = fat;
			fo->w[fo->nw - 1].oe = at;
		}
		in = w;
	}
	if (in) {
		fo->w[fo->nw - 1].fe = fo->f.len;
		fo->w[fo->nw - 1].oe = len;
	}
}

static void
folded_free(struct folded *fo)
{
	buf_free(&fo->f);
	free(fo->w);
}

static void
phrase_free(struct search_phrase *p)
{
	free(p->raw);
	for (size_t i = 0; i < p->ntok; i++)
		free(p->tok[i]);
	free(p->tok);
}

void
search_query_free(struct search_query *q)
{
	for (size_t i = 0; i < q->n; i++)
		phrase_free(&q->ph[i]);
	free(q->ph);
	q->ph = NULL;
	q->n = 0;
	q->cap = 0;
}

/* Length of the quote mark at s, or 0: ", “ and ” all count, because
 * Vietnamese text is mostly typed with typographic quotes. */
static size_t
quote_at(const char *s)
{
	if (*s == '"')
		return 1;
	if (strncmp(s, "\xe2\x80\x9c", 3) == 0 || strncmp(s, "\xe2\x80\x9d", 3) == 0)
		return 3;
	return 0;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Adds the phrase raw[0..len) unless it holds no word. */
static int
add_phrase(struct search_query *q, const char *raw, size_t len, bool prefix,
    struct err *e)
{
	struct search_phrase p = { 0 };
	struct folded fo;

	fold_words(&fo, raw, len);
	if (fo.nw == 0) {
		folded_free(&fo);
		return 0;
	}
	if (q->n == SEARCH_MAX_PHRASES) {
		folded_free(&fo);
		return err_set(e, ERR_INPUT, _("the query has more than %d words "
		    "or phrases"), SEARCH_MAX_PHRASES);
	}
	p.raw = xstrndup(raw, len);
	p.ntok = fo.nw;
	p.tok = xreallocarray(NULL, fo.nw, sizeof *p.tok);
	for (size_t i = 0; i < fo.nw; i++)
		p.tok[i] = xstrndup(fo.f.s + fo.w[i].fs, fo.w[i].fe - fo.w[i].fs);
	p.prefix = prefix;
	folded_free(&fo);
	XPUSH(q->ph, q->n, q->cap);
	q->ph[q->n++] = p;
	return 0;
}

int
search_query_parse(const char *text, int flags, struct search_query *q,
    struct err *e)
{
	size_t len = strlen(text), nlen, i = 0, bad;
	char *s;
	int rc = 0;
	bool last_word = false;

	q->ph = NULL;
	q->n = 0;
	q->cap = 0;
	if (!utf8_valid(text, len, &bad))
		return err_set(e, ERR_INPUT, _("the query is not valid UTF-8 "
		    "(byte %zu)"), bad + 1);
	s = utf8_nfc(text, len, &nlen);
	while (i < nlen && rc == 0) {
		size_t ql, start;

		if (is_space(s[i])) {
			i++;
			continue;
		}
		if ((ql = quote_at(s + i)) > 0) {
			size_t j = i + ql, cl = 0;

			while (j < nlen && (cl = quote_at(s + j)) == 0)
				j++;
			if (j >= nlen) {
				rc = err_set(e, ERR_INPUT, _("the quote opened at "
				    "character %zu is never closed"),
				    utf8_width(s, i) + 1);
				break;
			}
			rc = add_phrase(q, s + i + ql, j - i - ql, false, e);
			last_word = false;
			i = j + cl;
			continue;
		}
		start = i;
		while (i < nlen && !is_space(s[i]) && quote_at(s + i) == 0)
			i++;
		{
			size_t end = i;
			bool star = false;

			while (end > start && s[end - 1] == '*') {
				end--;
				star = true;
			}
			rc = add_phrase(q, s + start, end - start, star, e);
			last_word = true;
		}
	}
	if (rc == 0 && q->n == 0)
		rc = err_set(e, ERR_INPUT, _("nothing to search for: the query "
		    "has no letters or digits"));
	if (rc == 0 && (flags & SEARCH_PREFIX_LAST) && last_word &&
	    !is_space(s[nlen - 1]))
		q->ph[q->n - 1].prefix = true;
	free(s);
	if (rc)
		search_query_free(q);
	return rc;
}

/* Appends s as an FTS5 string: in double quotes, quotes doubled. */
static void
fts_string(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/* Appends phrase p's words: as typed, or folded. */
static void
phrase_text(struct buf *t, const struct search_phrase *p, bool exact)
{
	if (exact)
		buf_adds(t, p->raw);
	else
		for (size_t k = 0; k < p->ntok; k++)
			buf_printf(t, "%s%s", k ? " " : "", p->tok[k]);
}

char *
search_query_fts(const struct search_query *q, const char *cols, bool exact,
    bool whole)
{
	struct buf b = BUF_INIT, t = BUF_INIT;

	for (size_t i = 0; i < q->n; i++) {
		const struct search_phrase *p = &q->ph[i];

		if (whole) {
			if (i)
				buf_addc(&t, ' ');
			phrase_text(&t, p, exact);
			if (i + 1 < q->n)
				continue;
		} else
			phrase_text(&t, p, exact);
		buf_printf(&b, "%s%s: ", b.len ? " AND " : "", cols);
		fts_string(&b, buf_str(&t));
		buf_reset(&t);
		if (p->prefix)
			buf_adds(&b, " *");
	}
	buf_free(&t);
	return buf_steal(&b);
}

/* True if phrase p matches the words of fo starting at word i. */
static bool
match_at(const struct folded *fo, size_t i, const struct search_phrase *p)
{
	if (i + p->ntok > fo->nw)
		return false;
	for (size_t k = 0; k < p->ntok; k++) {
		const struct word *w = &fo->w[i + k];
		size_t wl = w->fe - w->fs, tl = strlen(p->tok[k]);
		bool last = k + 1 == p->ntok;

		if (last && p->prefix ? wl < tl : wl != tl)
			return false;
		if (memcmp(fo->f.s + w->fs, p->tok[k], tl) != 0)
			return false;
	}
	return true;
}

/* If all of q's phrases follow each other from word i, in order, the
 * index of the word after them; else 0. */
static size_t
whole_at(const struct folded *fo, size_t i, const struct search_query *q)
{
	for (size_t p = 0; p < q->n; p++) {
		if (!match_at(fo, i, &q->ph[p]))
			return 0;
		i += q->ph[p].ntok;
	}
	return i;
}

size_t
search_count(const char *text, size_t len, const struct search_query *q)
{
	struct folded fo;
	size_t found = 0;

	fold_words(&fo, text, len);
	if (q->n > 1)
		for (size_t i = 0; i < fo.nw; i++)
			if (whole_at(&fo, i, q)) {
				found += q->n;
				break;
			}
	for (size_t p = 0; p < q->n; p++)
		for (size_t i = 0; i < fo.nw; i++)
			if (match_at(&fo, i, &q->ph[p])) {
				found++;
				break;
			}
	folded_free(&fo);
	return found;
}

/* The phrase matching at word i, longest first; -1 if none. */
static int
phrase_at(const struct folded *fo, size_t i, const struct search_query *q)
{
	int best = -1;

	for (size_t p = 0; p < q->n; p++)
		if (match_at(fo, i, &q->ph[p]) &&
		    (best < 0 || q->ph[p].ntok > q->ph[best].ntok))
			best = (int)p;
	return best;
}

static bool
only_space(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] != ' ')
			return false;
	return true;
}

/* Appends one grapheme-sized piece of text, white space collapsed; its
 * width, or 0 when it was white space swallowed by the one before. */
static size_t
put_piece(struct buf *b, const char *s, size_t n, bool *space)
{
	if (n == 1 && (is_space(*s) || *s == '\x1e')) {
		if (*space)
			return 0;
		*space = true;
		/* A line break separates attendees, tasks, paragraphs:
		 * show it, or the names on two lines read as one. */
		if (*s == '\n' || *s == '\x1e') {
			buf_adds(b, " \xc2\xb7 ");	/* · */
			return 3;
		}
		buf_addc(b, ' ');
		return 1;
	}
	*space = false;
	utf8_escape_ctrl(b, s, n);
	return utf8_width(s, n);
}

/* Removes trailing spaces and line-break marks, not before base. */
static void
trim_end(struct buf *b, size_t base)
{
	for (;;) {
		if (b->len > base && b->s[b->len - 1] == ' ')
			buf_truncate(b, b->len - 1);
		else if (b->len >= base + 2 &&
		    memcmp(b->s + b->len - 2, "\xc2\xb7", 2) == 0)
			buf_truncate(b, b->len - 2);
		else
			break;
	}
}

/* Where a snippet of text (folded into fo) starts: about a quarter of
 * width before the first place the query's words stand together, else
 * its first match, at the start of a word (the start of the text when
 * nothing matches), past any blanks. */
static size_t
snippet_start(const struct folded *fo, const char *text,
    const struct search_query *q, size_t width)
{
	size_t first = (size_t)-1, i, k = 0, before = width / 4;
	size_t start = 0, len = strlen(text);

	for (i = 0; q->n > 1 && i < fo->nw && first == (size_t)-1; i++)
		if (whole_at(fo, i, q))
			first = i;
	for (i = 0; i < fo->nw && first == (size_t)-1; i++)
		if (phrase_at(fo, i, q) >= 0)
			first = i;
	if (first != (size_t)-1 && first > 0) {
		for (k = first; k > 0 && utf8_width(text + fo->w[k - 1].os,
		    fo->w[first].os - fo->w[k - 1].os) <= before; k--)
			;
		start = fo->w[k].os;
	}
	while (start < len && (is_space(text[start]) || text[start] == '\x1e'))
		start++;
	return start;
}

void
search_snippet(struct buf *b, const char *text, const struct search_query *q,
    size_t width, const char *open, const char *close)
{
	static const char ell[] = "\xe2\x80\xa6";	/* … */
	size_t len = strlen(text), ow = utf8_width(open, strlen(open));
	size_t cw = utf8_width(close, strlen(close));
	size_t start, i, w = 0, wi = 0, mend = 0;
	struct folded fo;
	size_t base = b->len, cut = 0;
	bool space = true, inmatch = false;

	if (width < 8)
		return;
	fold_words(&fo, text, len);
	start = snippet_start(&fo, text, q, width);
	if (start > 0) {
		buf_adds(b, ell);
		w = 1;
	}
	/* Invariant: after each piece, w plus the room still owed (the
	 * ellipsis if text remains, the closing mark inside a match) fits. */
	for (i = start; i < len;) {
		size_t j = utf8_next(text, len, i), pw = 0, owed;
		struct buf piece = BUF_INIT;
		bool sp = space, opens = false, closes = false, in;
		int p;

		while (wi < fo.nw && fo.w[wi].os < i)
			wi++;
		if (!inmatch && wi < fo.nw && fo.w[wi].os == i &&
		    (p = phrase_at(&fo, wi, q)) >= 0) {
			opens = true;
			mend = fo.w[wi + q->ph[p].ntok - 1].oe;
			buf_adds(&piece, open);
			pw += ow;
		}
		pw += put_piece(&piece, text + i, j - i, &sp);
		/* A match followed, after white space, by another stays
		 * open: "»Đỗ Thị Lan«" reads better than three marks. */
		if ((opens || inmatch) && j >= mend) {
			size_t nw = wi;

			while (nw < fo.nw && fo.w[nw].os < j)
				nw++;
			if (nw < fo.nw && only_space(text, j, fo.w[nw].os) &&
			    (p = phrase_at(&fo, nw, q)) >= 0)
				mend = fo.w[nw + q->ph[p].ntok - 1].oe;
			else
				closes = true;
		}
		if (closes) {
			buf_adds(&piece, close);
			pw += cw;
		}
		in = (opens || inmatch) && !closes;
		owed = (j < len ? 1 : 0) + (in ? cw : 0);
		if (w + pw + owed > width) {
			/* Cut at the last space rather than inside a word. */
			if (!inmatch && cut > base)
				buf_truncate(b, cut);
			trim_end(b, base);
			if (inmatch)
				buf_adds(b, close);
			buf_adds(b, ell);
			buf_free(&piece);
			break;
		}
		if (!inmatch && !opens && sp && !space)
			cut = b->len;	/* a word ended here */
		buf_add(b, piece.s ? piece.s : "", piece.len);
		buf_free(&piece);
		w += pw;
		space = sp;
		inmatch = in;
		i = j;
	}
	/* No separator or space at the end of the line. */
	trim_end(b, base);
	folded_free(&fo);
}
