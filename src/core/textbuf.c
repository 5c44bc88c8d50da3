/*
 * The editing buffer (see textbuf.h).  Every change goes through one
 * primitive, replace(), which records what it removed and inserted, so undo
 * and redo are exact byte replacements whatever the change was (a typed
 * letter, a mark composing with the letter before it, a paste).  Typing
 * merges into the previous undo step while it extends it, and a new step
 * starts at each new word, as in the editors secretaries already know.
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/textbuf.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* Undo is kept for this many steps; older steps are dropped. */
#define UNDO_MAX	2000

enum edit_kind { EK_INSERT, EK_BACKSPACE, EK_DELETE, EK_OTHER };

struct tb_edit {
	size_t		 pos;
	char		*old, *new;
	size_t		 oldlen, newlen;
	size_t		 cur_before, cur_after;
	enum edit_kind	 kind;
};

void
tb_init(struct textbuf *tb)
{
	memset(tb, 0, sizeof *tb);
	tb->cap = 64;
	tb->s = xmalloc(tb->cap);
	tb->s[0] = '\0';
	tb->width = 79;
	tb->height = 1;
}

static void
edits_drop(struct textbuf *tb, size_t from)
{
	for (size_t i = from; i < tb->nedit; i++) {
		free(tb->undo[i].old);
		free(tb->undo[i].new);
	}
	tb->nedit = from;
	if (tb->nundo > from)
		tb->nundo = from;
}

void
tb_free(struct textbuf *tb)
{
	edits_drop(tb, 0);
	free(tb->undo);
	free(tb->vis);
	free(tb->visn);
	free(tb->s);
	memset(tb, 0, sizeof *tb);
}

const char *
tb_text(const struct textbuf *tb)
{
	return tb->s;
}

/* Splices s[pos, pos+dellen) into ins, without recording. */
static void
splice(struct textbuf *tb, size_t pos, size_t dellen, const char *ins,
    size_t inslen)
{
	size_t need = tb->len - dellen + inslen + 1;

	assert(pos + dellen <= tb->len);
	if (need > tb->cap) {
		while (tb->cap < need)
			tb->cap *= 2;
		tb->s = xreallocarray(tb->s, tb->cap, 1);
	}
	memmove(tb->s + pos + inslen, tb->s + pos + dellen,
	    tb->len - pos - dellen + 1);
	memcpy(tb->s + pos, ins, inslen);
	tb->len = tb->len - dellen + inslen;
	tb->changes++;
	/* The view start must stay a valid offset; tb_scroll fixes it up. */
	if (tb->top > tb->len)
		tb->top = tb->len;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\n';
}

/* Tries to fold the new edit into the last undo step; true if done. */
static bool
merge(struct textbuf *tb, struct tb_edit *e)
{
	struct tb_edit *l;

	if (tb->nomerge || tb->nundo == 0 || tb->nundo != tb->nedit)
		return false;
	l = &tb->undo[tb->nundo - 1];
	if (l->kind != e->kind || l->cur_after != e->cur_before)
		return false;
	if (e->kind == EK_INSERT) {
		size_t a;
		char *n;

		if (e->pos < l->pos || e->pos + e->oldlen > l->pos + l->newlen)
			return false;
		/* A new word is a new undo step. */
		if (l->newlen > 0 && is_space(l->new[l->newlen - 1]) &&
		    e->newlen > 0 && !is_space(e->new[0]))
			return false;
		a = e->pos - l->pos;
		n = xmalloc(l->newlen - e->oldlen + e->newlen + 1);
		memcpy(n, l->new, a);
		memcpy(n + a, e->new, e->newlen);
		memcpy(n + a + e->newlen, l->new + a + e->oldlen,
		    l->newlen - a - e->oldlen);
		l->newlen = l->newlen - e->oldlen + e->newlen;
		n[l->newlen] = '\0';
		free(l->new);
		l->new = n;
	} else if (e->kind == EK_BACKSPACE && e->newlen == 0 &&
	    e->pos + e->oldlen == l->pos) {
		char *o = xmalloc(l->oldlen + e->oldlen + 1);

		memcpy(o, e->old, e->oldlen);
		memcpy(o + e->oldlen, l->old, l->oldlen);
		l->oldlen += e->oldlen;
		o[l->oldlen] = '\0';
		free(l->old);
		l->old = o;
		l->pos = e->pos;
	} else if (e->kind == EK_DELETE && e->newlen == 0 && e->pos == l->pos) {
		l->old = xreallocarray(l->old, l->oldlen + e->oldlen + 1, 1);
		memcpy(l->old + l->oldlen, e->old, e->oldlen);
		l->oldlen += e->oldlen;
		l->old[l->oldlen] = '\0';
	} else
		return false;
	l->cur_after = e->cur_after;
	free(e->old);
	free(e->new);
	return true;
}

