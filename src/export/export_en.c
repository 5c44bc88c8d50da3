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
#include "export/export_layout.h"
#include "lib/buf.h"
#include "lib/cal.h"

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

static void
labelled(struct buf *b, const char *label, const char *value, size_t width)
{
	struct buf l = BUF_INIT;

	if (value == NULL || *value == '\0')
		return;
	buf_printf(&l, "%s: %s", label, value);
	export_wrap(b, buf_str(&l), width, 0, 2);
	buf_free(&l);
}

static void
tasks_en(struct buf *b, const struct meeting *m, size_t width)
{
	struct buf l = BUF_INIT;

	if (m->nact == 0)
		export_wrap(b, export_words_en.none, width, 0, 0);
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
		export_wrap(b, buf_str(&l), width, 0, nw);
		buf_reset(&l);
	}
	buf_free(&l);
}

/* The organisation, reference and title, then date, time, place, chair
 * and secretary; *chair and *sec are the names that sign. */
static void
head_en(struct buf *b, const struct meeting *m, size_t width,
    const char **chair, const char **sec)
{
	const char *title = m->field[F_TITLE] ? m->field[F_TITLE] : "";
	struct buf x = BUF_INIT;

	*chair = m->field[F_CHAIR];
	*sec = m->field[F_SECRETARY];
	if (m->field[F_ORGANISATION]) {
		char *up = export_upper(m->field[F_ORGANISATION]);

		export_center(b, up, width);
		free(up);
	}
	if (m->field[F_NUMBER]) {
		buf_printf(&x, "Ref: %s", m->field[F_NUMBER]);
		export_center(b, buf_str(&x), width);
		buf_reset(&x);
	}
	buf_addc(b, '\n');
	export_center(b, "MINUTES", width);
	export_center(b, title, width);
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
	if (*chair == NULL && export_person(m, NULL, ROLE_CHAIR))
		*chair = export_person(m, NULL, ROLE_CHAIR)->name;
	if (*sec == NULL && export_person(m, NULL, ROLE_SECRETARY))
		*sec = export_person(m, NULL, ROLE_SECRETARY)->name;
	labelled(b, "Chair", *chair, width);
	labelled(b, "Secretary", *sec, width);
	buf_free(&x);
}

void
export_text_en(struct buf *b, const struct meeting *m, const struct tmpl *t,
    size_t width)
{
	const char *chair, *sec;
	struct buf x = BUF_INIT;
	size_t num = 0;

	head_en(b, m, width, &chair, &sec);
	export_review(b, m, &export_words_en, width, &num);
	for (size_t i = 0; t && i < t->nsec; i++) {
		const struct tmpl_section *s = &t->sec[i];
		const char *body = meeting_section(m, s->key);

		export_heading(b, ++num, s->heading, width);
		if (s->kind == SEC_ROSTER)
			export_attendance(b, m, &export_words_en, width);
		else if (s->kind == SEC_TASKS)
			tasks_en(b, m, width);
		else if (body && *body)
			export_body(b, body, width, 0);
		else
			export_wrap(b, export_words_en.none, width, 0, 0);
	}
	buf_addc(b, '\n');
	if (m->field[F_END]) {
		buf_printf(&x, "The meeting closed at %s.", m->field[F_END]);
		export_wrap(b, buf_str(&x), width, 0, 0);
		buf_reset(&x);
		buf_addc(b, '\n');
	}
	export_signatures(b, "SECRETARY", sec, "CHAIR", chair, width);
	if (m->field[F_RECIPIENTS])
		export_recipients(b, m->field[F_RECIPIENTS], &export_words_en,
		    width);
	buf_free(&x);
}
