/*
 * The parts of the minutes that both languages lay out alike (see
 * export_layout.h), built into the layout model from each language's
 * words: lines and headings, a section's text, the attendance, the review
 * of earlier tasks, the signatures and the recipients.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "export/export_doc.h"
#include "export/export_layout.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

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

struct doc_para *
export_line(struct doc *d, const char *text, unsigned first, unsigned rest)
{
	struct doc_para *p = doc_para(d);

	p->ind_first = first;
	p->ind_rest = rest;
	/* Lists and labelled lines stay ragged: justified, the few words
	 * of a short item would be spread over the line. */
	p->align = ALIGN_LEFT;
	doc_run(p, text, 0, d->spec->body);
	return p;
}

struct doc_para *
export_centred(struct doc *d, const char *text, unsigned flags,
    unsigned half_pt)
{
	struct doc_para *p = doc_para(d);

	p->align = ALIGN_CENTER;
	doc_run(p, text, flags, half_pt);
	return p;
}

void
export_heading(struct doc *d, size_t num, const char *heading)
{
	char *s = xasprintf("%zu. %s", num, heading);
	struct doc_para *p = export_line(d, s, 0, 3);

	p->run[0].flags = RUN_BOLD;
	p->align = ALIGN_LEFT;
	p->blank_before = true;
	p->keep_next = true;
	free(s);
}

void
export_body(struct doc *d, const char *body)
{
	const char *p = body;
	bool blank = false, first = true;

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		size_t lead = 0;

		while (line[lead] == ' ')
			lead++;
		if (line[lead] == '\0') {
			blank = !first;
		} else {
			bool item = (line[lead] == '-' || line[lead] == '+' ||
			    line[lead] == '*') && line[lead + 1] == ' ';
			struct doc_para *q = export_line(d, line + lead, 0,
			    item ? 2 : 0);

			q->body = !item;
			q->align = item ? ALIGN_LEFT : ALIGN_JUSTIFY;
			q->blank_before = blank;
			blank = first = false;
		}
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* "- Name, Position, Organisation" and what follows it, ended with ";"
 * or, for the last of a list, "." where the language puts them. */
static void
person_item(struct doc *d, const struct attendee *a,
    const struct export_words *w, bool roles, bool last)
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
	export_line(d, buf_str(&l), 2, 4);
	buf_free(&l);
}

void
export_attendance(struct doc *d, const struct meeting *m,
    const struct export_words *w)
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
	export_line(d, buf_str(&l), 0, 2);
	buf_reset(&l);
	for (size_t i = 0; i < m->natt; i++)
		if (m->att[i].presence != PRES_ABSENT)
			person_item(d, &m->att[i], w, true, --here == 0);
	if (absent) {
		buf_adds(&l, w->absent_pre);
		if (w->absent_count)
			buf_printf(&l, "%zu", absent);
		buf_adds(&l, w->absent_post);
		export_line(d, buf_str(&l), 0, 2);
	}
	for (size_t i = 0; i < m->natt; i++)
		if (m->att[i].presence == PRES_ABSENT)
			person_item(d, &m->att[i], w, false, --absent == 0);
	buf_free(&l);
}

void
export_review(struct doc *d, const struct meeting *m,
    const struct export_words *w, size_t *num)
{
	struct buf x = BUF_INIT;

	if (m->nrev == 0)
		return;
	export_heading(d, ++*num, w->review_title);
	for (size_t i = 0; i < m->nrev; i++) {
		const struct review_item *r = &m->rev[i];

		buf_reset(&x);
		buf_printf(&x, "- %s%s%s", r->assignee ? r->assignee : "",
		    r->assignee ? ": " : "", r->task ? r->task : "");
		if (r->due) {
			buf_printf(&x, " (%s", w->due_pre);
			w->date(&x, r->due);
			buf_addc(&x, ')');
		}
		buf_printf(&x, " — %s", w->status[r->status]);
		if (r->note)
			buf_printf(&x, "; %s", r->note);
		buf_addc(&x, '.');
		export_line(d, buf_str(&x), 0, 2);
	}
	buf_free(&x);
}

void
export_recipients(struct doc *d, const char *list,
    const struct export_words *w)
{
	const struct export_spec *sp = d->spec;
	struct buf l = BUF_INIT;
	const char *p = list;
	struct doc_para *q = doc_para(d);

	doc_run(q, w->recipients, sp->recipients_underline ? RUN_UNDERLINE :
	    RUN_BOLD | RUN_ITALIC, sp->recipients_head);
	q->blank_before = true;
	q->keep_next = true;
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
			q = export_line(d, buf_str(&l), 0, 2);
			q->run[0].half_pt = sp->recipients;
			buf_reset(&l);
		}
		free(item);
	}
	buf_free(&l);
}

/* One signature column: the title, room to sign, the name. */
static void
signer(struct doc_block *t, int col, const char *title, const char *name,
    unsigned half_pt)
{
	doc_run(doc_cell_para(t, col), title, RUN_BOLD | RUN_CAPS, half_pt);
	for (int i = 0; i < 3; i++)
		doc_cell_para(t, col);
	doc_run(doc_cell_para(t, col), name, RUN_BOLD, half_pt);
}

void
export_signatures(struct doc *d, const char *left_title, const char *left_name,
    const char *right_title, const char *right_name)
{
	struct doc_block *t = doc_table(d, TABLE_SIGNATURES);

	signer(t, 0, left_title, left_name, d->spec->signer);
	signer(t, 1, right_title, right_name, d->spec->signer);
}

void
export_doc_build(struct doc *d, const struct meeting *m, const struct tmpl *t)
{
	if (t && t->lang && strcmp(t->lang, "vi") == 0)
		export_doc_bienban(d, m, t);
	else
		export_doc_en(d, m, t);
}
