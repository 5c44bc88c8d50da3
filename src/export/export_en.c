/*
 * The plain English minutes (see export.h): organisation and reference,
 * MINUTES and the title, date, time, place, chair and secretary, the
 * sections in template order with the attendance and the tasks, the
 * closing line, signatures and the distribution list.
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
#include "lib/cal.h"
#include "lib/xmalloc.h"

/* "Label: value", or nothing (NULL) when there is no value. */
static struct doc_para *
labelled(struct doc *d, const char *label, const char *value)
{
	struct doc_para *p;
	char *l;

	if (value == NULL || *value == '\0')
		return NULL;
	l = xasprintf("%s: %s", label, value);
	p = export_line(d, l, 0, 2);
	free(l);
	return p;
}

static void
tasks_en(struct doc *d, const struct meeting *m)
{
	struct buf l = BUF_INIT;

	if (m->nact == 0)
		export_line(d, export_words_en.none, 0, 0);
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
			export_date_en(&l, a->due);
			buf_addc(&l, '.');
		}
		if (a->status == ACT_DONE || a->status == ACT_DROPPED)
			buf_printf(&l, " (%s)", status_word(a->status));
		export_line(d, buf_str(&l), 0, (unsigned)nw);
		buf_reset(&l);
	}
	buf_free(&l);
}

/* The organisation, reference and title, then date, time, place, chair
 * and secretary; *chair and *sec are the names that sign. */
static void
head_en(struct doc *d, const struct meeting *m, const char **chair,
    const char **sec)
{
	const struct export_spec *sp = d->spec;
	struct buf x = BUF_INIT;

	*chair = m->field[F_CHAIR];
	*sec = m->field[F_SECRETARY];
	if (m->field[F_ORGANISATION])
		export_centred(d, m->field[F_ORGANISATION], RUN_CAPS | RUN_BOLD,
		    sp->org);
	if (m->field[F_NUMBER]) {
		buf_printf(&x, "Ref: %s", m->field[F_NUMBER]);
		export_centred(d, buf_str(&x), 0, sp->number);
		buf_reset(&x);
	}
	export_centred(d, "Minutes", RUN_CAPS | RUN_BOLD,
	    sp->doc_name)->blank_before = true;
	export_centred(d, m->field[F_TITLE] ? m->field[F_TITLE] : "",
	    RUN_BOLD, sp->summary)->balance = true;
	export_date_en(&x, m->field[F_DATE]);
	doc_para(d);	/* a blank line before the particulars */
	labelled(d, "Date", buf_str(&x));
	buf_reset(&x);
	if (m->field[F_START] || m->field[F_END]) {
		buf_printf(&x, "%s%s%s", m->field[F_START] ? m->field[F_START] :
		    "", m->field[F_END] ? " to " : "",
		    m->field[F_END] ? m->field[F_END] : "");
		labelled(d, "Time", buf_str(&x));
		buf_reset(&x);
	}
	labelled(d, "Place", m->field[F_PLACE]);
	if (*chair == NULL && export_person(m, NULL, ROLE_CHAIR))
		*chair = export_person(m, NULL, ROLE_CHAIR)->name;
	if (*sec == NULL && export_person(m, NULL, ROLE_SECRETARY))
		*sec = export_person(m, NULL, ROLE_SECRETARY)->name;
	labelled(d, "Chair", *chair);
	labelled(d, "Secretary", *sec);
	buf_free(&x);
}

void
export_doc_en(struct doc *d, const struct meeting *m, const struct tmpl *t)
{
	const char *chair, *sec;
	size_t num = 0;

	doc_init(d, &export_spec_state, "en", m->field[F_TITLE]);
	head_en(d, m, &chair, &sec);
	export_review(d, m, &export_words_en, &num);
	for (size_t i = 0; t && i < t->nsec; i++) {
		const struct tmpl_section *s = &t->sec[i];
		const char *body = meeting_section(m, s->key);

		export_heading(d, ++num, s->heading);
		if (s->kind == SEC_ROSTER)
			export_attendance(d, m, &export_words_en);
		else if (s->kind == SEC_TASKS)
			tasks_en(d, m);
		else if (body && *body)
			export_body(d, body);
		else
			export_line(d, export_words_en.none, 0, 0);
	}
	doc_para(d);
	if (m->field[F_END]) {
		char *l = xasprintf("The meeting closed at %s.", m->field[F_END]);

		export_line(d, l, 0, 0);
		free(l);
		doc_para(d);
	}
	export_signatures(d, "Secretary", sec, "Chair", chair);
	if (m->field[F_RECIPIENTS])
		export_recipients(d, m->field[F_RECIPIENTS], &export_words_en);
}
