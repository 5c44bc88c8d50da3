/*
 * The Vietnamese biên bản (SPEC section 5), in the meeting's style:
 * "state" follows Decree 30/2020/NĐ-CP, Appendix III, form 1.9 (the
 * organisation and "Số: …/BB-…" on the left, the national motto on the
 * right); "party" follows Guidance 36-HD/VPTW (the Party body, "*" and
 * "Số …-BB/…" on the left, ĐẢNG CỘNG SẢN VIỆT NAM on the right).  Then, in
 * both: the place and date line, BIÊN BẢN and what it is about, time,
 * place, attendance, chair and secretary, the sections in template order,
 * the tasks, the closing line, the two signature blocks and Nơi nhận.
 *
 * The organisation field may name the superior body first, separated by
 * ";" ("Đảng bộ thành phố Hải Phòng; Quận ủy Ngô Quyền"), as the header
 * of both forms has it.  Dates follow the decree's rule: a day below 10
 * and the months 1 and 2 take a leading zero.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "export/export.h"
#include "export/export_doc.h"
#include "export/export_layout.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

#define DOTS "\xe2\x80\xa6"	/* … for what the meeting leaves blank */

static bool
is_party(const struct meeting *m, const struct tmpl *t)
{
	const char *st = m->field[F_STYLE] ? m->field[F_STYLE] :
	    t && t->style ? t->style : "state";

	return strcmp(st, "party") == 0;
}

/* "ngày 05 tháng 02 năm 2024" / "ngày 20 tháng 9 năm 2023". */
static void
date_vi(struct buf *b, const char *iso)
{
	struct ymd d;

	if (iso && cal_parse_iso(iso, &d))
		buf_printf(b, "ngày %02d tháng %s%d năm %d", d.d,
		    d.m <= 2 ? "0" : "", d.m, d.y);
	else
		buf_adds(b, "ngày " DOTS " tháng " DOTS " năm " DOTS);
}

/* "14 giờ 00 phút" */
static void
time_vi(struct buf *b, const char *hhmm)
{
	int h, mi;

	if (hhmm && cal_parse_hhmm(hhmm, &h, &mi))
		buf_printf(b, "%d giờ %02d phút", h, mi);
	else
		buf_adds(b, DOTS " giờ " DOTS " phút");
}

/* The organisation split at ";" into superior body and organisation. */
static void
org_parts(const char *org, char **sup, char **own)
{
	const char *semi = org ? strrchr(org, ';') : NULL;

	*sup = *own = NULL;
	if (org == NULL)
		return;
	if (semi) {
		const char *o = semi + 1;
		size_t n = (size_t)(semi - org);

		while (*o == ' ')
			o++;
		while (n > 0 && org[n - 1] == ' ')
			n--;
		*sup = xstrndup(org, n);
		*own = xstrdup(o);
	} else
		*own = xstrdup(org);
}

/* The header, as a table: the organisation (its superior body above
 * it), the number, the national title and motto or the Party's name, the
 * place and date.  Guidance 36 sets the date level with the number, so
 * the party style puts them in a second row. */