/* Replaces s[pos, pos+dellen) by ins, records it for undo and puts the
 * cursor at newcur.  Common leading and trailing bytes are left out of
 * the record so undo steps hold only what changed. */
static void
replace(struct textbuf *tb, size_t pos, size_t dellen, const char *ins,
    size_t inslen, size_t newcur, enum edit_kind kind)
{
	struct tb_edit e;
	size_t p = 0, q = 0;

	while (p < dellen && p < inslen && tb->s[pos + p] == ins[p])
		p++;
	while (q < dellen - p && q < inslen - p &&
	    tb->s[pos + dellen - 1 - q] == ins[inslen - 1 - q])
		q++;
	e.pos = pos + p;
	e.oldlen = dellen - p - q;
	e.newlen = inslen - p - q;
	e.old = xstrndup(tb->s + e.pos, e.oldlen);
	e.new = xstrndup(ins + p, e.newlen);
	e.cur_before = tb->cur;
	e.cur_after = newcur;
	e.kind = kind;
	splice(tb, e.pos, e.oldlen, e.new, e.newlen);
	tb->cur = newcur;
	tb->goal_set = false;
	if (e.oldlen == 0 && e.newlen == 0) {
		free(e.old);
		free(e.new);
		return;
	}
	if (merge(tb, &e)) {
		tb->nomerge = false;
		return;
	}
	edits_drop(tb, tb->nundo);
	if (tb->nedit == UNDO_MAX) {
		free(tb->undo[0].old);
		free(tb->undo[0].new);
		memmove(tb->undo, tb->undo + 1, (UNDO_MAX - 1) * sizeof e);
		tb->nedit--;
		tb->nundo--;
	}
	XPUSH(tb->undo, tb->nedit, tb->capedit);
	tb->undo[tb->nedit++] = e;
	tb->nundo = tb->nedit;
	tb->nomerge = kind == EK_OTHER;
}

void
tb_set(struct textbuf *tb, const char *s, size_t len)
{
	size_t n;
	char *t = utf8_nfc(s, len, &n);

	edits_drop(tb, 0);
	tb->len = 0;
	tb->s[0] = '\0';
	splice(tb, 0, 0, t, n);
	free(t);
	tb->cur = tb->top = 0;
	tb->goal_set = false;
	tb->nomerge = false;
}

void
tb_insert(struct textbuf *tb, const char *s, size_t len)
{
	struct buf clean = BUF_INIT, span = BUF_INIT;
	size_t pos = tb->cur, start, end, i, n;
	bool ascii = true;
	char *t;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == '\0')
			continue;
		if (c == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			c = '\n';
		}
		if (c == '\n' && tb->single_line)
			c = ' ';
		if ((unsigned char)c >= 0x80)
			ascii = false;
		buf_addc(&clean, c);
	}
	if (clean.len == 0) {
		buf_free(&clean);
		return;
	}
	if (ascii && (pos == tb->len || (unsigned char)tb->s[pos] < 0x80)) {
		replace(tb, pos, 0, clean.s, clean.len, pos + clean.len,
		    clean.len == 1 ? EK_INSERT : EK_OTHER);
		buf_free(&clean);
		return;
	}
	/* Normalise the grapheme before the cursor, the new text and any
	 * marks after the cursor together, so they compose as one. */
	start = pos > 0 ? utf8_prev(tb->s, pos) : 0;
	end = pos;
	while (end < tb->len) {
		size_t j = end;

		if (!utf8_is_mark(utf8_decode(tb->s, tb->len, &j)))
			break;
		end = j;
	}
	buf_add(&span, tb->s + start, pos - start);
	buf_add(&span, clean.s, clean.len);
	t = utf8_nfc(span.s, span.len, &n);
	if (end > pos) {
		/* Marks after the cursor join in; the cursor goes after them. */
		buf_add(&span, tb->s + pos, end - pos);
		free(t);
		t = utf8_nfc(span.s, span.len, &n);
		replace(tb, start, end - start, t, n, start + n, EK_OTHER);
	} else
		replace(tb, start, end - start, t, n, start + n,
		    clean.len <= 4 ? EK_INSERT : EK_OTHER);
	free(t);
	buf_free(&span);
	buf_free(&clean);
}

void
tb_backspace(struct textbuf *tb)
{
	size_t p;

	if (tb->cur == 0)
		return;
	p = utf8_prev(tb->s, tb->cur);
	replace(tb, p, tb->cur - p, "", 0, p, EK_BACKSPACE);
}

