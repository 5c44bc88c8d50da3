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

/* The place named in the organisation, for "Bình Giang, ngày …": what
 * follows the last word naming a unit of administration ("Quận ủy Bình
 * Giang", "Ủy ban nhân dân phường Hòa Phong"). */
static char *
locality(const char *org)
{
	/* Folded, as they are compared. */
	static const char *const units[] = { "thanh pho ", "thi tran ",
	    "thi xa ", "quan ", "huyen ", "phuong ", "tinh ", "xa " };
	char *best = NULL;
	size_t skip = 0;

	if (org == NULL)
		return NULL;
	/* Compare folded, but walk the original word by word so the result
	 * keeps its diacritics. */
	for (const char *p = org; *p;) {
		const char *sp = strchr(p, ' ');

		for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
			size_t ul = strlen(units[u]);
			char *w = utf8_fold(p, strlen(p));

			if (strncmp(w, units[u], ul) == 0) {
				/* Count the unit's words in the original. */
				const char *q = p;
				size_t words = 0;

				for (size_t k = 0; k < ul; k++)
					words += units[u][k] == ' ';
				while (words-- > 0 && (q = strchr(q, ' ')))
					q++;
				if (q) {
					/* "Quận ủy X": skip "ủy". */
					char *qw = utf8_fold(q, strlen(q));

					skip = strncmp(qw, "uy ", 3) == 0 ?
					    (size_t)(strchr(q, ' ') - q) + 1 : 0;
					free(qw);
					free(best);
					best = xstrdup(q + skip);
				}
				free(w);
				break;
			}
			free(w);
		}
		if (sp == NULL)
			break;
		p = sp + 1;
	}
	if (best && *best == '\0') {
		free(best);
		best = NULL;
	}
	return best;
}

static void
header(struct buf *b, const struct meeting *m, bool party, size_t width)
{
	static const char rule[] = "---------------";
	struct export_col l = { .n = 0 }, r = { .n = 0 };
	struct buf num = BUF_INIT, when = BUF_INIT;
	char *sup, *own, *usup = NULL, *uown = NULL, *loc;
	const char *no = m->field[F_NUMBER];

	org_parts(m->field[F_ORGANISATION], &sup, &own);
	if (sup)
		usup = export_upper(sup);
	if (own)
		uown = export_upper(own);
	/* The motto needs 34 columns; the left column gets the rest, and a
	 * long organisation name wraps within it. */
	r.width = width * 11 / 20 < 34 ? 34 : width * 11 / 20;
	if (r.width > width - 12)
		r.width = width - 12;
	l.width = width - r.width - 2;
	if (usup)
		l.line[l.n++] = usup;
	l.line[l.n++] = uown ? uown : DOTS;
	l.line[l.n++] = party ? "*" : "-------";
	if (party)
		buf_printf(&num, "Số %s", no ? no : DOTS "-BB/" DOTS);
	else
		buf_printf(&num, "Số: %s", no ? no : DOTS "/BB-" DOTS);
	loc = locality(own);
	buf_printf(&when, "%s, ", loc ? loc : DOTS);
	date_vi(&when, m->field[F_DATE]);
	if (party) {
		r.line[r.n++] = "ĐẢNG CỘNG SẢN VIỆT NAM";
		r.line[r.n++] = rule;
		/* Guidance 36 sets the date level with the number. */
		while (r.n + 1 < l.n)
			r.n++;
		l.line[l.n++] = buf_str(&num);
		r.line[r.n++] = buf_str(&when);
	} else {
		l.line[l.n++] = buf_str(&num);
		r.line[r.n++] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
		r.line[r.n++] = "Độc lập - Tự do - Hạnh phúc";
		r.line[r.n++] = rule;
		r.n++;
		r.line[r.n++] = buf_str(&when);
	}
	export_columns(b, &l, 2, &r);
	free(sup);
	free(own);
	free(usup);
	free(uown);
	free(loc);
	buf_free(&num);
	buf_free(&when);
}

/* "Chủ trì: name, position" from the header field or the roster. */
static void
role_line(struct buf *b, const struct meeting *m, const char *label,
    enum field f, enum role r, size_t width)
{
	const struct attendee *a = export_person(m, m->field[f], r);
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
	export_wrap(b, buf_str(&l), width, 0, 2);
	buf_free(&l);
}