static void
header(struct doc *d, const struct meeting *m, const struct tmpl *tm,
    bool party)
{
	const struct export_spec *sp = d->spec;
	struct doc_block *t = doc_table(d, TABLE_HEADER);
	struct doc_para *p;
	struct buf x = BUF_INIT;
	char *sup, *own, *loc;
	const char *no = m->field[F_NUMBER];

	org_parts(m->field[F_ORGANISATION], &sup, &own);
	if (sup) {
		p = doc_cell_para(t, 0);
		doc_run(p, sup, RUN_CAPS, sp->org_sup);
		p->balance = true;
	}
	p = doc_cell_para(t, 0);
	doc_run(p, own ? own : DOTS, RUN_CAPS | RUN_BOLD, sp->org);
	p->balance = true;
	if (party) {
		doc_run(doc_cell_para(t, 0), "*", 0, sp->org);
		p = doc_cell_para(t, 1);
		doc_run(p, "Đảng Cộng sản Việt Nam", RUN_CAPS | RUN_BOLD,
		    sp->party);
		p->rule = RULE_LINE;
		doc_row(t);
		buf_printf(&x, "Số %s", no ? no : DOTS "-BB/" DOTS);
	} else {
		p->rule = RULE_SHORT;
		doc_run(doc_cell_para(t, 1), "Cộng hòa xã hội chủ nghĩa Việt Nam",
		    RUN_CAPS | RUN_BOLD, sp->nation);
		p = doc_cell_para(t, 1);
		doc_run(p, "Độc lập - Tự do - Hạnh phúc", RUN_BOLD, sp->motto);
		p->rule = RULE_LINE;
		buf_printf(&x, "Số: %s", no ? no : DOTS "/BB-" DOTS);
	}
	doc_run(doc_cell_para(t, 0), buf_str(&x), 0, sp->number);
	buf_reset(&x);
	loc = xstrdup0(m->field[F_LOCALITY] ? m->field[F_LOCALITY] :
	    tm && tm->locality ? tm->locality : NULL);
	if (loc == NULL)
		loc = export_locality(own);
	buf_printf(&x, "%s, ", loc ? loc : DOTS);
	date_vi(&x, m->field[F_DATE]);
	p = doc_cell_para(t, 1);
	doc_run(p, buf_str(&x), RUN_ITALIC, sp->place_date);
	p->blank_before = !party;
	free(sup);
	free(own);
	free(loc);
	buf_free(&x);
}

/* The person a header field (chair, secretary) names, found in the
 * roster by the name before any comma ("Nguyễn Thị Hồng Thanh, Chuyên
 * viên Văn phòng Thành ủy"), else the first attendee with role r; NULL
 * when neither. */
static const struct attendee *
named(const struct meeting *m, enum field f, enum role r)
{
	char *name = m->field[f] ? xstrndup(m->field[f],
	    strcspn(m->field[f], ",")) : NULL;
	const struct attendee *a = export_person(m, name, r);

	free(name);
	return a;
}

/* The name to sign under: the roster's, else the field's up to a comma
 * (the position belongs on the "Chủ trì:" line, not under a signature);
 * malloc'd, or NULL. */
static char *
signer_name(const struct meeting *m, enum field f, enum role r)
{
	const struct attendee *a = named(m, f, r);
	char *s;
	size_t n;

	if (a && a->name)
		return xstrdup(a->name);
	if (m->field[f] == NULL)
		return NULL;
	n = strcspn(m->field[f], ",");
	while (n > 0 && m->field[f][n - 1] == ' ')
		n--;
	s = xstrndup(m->field[f], n);
	return s;
}

/* "Chủ trì: name, position" from the roster, else the header field as
 * written. */
static void
role_line(struct doc *d, const struct meeting *m, const char *label,
    enum field f, enum role r)
{
	const struct attendee *a = named(m, f, r);
	struct buf l = BUF_INIT;

	buf_printf(&l, "%s: ", label);
	if (m->field[f] && (a == NULL || a->name == NULL))
		buf_adds(&l, m->field[f]);
	else if (a)
		export_person_line(&l, a);
	if (m->field[f] || a)
		buf_addc(&l, '.');
	else
		buf_adds(&l, DOTS);
	export_line(d, buf_str(&l), 0, 2);
	buf_free(&l);
}

static void
tasks(struct doc *d, const struct meeting *m)
{
	struct buf l = BUF_INIT;

	if (m->nact == 0)
		export_line(d, export_words_vi.none, 2, 2);
	for (size_t k = 0; k < m->nact; k++) {
		const struct action *a = &m->act[k];
		struct ymd dd;
		size_t nw;

		buf_printf(&l, "%zu. ", k + 1);
		nw = l.len;
		if (a->assignee)
			buf_printf(&l, "%s: ", a->assignee);
		buf_adds(&l, a->task ? a->task : "");
		if (a->due && cal_parse_iso(a->due, &dd)) {
			buf_adds(&l, "; thời hạn: ");
			export_date_dmy(&l, a->due);
		}
		if (a->status == ACT_DONE)
			buf_adds(&l, " (đã hoàn thành)");
		else if (a->status == ACT_DROPPED)
			buf_adds(&l, " (không thực hiện)");
		buf_addc(&l, '.');
		export_line(d, buf_str(&l), 2, 2 + (unsigned)nw);
		buf_reset(&l);
	}
	buf_free(&l);
}

