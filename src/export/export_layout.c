/*
 * The layout the text writers share (see export_layout.h): lines wrapped
 * and centred by display width, two columns side by side, and the parts
 * of the minutes that both languages lay out alike, driven by each
 * language's words (export_words.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
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

void
export_body(struct buf *b, const char *body, size_t width, size_t indent)
{
	const char *p = body;
	bool blank = true;	/* no blank line at the start */

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		size_t lead = 0;

		while (line[lead] == ' ')
			lead++;
		if (line[lead] == '\0') {
			if (!blank)
				buf_addc(b, '\n');
			blank = true;
		} else {
			size_t hang = 0;

			if ((line[lead] == '-' || line[lead] == '+' ||
			    line[lead] == '*') && line[lead + 1] == ' ')
				hang = 2;
			export_wrap(b, line + lead, width, indent, indent + hang);
			blank = false;
		}
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
	/* No blank line at the end either. */
	if (blank && b->len >= 2 && b->s[b->len - 1] == '\n' &&
	    b->s[b->len - 2] == '\n')
		buf_truncate(b, b->len - 1);
}

/* Renders a column's entries into lines of exactly its width or less. */
static char **
col_lines(const struct export_col *c, size_t *n)
{
	struct buf all = BUF_INIT;
	char **v = NULL;
	size_t k = 0, cap = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (c->line[i] == NULL || *c->line[i] == '\0')
			buf_addc(&all, '\n');
		else
			export_center(&all, c->line[i], c->width);
	}
	for (const char *p = buf_str(&all); *p;) {
		size_t len = strcspn(p, "\n");

		XPUSH(v, k, cap);
		v[k++] = xstrndup(p, len);
		p += len + (p[len] == '\n');
	}
	buf_free(&all);
	*n = k;
	return v;
}

void
export_columns(struct buf *b, const struct export_col *left, size_t gap,
    const struct export_col *right)
{
	size_t nl, nr;
	char **l = col_lines(left, &nl), **r = col_lines(right, &nr);

	for (size_t i = 0; i < nl || i < nr; i++) {
		size_t w = 0;

		if (i < nl) {
			buf_adds(b, l[i]);
			w = utf8_width(l[i], strlen(l[i]));
		}
		if (i < nr && *r[i]) {
			buf_addrep(b, ' ', left->width - w + gap);
			buf_adds(b, r[i]);
		}
		while (b->len > 0 && b->s[b->len - 1] == ' ')
			buf_truncate(b, b->len - 1);
		buf_addc(b, '\n');
	}
	for (size_t i = 0; i < nl; i++)
		free(l[i]);
	for (size_t i = 0; i < nr; i++)
		free(r[i]);
	free(l);
	free(r);
}

char *
export_upper(const char *s)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(s), i = 0;

	while (i < len)
		utf8_encode(&b, utf8_toupper(utf8_decode(s, len, &i)));
	return buf_steal(&b);
}

const struct attendee *
export_person(const struct meeting *m, const char *name, enum role r)
{
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		if (name ? a->name && utf8_fold_contains(a->name, name) &&
		    utf8_fold_contains(name, a->name) : a->role == r)
			return a;
	}
	return NULL;
}

void
export_person_line(struct buf *b, const struct attendee *a)
{
	buf_adds(b, a->name);
	if (a->position)
		buf_printf(b, ", %s", a->position);
	if (a->organisation)
		buf_printf(b, ", %s", a->organisation);
}

/* "- Name, Position, Organisation" and what follows it, ended with ";"
 * or, for the last of a list, "." where the language puts them. */
static void
person_item(struct buf *b, const struct attendee *a,
    const struct export_words *w, bool roles, bool last, size_t width)
{
	struct buf l = BUF_INIT;

	buf_adds(&l, "- ");
	export_person_line(&l, a);
	if (roles) {
		buf_adds(&l, w->role[a->role]);
		if (a->presence == PRES_REPRESENTED)
			buf_printf(&l, "%s%s%s", w->proxy_pre, a->proxy ?
			    a->proxy : w->someone, w->proxy_post);
	}
	if (w->list_punct)
		buf_addc(&l, last ? '.' : ';');
	export_wrap(b, buf_str(&l), width, 2, 4);
	buf_free(&l);
}

