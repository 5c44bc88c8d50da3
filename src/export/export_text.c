/*
 * The text writer (see export.h): the layout model rendered as lines of
 * text by display width, never by bytes, with control characters
 * escaped, no line wider than the width asked for (a single word wider
 * than the line is cut, by whole characters) and no trailing blanks.
 * Tables become two columns of centred lines side by side; rules become
 * dashes; emphasis and sizes are for paper and are left out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "export/export.h"
#include "export/export_doc.h"
#include "export/export_layout.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* Appends one wrapped line s[0..n) after indent spaces. */
static void
put_line(struct buf *b, const char *s, size_t n, size_t indent)
{
	buf_addrep(b, ' ', indent);
	utf8_escape_ctrl(b, s, n);
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		buf_truncate(b, b->len - 1);
	buf_addc(b, '\n');
}

/* Calls fn for each line of s wrapped at width. */
static void
each_line(const char *s, size_t width, void (*fn)(void *, const char *,
    size_t, size_t), void *arg, size_t first, size_t rest)
{
	size_t len = strlen(s), i = 0, k = 0;

	while (i < len) {
		size_t ind = k++ ? rest : first, next, n;
		size_t w = width > ind ? width - ind : 1;

		n = utf8_wrap(s + i, len - i, w, &next);
		fn(arg, s + i, n, ind);
		if (next == 0)
			break;
		i += next;
	}
}

static void
wrap_cb(void *arg, const char *s, size_t n, size_t indent)
{
	put_line(arg, s, n, indent);
}

void
export_wrap(struct buf *b, const char *s, size_t width, size_t first, size_t rest)
{
	char *t = xstrdup(s);

	/* One paragraph: a line break inside a value is a space. */
	for (char *p = t; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	if (*t == '\0')
		buf_addc(b, '\n');
	else
		each_line(t, width, wrap_cb, b, first, rest);
	free(t);
}

struct center_arg {
	struct buf	*b;
	size_t		 width;
};

static void
center_cb(void *arg, const char *s, size_t n, size_t indent)
{
	struct center_arg *a = arg;
	size_t w = utf8_width(s, n);

	(void)indent;
	while (n > 0 && s[n - 1] == ' ')
		w--, n--;
	put_line(a->b, s, n, w < a->width ? (a->width - w) / 2 : 0);
}

void
export_center(struct buf *b, const char *s, size_t width)
{
	struct center_arg a = { b, width };

	each_line(s, width, center_cb, &a, 0, 0);
}

static void
count_cb(void *arg, const char *s, size_t n, size_t indent)
{
	(void)s;
	(void)n;
	(void)indent;
	++*(size_t *)arg;
}

static size_t
count_lines(const char *s, size_t width)
{
	size_t n = 0;

	each_line(s, width, count_cb, &n, 0, 0);
	return n;
}

/* s centred in width with its lines balanced: wrapped at the narrowest
 * width that needs no more lines than the full width does, so a title
 * never leaves one word alone on its last line. */
static void
center_balanced(struct buf *b, const char *s, size_t width)
{
	size_t lines = count_lines(s, width), lo = 1, hi = width;
	struct center_arg a = { b, width };

	if (lines > 1) {
		/* The count of lines only grows as the width shrinks. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (count_lines(s, mid) <= lines)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	each_line(s, lines > 1 ? hi : width, center_cb, &a, 0, 0);
}

/* The lines of one column of a table row, each at most width wide:
 * paragraphs centred, rules as dashes, blank lines as empty strings. */
static char **
col_lines(const struct doc_para *v, size_t np, size_t width, size_t *n)
{
	struct buf all = BUF_INIT;
	char **out = NULL;
	size_t k = 0, cap = 0;

	for (size_t i = 0; i < np; i++) {
		char *s = doc_para_text(&v[i]);

		if (v[i].blank_before)
			buf_addc(&all, '\n');
		if (*s == '\0')
			buf_addc(&all, '\n');
		else if (v[i].balance)
			center_balanced(&all, s, width);
		else
			export_center(&all, s, width);
		if (v[i].rule != RULE_NONE)
			export_center(&all, v[i].rule == RULE_LINE ?
			    "---------------" : "-------", width);
		free(s);
	}
	for (const char *p = buf_str(&all); *p;) {
		size_t len = strcspn(p, "\n");

		XPUSH(out, k, cap);
		out[k++] = xstrndup(p, len);
		p += len + (p[len] == '\n');
	}
	buf_free(&all);
	*n = k;
	return out;
}

/* One row of a table: its two columns side by side. */
static void
row(struct buf *b, const struct doc_row *r, size_t lw, size_t gap,
    size_t rw)
{
	size_t nl, nr;
	char **l = col_lines(r->col[0], r->n[0], lw, &nl);
	char **rt = col_lines(r->col[1], r->n[1], rw, &nr);

	for (size_t i = 0; i < nl || i < nr; i++) {
		size_t w = 0;

		if (i < nl) {
			buf_adds(b, l[i]);
			w = utf8_width(l[i], strlen(l[i]));
		}
		if (i < nr && *rt[i]) {
			buf_addrep(b, ' ', lw - w + gap);
			buf_adds(b, rt[i]);
		}
		while (b->len > 0 && b->s[b->len - 1] == ' ')
			buf_truncate(b, b->len - 1);
		buf_addc(b, '\n');
	}
	for (size_t i = 0; i < nl; i++)
		free(l[i]);
	for (size_t i = 0; i < nr; i++)
		free(rt[i]);
	free(l);
	free(rt);
}

static void
table(struct buf *b, const struct doc_block *t, size_t width)
{
	size_t lw, rw, gap;

	if (t->table == TABLE_HEADER) {
		/* The motto needs 34 columns; the left column gets the
		 * rest, and a long organisation name wraps within it. */
		rw = width * 11 / 20 < 34 ? 34 : width * 11 / 20;
		if (rw > width - 12)
			rw = width - 12;
		lw = width - rw - 2;
		gap = 2;
	} else {
		lw = rw = (width - 2) / 2;
		gap = width - 2 * lw;
	}
	for (size_t i = 0; i < t->nrow; i++)
		row(b, &t->row[i], lw, gap, rw);
}

static void
para(struct buf *b, const struct doc_para *p, size_t width)
{
	char *s = doc_para_text(p);

	if (p->blank_before)
		buf_addc(b, '\n');
	if (p->align == ALIGN_CENTER && p->balance)
		center_balanced(b, s, width);
	else if (p->align == ALIGN_CENTER)
		export_center(b, s, width);
	else
		export_wrap(b, s, width, p->ind_first, p->ind_rest);
	free(s);
}

void
export_render_text(struct buf *b, const struct doc *d, size_t width)
{
	if (width < 20)
		width = 20;
	for (size_t i = 0; i < d->nblk; i++) {
		if (d->blk[i].kind == BLOCK_TABLE)
			table(b, &d->blk[i], width);
		else
			para(b, &d->blk[i].para, width);
	}
}