void
tb_delete(struct textbuf *tb)
{
	size_t n;

	if (tb->cur >= tb->len)
		return;
	n = utf8_next(tb->s, tb->len, tb->cur);
	replace(tb, tb->cur, n - tb->cur, "", 0, tb->cur, EK_DELETE);
}

static void
apply(struct textbuf *tb, size_t pos, size_t dellen, const char *ins,
    size_t inslen, size_t cur)
{
	splice(tb, pos, dellen, ins, inslen);
	tb->cur = cur <= tb->len ? cur : tb->len;
	tb->goal_set = false;
	tb->nomerge = true;
}

bool
tb_undo(struct textbuf *tb)
{
	struct tb_edit *e;

	if (tb->nundo == 0)
		return false;
	e = &tb->undo[--tb->nundo];
	apply(tb, e->pos, e->newlen, e->old, e->oldlen, e->cur_before);
	return true;
}

bool
tb_redo(struct textbuf *tb)
{
	struct tb_edit *e;

	if (tb->nundo == tb->nedit)
		return false;
	e = &tb->undo[tb->nundo++];
	apply(tb, e->pos, e->oldlen, e->new, e->newlen, e->cur_after);
	return true;
}

void
tb_break_undo(struct textbuf *tb)
{
	tb->nomerge = true;
}

/* --- layout ----------------------------------------------------------- */

void
tb_view(struct textbuf *tb, size_t cols, size_t rows)
{
	tb->width = cols > 1 ? cols - 1 : 1;
	tb->height = rows > 0 ? rows : 1;
	tb->goal_set = false;
}

bool
tb_line(const struct textbuf *tb, size_t start, size_t *n, size_t *next)
{
	size_t nx;

	if (tb->single_line) {
		*n = tb->len - start;
		*next = tb->len;
		return false;
	}
	*n = utf8_wrap(tb->s + start, tb->len - start, tb->width, &nx);
	*next = start + nx;
	/* A newline at the very end opens one more, empty, line. */
	if (start + *n < tb->len && tb->s[start + *n] == '\n')
		return true;
	return *next < tb->len;
}

size_t
tb_line_start(const struct textbuf *tb, size_t off)
{
	size_t start = off, n, next;

	if (off > tb->len)
		off = tb->len;
	start = off;
	while (start > 0 && tb->s[start - 1] != '\n')
		start--;
	while (tb_line(tb, start, &n, &next) && next <= off)
		start = next;
	return start;
}

/* The last offset the cursor may take on the line at start: a line broken
 * inside a word ends just before the next line's first grapheme. */
static size_t
line_limit(const struct textbuf *tb, size_t start)
{
	size_t n, next;
	bool more = tb_line(tb, start, &n, &next);

	if (more && next == start + n && n > 0)
		return utf8_prev(tb->s, next);
	return start + n;
}

static size_t
col_of(const struct textbuf *tb, size_t start, size_t off)
{
	size_t n, next;

	tb_line(tb, start, &n, &next);
	if (off <= start + n)
		return utf8_width(tb->s + start, off - start);
	return utf8_width(tb->s + start, n) + (off - start - n);
}

/* The offset on the line at start nearest to column col. */
static size_t
at_col(const struct textbuf *tb, size_t start, size_t col)
{
	size_t lim = line_limit(tb, start), i = start, w = 0;

	while (i < lim) {
		size_t j = utf8_next(tb->s, tb->len, i);
		size_t cw = utf8_width(tb->s + i, j - i);

		if (w + cw > col)
			break;
		w += cw;
		i = j;
	}
	return i;
}

static bool
word_char(const struct textbuf *tb, size_t i)
{
	unsigned char c = (unsigned char)tb->s[i];

	if (c >= 0x80)
		return true;
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '_';
}

static void
vertical(struct textbuf *tb, long lines)
{
	size_t start = tb_line_start(tb, tb->cur), n, next;

	if (!tb->goal_set) {
		tb->goal = col_of(tb, start, tb->cur);
		tb->goal_set = true;
	}
	for (; lines < 0 && start > 0; lines++)
		start = tb_line_start(tb, start - 1);
	for (; lines > 0; lines--) {
		if (!tb_line(tb, start, &n, &next))
			break;
		start = next;
	}
	tb->cur = at_col(tb, start, tb->goal);
}

void
tb_goto(struct textbuf *tb, size_t off)
{
	size_t c = 0;

	/* The grapheme boundary at or before off: the offset may come from
	 * a record made when the text was different. */
	if (off > tb->len)
		off = tb->len;
	while (c < off) {
		size_t n = utf8_next(tb->s, tb->len, c);

		if (n > off || n == c)
			break;
		c = n;
	}
	tb->cur = c;
	tb->nomerge = true;
	tb->goal_set = false;
}

