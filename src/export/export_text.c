/*
 * The text export (see export.h): the choice between the Vietnamese biên
 * bản (export_bienban.c) and the plain English minutes laid out here, and
 * the layout helpers both use (export_impl.h).  The document is written in
 * the template's language, not the interface's: minutes are filed in the
 * language the meeting was held in, whoever prints them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "export/export.h"
#include "export/export_impl.h"
#include "lib/buf.h"
#include "lib/cal.h"
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
ex_wrap(struct buf *b, const char *s, size_t width, size_t first, size_t rest)
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
ex_center(struct buf *b, const char *s, size_t width)
{
	struct center_arg a = { b, width };

	each_line(s, width, center_cb, &a, 0, 0);
}

void
ex_body(struct buf *b, const char *body, size_t width, size_t indent)
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
			ex_wrap(b, line + lead, width, indent, indent + hang);
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
col_lines(const struct ex_col *c, size_t *n)
{
	struct buf all = BUF_INIT;
	char **v = NULL;
	size_t k = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (c->line[i] == NULL || *c->line[i] == '\0')
			buf_addc(&all, '\n');
		else
			ex_center(&all, c->line[i], c->width);
	}
	for (const char *p = buf_str(&all); *p;) {
		size_t len = strcspn(p, "\n");

		v = xreallocarray(v, k + 1, sizeof *v);
		v[k++] = xstrndup(p, len);
		p += len + (p[len] == '\n');
	}
	buf_free(&all);
	*n = k;
	return v;
}

void
ex_columns(struct buf *b, const struct ex_col *left, size_t gap,
    const struct ex_col *right)
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
ex_upper(const char *s)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(s), i = 0;

	while (i < len)
		utf8_encode(&b, utf8_toupper(utf8_decode(s, len, &i)));
	return buf_steal(&b);
}

const struct attendee *
ex_person(const struct meeting *m, const char *name, enum role r)
{
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		if (name ? a->name && utf8_fold_contains(a->name, name) &&
		    utf8_fold_contains(name, a->name) : a->role == r)
			return a;
	}
	return NULL;
}

static const char *const months_en[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

/* "2 October 2025", or the text as stored if it is not a date. */
static void
date_en(struct buf *b, const char *iso)
{
	struct ymd d;

	if (iso && cal_parse_iso(iso, &d))
		buf_printf(b, "%d %s %d", d.d, months_en[d.m - 1], d.y);
	else
		buf_adds(b, iso ? iso : "");
}

/* "Name, Position, Organisation". */
static void
person_en(struct buf *b, const struct attendee *a)
{
	buf_adds(b, a->name);
	if (a->position)
		buf_printf(b, ", %s", a->position);
	if (a->organisation)
		buf_printf(b, ", %s", a->organisation);
}

static void
labelled(struct buf *b, const char *label, const char *value, size_t width)
{
	struct buf l = BUF_INIT;

	if (value == NULL || *value == '\0')
		return;
	buf_printf(&l, "%s: %s", label, value);
	ex_wrap(b, buf_str(&l), width, 0, 2);
	buf_free(&l);
}

static void
attendance_en(struct buf *b, const struct meeting *m, size_t width)
{
	size_t here = 0;
	struct buf l = BUF_INIT;

	for (size_t i = 0; i < m->natt; i++)
		here += m->att[i].presence != PRES_ABSENT;
	buf_printf(&l, "Present: %zu of %zu", here, m->natt);
	ex_wrap(b, buf_str(&l), width, 0, 2);
	buf_free(&l);
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		if (a->presence == PRES_ABSENT)
			continue;
		buf_adds(&l, "- ");
		person_en(&l, a);
		if (a->role == ROLE_CHAIR)
			buf_adds(&l, " (chair)");
		else if (a->role == ROLE_SECRETARY)
			buf_adds(&l, " (secretary)");
		else if (a->role == ROLE_GUEST)
			buf_adds(&l, " (guest)");
		if (a->presence == PRES_REPRESENTED)
			buf_printf(&l, " (represented by %s)", a->proxy ?
			    a->proxy : "a deputy");
		ex_wrap(b, buf_str(&l), width, 2, 4);
		buf_reset(&l);
	}
	for (size_t i = 0, k = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		if (a->presence != PRES_ABSENT)
			continue;
		if (k++ == 0)
			ex_wrap(b, "Absent:", width, 0, 2);
		buf_adds(&l, "- ");
		person_en(&l, a);
		ex_wrap(b, buf_str(&l), width, 2, 4);
		buf_reset(&l);
	}
	buf_free(&l);
}