void
export_attendance(struct buf *b, const struct meeting *m,
    const struct export_words *w, size_t width)
{
	size_t here = 0, proxies = 0, absent = 0;
	struct buf l = BUF_INIT;

	for (size_t i = 0; i < m->natt; i++) {
		here += m->att[i].presence != PRES_ABSENT;
		proxies += m->att[i].presence == PRES_REPRESENTED;
		absent += m->att[i].presence == PRES_ABSENT;
	}
	buf_printf(&l, "%s%zu%s%zu%s", w->head_pre, here, w->head_mid, m->natt,
	    w->head_post);
	if (proxies && w->proxies_pre)
		buf_printf(&l, "%s%zu%s", w->proxies_pre, proxies,
		    w->proxies_post);
	buf_adds(&l, m->natt ? w->head_list : w->head_empty);
	export_wrap(b, buf_str(&l), width, 0, 2);
	buf_reset(&l);
	for (size_t i = 0; i < m->natt; i++)
		if (m->att[i].presence != PRES_ABSENT)
			person_item(b, &m->att[i], w, true, --here == 0, width);
	if (absent) {
		buf_adds(&l, w->absent_pre);
		if (w->absent_count)
			buf_printf(&l, "%zu", absent);
		buf_adds(&l, w->absent_post);
		export_wrap(b, buf_str(&l), width, 0, 2);
	}
	for (size_t i = 0; i < m->natt; i++)
		if (m->att[i].presence == PRES_ABSENT)
			person_item(b, &m->att[i], w, false, --absent == 0,
			    width);
	buf_free(&l);
}

void
export_review(struct buf *b, const struct meeting *m,
    const struct export_words *w, size_t width, size_t *num)
{
	struct buf x = BUF_INIT;

	if (m->nrev == 0)
		return;
	export_heading(b, ++*num, w->review_title, width);
	for (size_t i = 0; i < m->nrev; i++) {
		const struct review_item *r = &m->rev[i];

		buf_reset(&x);
		buf_printf(&x, "- %s%s%s", r->assignee ? r->assignee : "",
		    r->assignee ? ": " : "", r->task ? r->task : "");
		if (r->due)
			buf_printf(&x, " (%s%s)", w->due_pre, r->due);
		buf_printf(&x, " — %s", w->status[r->status]);
		if (r->note)
			buf_printf(&x, "; %s", r->note);
		buf_addc(&x, '.');
		export_wrap(b, buf_str(&x), width, 0, 2);
	}
	buf_free(&x);
}

void
export_recipients(struct buf *b, const char *list,
    const struct export_words *w, size_t width)
{
	struct buf l = BUF_INIT;
	const char *p = list;

	buf_addc(b, '\n');
	export_wrap(b, w->recipients, width, 0, 0);
	while (*p) {
		size_t n = strcspn(p, ";");
		char *item = xstrndup(p, n), *s = item, *e;

		while (*s == ' ')
			s++;
		e = s + strlen(s);
		while (e > s && e[-1] == ' ')
			*--e = '\0';
		p += n + (p[n] == ';');
		if (*s) {
			buf_printf(&l, "- %s", s);
			if (w->list_punct)
				buf_addc(&l, *p ? ';' : '.');
			export_wrap(b, buf_str(&l), width, 0, 2);
			buf_reset(&l);
		}
		free(item);
	}
	buf_free(&l);
}

void
export_signatures(struct buf *b, const char *left_title, const char *left_name,
    const char *right_title, const char *right_name, size_t width)
{
	struct export_col l = { .width = (width - 2) / 2 }, r;

	r = l;
	l.line[l.n++] = left_title;
	r.line[r.n++] = right_title;
	l.n += 3;
	r.n += 3;
	l.line[l.n++] = left_name;
	r.line[r.n++] = right_name;
	export_columns(b, &l, width - 2 * l.width, &r);
}

void
export_heading(struct buf *b, size_t num, const char *heading, size_t width)
{
	struct buf x = BUF_INIT;

	buf_addc(b, '\n');
	buf_printf(&x, "%zu. %s", num, heading);
	export_wrap(b, buf_str(&x), width, 0, 3);
	buf_free(&x);
}