void
tb_move(struct textbuf *tb, enum tb_move m)
{
	size_t c = tb->cur;
	bool keep_goal = m == TB_UP || m == TB_DOWN || m == TB_PGUP ||
	    m == TB_PGDN;

	tb->nomerge = true;
	if (!keep_goal)
		tb->goal_set = false;
	switch (m) {
	case TB_LEFT:
		tb->cur = c > 0 ? utf8_prev(tb->s, c) : 0;
		break;
	case TB_RIGHT:
		tb->cur = utf8_next(tb->s, tb->len, c);
		break;
	case TB_WORD_LEFT:
		while (c > 0 && !word_char(tb, c - 1))
			c--;
		while (c > 0 && word_char(tb, c - 1))
			c--;
		/* Never stop inside a multibyte character. */
		while (c > 0 && ((unsigned char)tb->s[c] & 0xc0) == 0x80)
			c--;
		tb->cur = c;
		break;
	case TB_WORD_RIGHT:
		while (c < tb->len && word_char(tb, c))
			c++;
		while (c < tb->len && !word_char(tb, c))
			c++;
		tb->cur = c;
		break;
	case TB_HOME:
		tb->cur = tb_line_start(tb, c);
		break;
	case TB_END:
		tb->cur = line_limit(tb, tb_line_start(tb, c));
		break;
	case TB_UP:
		vertical(tb, -1);
		break;
	case TB_DOWN:
		vertical(tb, 1);
		break;
	case TB_PGUP:
	case TB_PGDN: {
		long d = tb->height > 1 ? (long)tb->height - 1 : 1;
		size_t n, next;

		vertical(tb, m == TB_PGUP ? -d : d);
		/* Move the view by the same amount, so the page turns. */
		for (long k = 0; k < d; k++) {
			if (m == TB_PGUP && tb->top > 0)
				tb->top = tb_line_start(tb, tb->top - 1);
			else if (m == TB_PGDN && tb_line(tb, tb->top, &n, &next))
				tb->top = next;
		}
		break;
	}
	case TB_TOP:
		tb->cur = 0;
		break;
	case TB_BOTTOM:
		tb->cur = tb->len;
		break;
	}
}

/* Lays out the lines shown from tb->top; true if the text ends on them. */
static bool
collect(struct textbuf *tb)
{
	size_t start = tb->top, n, next;

	if (tb->viscap < tb->height) {
		tb->viscap = tb->height;
		tb->vis = xreallocarray(tb->vis, tb->viscap, sizeof *tb->vis);
		tb->visn = xreallocarray(tb->visn, tb->viscap, sizeof *tb->visn);
	}
	tb->nvis = 0;
	while (tb->nvis < tb->height) {
		bool more = tb_line(tb, start, &n, &next);

		tb->vis[tb->nvis] = start;
		tb->visn[tb->nvis++] = n;
		if (!more)
			return true;
		start = next;
	}
	return false;
}

void
tb_scroll(struct textbuf *tb, size_t *row, size_t *col)
{
	size_t line, r;
	bool end;

	if (tb->single_line) {
		tb->top = 0;
		*row = 0;
		*col = utf8_width(tb->s, tb->cur);
		return;
	}
	line = tb_line_start(tb, tb->cur);
	/* An edit or a new width may have moved the line breaks above. */
	if (tb->changes != tb->vis_changes || tb->width != tb->vis_width) {
		tb->top = tb_line_start(tb, tb->top);
		tb->vis_changes = tb->changes;
		tb->vis_width = tb->width;
	}
	if (line < tb->top)
		tb->top = line;
	end = collect(tb);
	for (r = 0; r < tb->nvis && tb->vis[r] != line; r++)
		;
	if (r == tb->nvis) {
		/* Below the view: put the cursor's line at the bottom. */
		size_t start = line;

		for (r = 0; r + 1 < tb->height && start > 0; r++)
			start = tb_line_start(tb, start - 1);
		tb->top = start;
		end = collect(tb);
	}
	/* After a large deletion the view may show less than it could:
	 * pull earlier lines in to fill it. */
	if (end && tb->nvis < tb->height && tb->top > 0) {
		size_t k = tb->nvis;

		for (; k < tb->height && tb->top > 0; k++, r++)
			tb->top = tb_line_start(tb, tb->top - 1);
		collect(tb);
	}
	*row = r;
	*col = col_of(tb, line, tb->cur);
	if (*col > tb->width)
		*col = tb->width;
}