static void
tasks_en(struct buf *b, const struct meeting *m, size_t width)
{
	struct buf l = BUF_INIT;

	if (m->nact == 0)
		ex_wrap(b, "None.", width, 0, 0);
	for (size_t k = 0; k < m->nact; k++) {
		const struct action *a = &m->act[k];
		char num[32];
		size_t nw = (size_t)snprintf(num, sizeof num, "%zu. ", k + 1);

		buf_adds(&l, num);
		if (a->assignee)
			buf_printf(&l, "%s: ", a->assignee);
		buf_adds(&l, a->task ? a->task : "");
		if (l.len > 0 && !strchr(".!?", l.s[l.len - 1]))
			buf_addc(&l, '.');
		if (a->due) {
			buf_adds(&l, " Due ");
			date_en(&l, a->due);
			buf_addc(&l, '.');
		}
		if (a->status == ACT_DONE || a->status == ACT_DROPPED)
			buf_printf(&l, " (%s)", status_word(a->status));
		ex_wrap(b, buf_str(&l), width, 0, nw);
		buf_reset(&l);
	}
	buf_free(&l);
}

/* A signature block on each side: secretary left, chair right. */
void
ex_review(struct buf *b, const struct meeting *m, bool vi, size_t width,
    size_t *num)
{
	/* The words the minutes use, not the program's interface language:
	 * the document follows its template. */
	static const char *const vi_st[] = { "chưa thực hiện", "đang thực hiện",
	    "đã hoàn thành", "không thực hiện nữa" };
	static const char *const en_st[] = { "still open", "in progress", "done",
	    "dropped" };
	struct buf x = BUF_INIT;

	if (m->nrev == 0)
		return;
	buf_addc(b, '\n');
	buf_printf(&x, "%zu. %s", ++*num, vi ? "Kiểm điểm việc thực hiện kết "
	    "luận kỳ trước" : "Review of previous actions");
	ex_wrap(b, buf_str(&x), width, 0, 3);
	for (size_t i = 0; i < m->nrev; i++) {
		const struct review_item *r = &m->rev[i];

		buf_reset(&x);
		buf_printf(&x, "- %s%s%s", r->assignee ? r->assignee : "",
		    r->assignee ? ": " : "", r->task ? r->task : "");
		if (r->due)
			buf_printf(&x, vi ? " (hạn %s)" : " (due %s)", r->due);
		buf_printf(&x, " — %s", (vi ? vi_st : en_st)[r->status]);
		if (r->note)
			buf_printf(&x, "; %s", r->note);
		buf_addc(&x, '.');
		ex_wrap(b, buf_str(&x), width, 0, 2);
	}
	buf_free(&x);
}