static void
tasks(struct buf *b, const struct meeting *m, size_t width)
{
	struct buf l = BUF_INIT;

	if (m->nact == 0)
		export_wrap(b, export_words_vi.none, width, 2, 2);
	for (size_t k = 0; k < m->nact; k++) {
		const struct action *a = &m->act[k];
		struct ymd d;
		size_t nw;

		buf_printf(&l, "%zu. ", k + 1);
		nw = l.len;
		if (a->assignee)
			buf_printf(&l, "%s: ", a->assignee);
		buf_adds(&l, a->task ? a->task : "");
		if (a->due && cal_parse_iso(a->due, &d))
			buf_printf(&l, "; thời hạn: %02d/%02d/%d", d.d, d.m, d.y);
		if (a->status == ACT_DONE)
			buf_adds(&l, " (đã hoàn thành)");
		else if (a->status == ACT_DROPPED)
			buf_adds(&l, " (không thực hiện)");
		buf_addc(&l, '.');
		export_wrap(b, buf_str(&l), width, 2, 2 + nw);
		buf_reset(&l);
	}
	buf_free(&l);
}

void
export_bienban(struct buf *b, const struct meeting *m, const struct tmpl *t,
    size_t width)
{
	bool party = is_party(m, t);
	const char *chair_word = party ? "Chủ trì" : "Chủ trì (chủ tọa)";
	const struct attendee *sec, *chair;
	struct buf x = BUF_INIT;
	size_t num = 0;

	header(b, m, party, width);
	buf_addc(b, '\n');
	export_center(b, "BIÊN BẢN", width);
	export_center(b, m->field[F_TITLE] ? m->field[F_TITLE] : DOTS, width);
	buf_addc(b, '\n');

	buf_adds(&x, "Thời gian bắt đầu: ");
	time_vi(&x, m->field[F_START]);
	buf_adds(&x, ", ");
	date_vi(&x, m->field[F_DATE]);
	buf_addc(&x, '.');
	export_wrap(b, buf_str(&x), width, 0, 2);
	buf_reset(&x);
	buf_printf(&x, "Địa điểm: %s%s", m->field[F_PLACE] ? m->field[F_PLACE] :
	    DOTS, m->field[F_PLACE] ? "." : "");
	export_wrap(b, buf_str(&x), width, 0, 2);
	buf_reset(&x);
	export_attendance(b, m, &export_words_vi, width);
	role_line(b, m, chair_word, F_CHAIR, ROLE_CHAIR, width);
	role_line(b, m, "Thư ký", F_SECRETARY, ROLE_SECRETARY, width);

	buf_addc(b, '\n');
	export_center(b, "NỘI DUNG", width);
	export_review(b, m, &export_words_vi, width, &num);
	for (size_t i = 0; t && i < t->nsec; i++) {
		const struct tmpl_section *s = &t->sec[i];
		const char *body = meeting_section(m, s->key);

		/* The roster is the attendance above. */
		if (s->kind == SEC_ROSTER)
			continue;
		export_heading(b, ++num, s->heading, width);
		if (s->kind == SEC_TASKS)
			tasks(b, m, width);
		else if (body && *body)
			export_body(b, body, width, 0);
		else
			export_wrap(b, export_words_vi.none, width, 0, 0);
	}

	buf_addc(b, '\n');
	buf_adds(&x, "Hội nghị kết thúc vào ");
	time_vi(&x, m->field[F_END]);
	buf_adds(&x, ", ");
	date_vi(&x, m->field[F_DATE]);
	buf_addc(&x, '.');
	export_wrap(b, buf_str(&x), width, 0, 0);
	buf_reset(&x);

	/* Signatures: the secretary left, the chair right (form 1.9). */
	buf_addc(b, '\n');
	sec = export_person(m, m->field[F_SECRETARY], ROLE_SECRETARY);
	chair = export_person(m, m->field[F_CHAIR], ROLE_CHAIR);
	export_signatures(b, "THƯ KÝ", m->field[F_SECRETARY] ?
	    m->field[F_SECRETARY] : sec ? sec->name : NULL,
	    party ? "CHỦ TRÌ" : "CHỦ TỌA", m->field[F_CHAIR] ?
	    m->field[F_CHAIR] : chair ? chair->name : NULL, width);
	if (m->field[F_RECIPIENTS])
		export_recipients(b, m->field[F_RECIPIENTS], &export_words_vi,
		    width);
	buf_free(&x);
}