/* Time, place, attendance, chair and secretary. */
static void
opening(struct doc *d, const struct meeting *m, bool party)
{
	struct buf x = BUF_INIT;

	buf_adds(&x, "Thời gian bắt đầu: ");
	time_vi(&x, m->field[F_START]);
	buf_adds(&x, ", ");
	date_vi(&x, m->field[F_DATE]);
	buf_addc(&x, '.');
	export_line(d, buf_str(&x), 0, 2)->blank_before = true;
	buf_reset(&x);
	buf_printf(&x, "Địa điểm: %s%s", m->field[F_PLACE] ? m->field[F_PLACE] :
	    DOTS, m->field[F_PLACE] ? "." : "");
	export_line(d, buf_str(&x), 0, 2);
	buf_free(&x);
	export_attendance(d, m, &export_words_vi);
	role_line(d, m, party ? "Chủ trì" : "Chủ trì (chủ tọa)", F_CHAIR,
	    ROLE_CHAIR);
	role_line(d, m, "Thư ký", F_SECRETARY, ROLE_SECRETARY);
}

/* The closing line, the signatures (the secretary left, the chair
 * right, as form 1.9 has them) and the recipients. */
static void
closing(struct doc *d, const struct meeting *m, bool party)
{
	char *sec, *chair;
	struct doc_para *p;
	struct buf x = BUF_INIT;

	buf_adds(&x, "Hội nghị kết thúc vào ");
	time_vi(&x, m->field[F_END]);
	buf_adds(&x, ", ");
	date_vi(&x, m->field[F_DATE]);
	buf_addc(&x, '.');
	p = export_line(d, buf_str(&x), 0, 0);
	p->blank_before = true;
	/* The closing line goes over the page with the signatures. */
	p->keep_next = true;
	buf_free(&x);
	doc_para(d)->keep_next = true;	/* a blank line before them */
	sec = signer_name(m, F_SECRETARY, ROLE_SECRETARY);
	chair = signer_name(m, F_CHAIR, ROLE_CHAIR);
	export_signatures(d, "Thư ký", sec, party ? "Chủ trì" : "Chủ tọa",
	    chair);
	free(sec);
	free(chair);
	if (m->field[F_RECIPIENTS])
		export_recipients(d, m->field[F_RECIPIENTS], &export_words_vi);
}

void
export_doc_bienban(struct doc *d, const struct meeting *m,
    const struct tmpl *t)
{
	bool party = is_party(m, t);
	const struct export_spec *sp = party ? &export_spec_party :
	    &export_spec_state;
	size_t num = 0;

	doc_init(d, sp, "vi", m->field[F_TITLE]);
	header(d, m, t, party);
	export_centred(d, "Biên bản", RUN_CAPS | RUN_BOLD,
	    sp->doc_name)->blank_before = true;
	export_centred(d, m->field[F_TITLE] ? m->field[F_TITLE] : DOTS,
	    RUN_BOLD, sp->summary)->balance = true;
	opening(d, m, party);
	export_centred(d, "Nội dung", RUN_CAPS | RUN_BOLD,
	    sp->body)->blank_before = true;
	export_review(d, m, &export_words_vi, &num);
	for (size_t i = 0; t && i < t->nsec; i++) {
		const struct tmpl_section *s = &t->sec[i];
		const char *body = meeting_section(m, s->key);

		/* The roster is the attendance above. */
		if (s->kind == SEC_ROSTER)
			continue;
		export_heading(d, ++num, s->heading);
		if (s->kind == SEC_TASKS)
			tasks(d, m);
		else if (body && *body)
			export_body(d, body);
		else
			export_line(d, export_words_vi.none, 0, 0);
	}
	closing(d, m, party);
}