void
export_text_en(struct buf *b, const struct meeting *m, const struct tmpl *t,
    size_t width)
{
	const char *title = m->field[F_TITLE] ? m->field[F_TITLE] : "";
	const char *chair = m->field[F_CHAIR], *sec = m->field[F_SECRETARY];
	struct ex_col l = { .width = (width - 2) / 2 }, r;
	struct buf x = BUF_INIT;
	size_t num = 0;

	if (m->field[F_ORGANISATION]) {
		char *up = ex_upper(m->field[F_ORGANISATION]);

		ex_center(b, up, width);
		free(up);
	}
	if (m->field[F_NUMBER]) {
		buf_printf(&x, "Ref: %s", m->field[F_NUMBER]);
		ex_center(b, buf_str(&x), width);
		buf_reset(&x);
	}
	buf_addc(b, '\n');
	ex_center(b, "MINUTES", width);
	ex_center(b, title, width);
	buf_addc(b, '\n');
	date_en(&x, m->field[F_DATE]);
	labelled(b, "Date", buf_str(&x), width);
	buf_reset(&x);
	if (m->field[F_START] || m->field[F_END]) {
		buf_printf(&x, "%s%s%s", m->field[F_START] ? m->field[F_START] :
		    "", m->field[F_END] ? " to " : "",
		    m->field[F_END] ? m->field[F_END] : "");
		labelled(b, "Time", buf_str(&x), width);
		buf_reset(&x);
	}
	labelled(b, "Place", m->field[F_PLACE], width);
	if (chair == NULL && ex_person(m, NULL, ROLE_CHAIR))
		chair = ex_person(m, NULL, ROLE_CHAIR)->name;
	if (sec == NULL && ex_person(m, NULL, ROLE_SECRETARY))
		sec = ex_person(m, NULL, ROLE_SECRETARY)->name;
	labelled(b, "Chair", chair, width);
	labelled(b, "Secretary", sec, width);
	ex_review(b, m, false, width, &num);
	for (size_t i = 0; t && i < t->nsec; i++) {
		const struct tmpl_section *s = &t->sec[i];
		const char *body = meeting_section(m, s->key);

		buf_addc(b, '\n');
		buf_printf(&x, "%zu. %s", ++num, s->heading);
		ex_wrap(b, buf_str(&x), width, 0, 3);
		buf_reset(&x);
		if (s->kind == SEC_ROSTER)
			attendance_en(b, m, width);
		else if (s->kind == SEC_TASKS)
			tasks_en(b, m, width);
		else if (body && *body)
			ex_body(b, body, width, 0);
		else
			ex_wrap(b, "None.", width, 0, 0);
	}
	buf_addc(b, '\n');
	if (m->field[F_END]) {
		buf_printf(&x, "The meeting closed at %s.", m->field[F_END]);
		ex_wrap(b, buf_str(&x), width, 0, 0);
		buf_reset(&x);
		buf_addc(b, '\n');
	}
	r = l;
	l.line[l.n++] = "SECRETARY";
	r.line[r.n++] = "CHAIR";
	l.n += 3;
	r.n += 3;
	l.line[l.n++] = sec;
	r.line[r.n++] = chair;
	ex_columns(b, &l, width - 2 * l.width, &r);
	if (m->field[F_RECIPIENTS]) {
		const char *p = m->field[F_RECIPIENTS];

		buf_addc(b, '\n');
		ex_wrap(b, "Distribution:", width, 0, 0);
		while (*p) {
			size_t n = strcspn(p, ";");
			char *item = xstrndup(p, n), *s = item, *e;

			while (*s == ' ')
				s++;
			e = s + strlen(s);
			while (e > s && e[-1] == ' ')
				*--e = '\0';
			if (*s) {
				buf_printf(&x, "- %s", s);
				ex_wrap(b, buf_str(&x), width, 0, 2);
				buf_reset(&x);
			}
			free(item);
			p += n + (p[n] == ';');
		}
	}
	buf_free(&x);
}

void
export_text(struct buf *b, const struct meeting *m, const struct tmpl *t,
    size_t width)
{
	if (width < 20)
		width = 20;
	if (t && t->lang && strcmp(t->lang, "vi") == 0)
		export_bienban(b, m, t, width);
	else
		export_text_en(b, m, t, width);
}

/* Appends s with the characters HTML gives meaning to escaped. */
static void
html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':	buf_adds(b, "&amp;"); break;
		case '<':	buf_adds(b, "&lt;"); break;
		case '>':	buf_adds(b, "&gt;"); break;
		case '"':	buf_adds(b, "&quot;"); break;
		case '\'':	buf_adds(b, "&#39;"); break;
		default:	buf_addc(b, *s); break;
		}
	}
}

/* The page is the text layout in a <pre>: the two-column header and the
 * signature blocks are laid out by display width already, and a table
 * layout would be a second rendering to keep in step with the first. */
void
export_html(struct buf *b, const struct meeting *m, const struct tmpl *t,
    size_t width)
{
	struct buf txt = BUF_INIT;
	const char *lang = t && t->lang ? t->lang : "en";

	export_text(&txt, m, t, width);
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	html_escape(b, lang);
	buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html_escape(b, m->field[F_TITLE] ? m->field[F_TITLE] : "");
	buf_adds(b, "</title>\n<style>\n"
	    "body { margin: 2cm auto; max-width: 21cm; }\n"
	    "pre { font-family: \"DejaVu Sans Mono\", \"Liberation Mono\","
	    " monospace; font-size: 11pt; line-height: 1.35;"
	    " white-space: pre; }\n"
	    "@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }\n"
	    "@media print { body { margin: 0; } }\n"
	    "</style>\n</head>\n<body>\n<pre>");
	html_escape(b, buf_str(&txt));
	buf_adds(b, "</pre>\n</body>\n</html>\n");
	buf_free(&txt);
}
