/*
 * Unit tests of the minutes: the layout model a meeting gives in each
 * style and language (blocks, emphasis, sizes); and the text export: the
 * style is chosen from the meeting, else the template; dates follow the
 * decree's leading-zero rule; the place in the date line comes from the
 * organisation; control characters are escaped; and no line is ever
 * wider than asked, by display width, whatever the width and however
 * long the words.  The full layouts are pinned by the golden files of
 * tests/cli/bienban.sh.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "export/export.h"
#include "export/export_actions.h"
#include "export/export_doc.h"
#include "export/export_layout.h"
#include "lib/buf.h"
#include "tap.h"
#include "tmeet.h"
#include "core/tmpl.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

static struct tmpl_section secs[] = {
	{ .key = "attendees", .heading = "Thành phần tham dự", .kind = SEC_ROSTER },
	{ .key = "results", .heading = "Kết quả đạt được", .kind = SEC_TEXT },
	{ .key = "tasks", .heading = "Nhiệm vụ được giao", .kind = SEC_TASKS },
};

static struct tmpl vi = { .id = "giaoban", .lang = "vi", .style = "party",
	.sec = secs, .nsec = 3 };
static struct tmpl en = { .id = "liaison", .lang = "en", .style = "state",
	.sec = secs, .nsec = 3 };

static void
fill(struct meeting *m)
{
	tm_meeting(m, "Hội nghị giao ban", "2024-02-05");
	meeting_set(m, F_START, "08:00");
	meeting_set(m, F_ORGANISATION, "Thành ủy Hải Phòng; Quận ủy Bình Giang");
	tm_attendee(m, "Trịnh Quang Trường", NULL)->role = ROLE_CHAIR;
	tm_attendee(m, "Ngô Thị Thanh Hương", "Liên đoàn Lao động quận")
	    ->presence = PRES_ABSENT;
	meeting_section_set(m, "results", "Đạt 92,3% kế hoạch.");
	tm_action(m, "Quận đoàn", "Tổ chức Ngày hội thanh niên", "2025-10-15");
}

/* The display width of the widest line of s. */
static size_t
widest(const char *s)
{
	size_t w = 0;

	while (*s) {
		size_t n = strcspn(s, "\n"), lw = utf8_width(s, n);

		if (lw > w)
			w = lw;
		s += n + (s[n] == '\n');
	}
	return w;
}

static char *
text(const struct meeting *m, const struct tmpl *t, size_t width)
{
	struct buf b = BUF_INIT;

	export_text(&b, m, t, width);
	return buf_steal(&b);
}

/* A meeting with fill()'s contents, changed by the test; false (and a
 * failed check) if the model refused a value. */
static bool
setup(struct meeting *m)
{
	fill(m);
	return ok(m->natt == 2 && m->nact == 1 && meeting_get(m, F_DATE),
	    "set-up: a meeting with two attendees and a task");
}

static void
test_party(void)
{
	struct meeting m;
	char *s;

	if (!setup(&m))
		return;
	s = text(&m, &vi, 80);
	ok(strstr(s, "ĐẢNG CỘNG SẢN VIỆT NAM") != NULL, "party style from the template");
	ok(strstr(s, "THÀNH ỦY HẢI PHÒNG") && strstr(s, "QUẬN ỦY BÌNH GIANG"),
	    "superior body and organisation, in capitals");
	ok(strstr(s, "Bình Giang, ngày 05 tháng 02 năm 2024") != NULL,
	    "place from the organisation; day and month 1-2 take a zero");
	ok(strstr(s, "Thời gian bắt đầu: 8 giờ 00 phút") != NULL, "start time");
	ok(strstr(s, "có mặt 1/2 đại biểu") != NULL, "present/total");
	ok(strstr(s, "Vắng mặt 1 đại biểu") && strstr(s, "- Ngô Thị Thanh Hương, "
	    "Liên đoàn Lao động quận."), "the absent are listed");
	ok(strstr(s, "Hội nghị kết thúc vào … giờ … phút") != NULL,
	    "no end time: blanks to fill by hand");
	ok(strstr(s, "1. Quận đoàn: Tổ chức Ngày hội thanh niên; thời hạn: "
	    "15/10/2025.") != NULL, "a task with assignee and due date");
	ok(strstr(s, "THƯ KÝ") && strstr(s, "CHỦ TRÌ"), "signature blocks");
	ok(strstr(s, "Nơi nhận") == NULL, "no Nơi nhận without recipients");
	free(s);
	meeting_free(&m);
}

/* The state style, chosen by the meeting over its template. */
static void
test_state(void)
{
	struct meeting m;
	char *s;

	if (!setup(&m))
		return;
	meeting_set(&m, F_STYLE, "state");
	meeting_set(&m, F_DATE, "2023-09-20");
	meeting_set(&m, F_ORGANISATION, "Ủy ban nhân dân phường Hòa Phong");
	meeting_set(&m, F_END, "16:30");
	meeting_set(&m, F_RECIPIENTS, "Thường trực Đảng ủy; Lưu: VT");
	s = text(&m, &vi, 80);
	ok(strstr(s, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") &&
	    strstr(s, "Độc lập - Tự do - Hạnh phúc"), "the meeting's style wins");
	ok(strstr(s, "Hòa Phong, ngày 20 tháng 9 năm 2023") != NULL,
	    "ngày 20 tháng 9: no zero for later months");
	ok(strstr(s, "Số: …/BB-…") != NULL, "no number: the form's blanks");
	ok(strstr(s, "Hội nghị kết thúc vào 16 giờ 30 phút, ngày 20 tháng 9 năm "
	    "2023.") != NULL, "the closing line");
	ok(strstr(s, "CHỦ TỌA") != NULL, "state: CHỦ TỌA signs");
	ok(strstr(s, "Nơi nhận:\n- Thường trực Đảng ủy;\n- Lưu: VT.\n") != NULL,
	    "Nơi nhận, one per line");
	free(s);
	meeting_set(&m, F_ORGANISATION, "Ban Dân vận");
	s = text(&m, &vi, 80);
	ok(strstr(s, "…, ngày 20 tháng 9 năm 2023") != NULL,
	    "no place in the organisation: a blank");
	free(s);
	meeting_free(&m);
}

/* Control characters are shown, not sent. */
static void
test_control(void)
{
	struct meeting m;
	char *s;

	if (!setup(&m))
		return;
	meeting_set(&m, F_PLACE, "Hội trường\x1b[2J");
	meeting_section_set(&m, "results", "Dòng một\x07\tvà \x1b]0;x\x07 hai.");
	s = text(&m, &vi, 80);
	ok(strchr(s, '\x1b') == NULL && strchr(s, '\x07') == NULL &&
	    strchr(s, '\t') == NULL, "no raw control character");
	ok(strstr(s, "Hội trường^[[2J") != NULL, "escaped as ^[");
	free(s);
	meeting_free(&m);
}

/* Widths: long words, long names, wide characters, every width. */
static void
test_widths(void)
{
	struct meeting m;
	size_t bad = 0, badw = 0;

	if (!setup(&m))
		return;
	meeting_set(&m, F_TITLE, "Hội nghị giao ban "
	    "Ủyban­nhândânthànhphốThủDầuMộttỉnhBìnhDươngvàcáctổchứcchínhtrị");
	meeting_set(&m, F_ORGANISATION, "Đảng bộ thành phố Thủ Dầu Một tỉnh Bình "
	    "Dương; Đảng ủy phường Phú Hòa Đông Nam thành phố Thủ Dầu Một");
	/* Wide characters take two columns each. */
	meeting_set(&m, F_PLACE, "会议室第三号楼二层大厅会议室第三号楼二层大厅会议室 东区");
	meeting_section_set(&m, "results", "- Công Tằng Tôn Nữ Thị Phương Thảo "
	    "báo cáo: 12/12 khu phố, đạt 118,3% kế hoạch; "
	    "https://example.org/mot/duong/dan/rat/dai/khong/co/khoang/trang/nao");
	for (size_t w = 20; w <= 120; w++) {
		for (int style = 0; style < 3; style++) {
			size_t got;
			char *s;

			meeting_set(&m, F_STYLE, style == 1 ? "party" : "state");
			s = text(&m, style == 2 ? &en : &vi, w);
			got = widest(s);
			if (got > w) {
				bad = w;
				badw = got;
			}
			free(s);
		}
	}
	is_int((intmax_t)bad, 0, "no line wider than asked, widths 20-120, "
	    "three layouts (widest %zu)", badw);
	meeting_free(&m);
}

static void
test_english(void)
{
	struct meeting m;
	char *s;

	if (!setup(&m))
		return;
	meeting_set(&m, F_END, "16:30");
	s = text(&m, &en, 80);
	ok(strstr(s, "MINUTES") && strstr(s, "Present: 1 of 2"),
	    "English layout");
	ok(strstr(s, "Due 15 October 2025.") != NULL, "English due date");
	ok(strstr(s, "The meeting closed at 16:30.") != NULL, "English closing line");
	free(s);
	meeting_free(&m);
}

/* The text of a paragraph, for comparing (a static copy). */
static const char *
ptext(const struct doc_para *p)
{
	static char out[512];
	char *t = doc_para_text(p);

	snprintf(out, sizeof out, "%s", t);
	free(t);
	return out;
}

/* The first paragraph block whose text starts with prefix, or NULL. */
static const struct doc_para *
find_para(const struct doc *d, const char *prefix)
{
	for (size_t i = 0; i < d->nblk; i++)
		if (d->blk[i].kind == BLOCK_PARA &&
		    strncmp(ptext(&d->blk[i].para), prefix, strlen(prefix)) == 0)
			return &d->blk[i].para;
	return NULL;
}

/* The last table of the document, or NULL. */
static const struct doc_block *
last_table(const struct doc *d)
{
	for (size_t i = d->nblk; i-- > 0;)
		if (d->blk[i].kind == BLOCK_TABLE)
			return &d->blk[i];
	return NULL;
}

/* The model of the party style: the header as two rows, the Party's name
 * with its rule, the number level with the date, the sizes of Guidance
 * 36, the signatures and Nơi nhận underlined. */
static void
test_model_party(void)
{
	struct meeting m;
	struct doc d;
	const struct doc_block *h, *sig;
	const struct doc_para *p;

	if (!setup(&m))
		return;
	meeting_set(&m, F_NUMBER, "27-BB/QU");
	meeting_set(&m, F_RECIPIENTS, "Thường trực Quận ủy; Lưu");
	export_doc_build(&d, &m, &vi);
	h = &d.blk[0];
	if (!ok(d.nblk > 5 && h->kind == BLOCK_TABLE && h->table == TABLE_HEADER &&
	    h->nrow == 2, "party: a header table of two rows first"))
		goto out;
	ok(d.spec == &export_spec_party && strcmp(d.lang, "vi") == 0,
	    "party: Guidance 36's numbers, Vietnamese");
	is_str(ptext(&h->row[0].col[0][0]), "THÀNH ỦY HẢI PHÒNG",
	    "party: the superior body first, in capitals");
	p = &h->row[0].col[0][1];
	ok(strcmp(ptext(p), "QUẬN ỦY BÌNH GIANG") == 0 &&
	    p->run[0].flags & RUN_BOLD, "party: the body in bold capitals");
	is_str(ptext(&h->row[0].col[0][2]), "*", "party: * beneath it");
	p = &h->row[0].col[1][0];
	ok(strcmp(ptext(p), "ĐẢNG CỘNG SẢN VIỆT NAM") == 0 &&
	    p->rule == RULE_LINE && p->run[0].half_pt == 30 &&
	    p->run[0].flags & RUN_BOLD, "party: the Party's name, 15 pt bold, "
	    "a rule as long");
	is_str(ptext(&h->row[1].col[0][0]), "Số 27-BB/QU",
	    "party: the number in the second row");
	p = &h->row[1].col[1][0];
	ok(strcmp(ptext(p), "Bình Giang, ngày 05 tháng 02 năm 2024") == 0 &&
	    p->run[0].flags & RUN_ITALIC, "party: the date level with it, "
	    "italic");
	p = find_para(&d, "BIÊN BẢN");
	ok(p && p->align == ALIGN_CENTER && p->run[0].half_pt == 32,
	    "party: BIÊN BẢN centred, 16 pt");
	p = find_para(&d, "Đạt 92,3%");
	ok(p && p->body && p->align == ALIGN_JUSTIFY, "party: section text "
	    "is running text, justified");
	sig = last_table(&d);
	ok(sig && sig->table == TABLE_SIGNATURES &&
	    strcmp(ptext(&sig->row[0].col[0][0]), "THƯ KÝ") == 0 &&
	    strcmp(ptext(&sig->row[0].col[1][0]), "CHỦ TRÌ") == 0,
	    "party: THƯ KÝ and CHỦ TRÌ sign");
	p = find_para(&d, "Nơi nhận:");
	ok(p && p->run[0].flags == RUN_UNDERLINE, "party: Nơi nhận underlined");
out:
	doc_free(&d);
	meeting_free(&m);
}

/* The state style: one row, the national title and the motto, Decree 30's
 * sizes, CHỦ TỌA, Nơi nhận bold italic 12 pt. */
static void
test_model_state(void)
{
	struct meeting m;
	struct doc d;
	const struct doc_block *h;
	const struct doc_para *p;

	if (!setup(&m))
		return;
	meeting_set(&m, F_STYLE, "state");
	meeting_set(&m, F_ORGANISATION, "UBND quận Ngô Quyền; Ủy ban nhân dân "
	    "phường Lạch Tray");
	meeting_set(&m, F_RECIPIENTS, "Lưu: VT");
	export_doc_build(&d, &m, &vi);
	h = &d.blk[0];
	if (!ok(h->kind == BLOCK_TABLE && h->nrow == 1 && h->row[0].n[1] == 3,
	    "state: a header table of one row"))
		goto out;
	ok(d.spec == &export_spec_state, "state: Decree 30's numbers");
	p = &h->row[0].col[1][0];
	ok(strcmp(ptext(p), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 0 &&
	    p->run[0].flags & RUN_BOLD && p->run[0].half_pt >= 24 &&
	    p->run[0].half_pt <= 26, "state: the national title, bold, 12-13 pt");
	p = &h->row[0].col[1][1];
	ok(strcmp(ptext(p), "Độc lập - Tự do - Hạnh phúc") == 0 &&
	    p->rule == RULE_LINE, "state: the motto, a rule as long");
	p = &h->row[0].col[1][2];
	ok(p->blank_before && p->run[0].flags & RUN_ITALIC,
	    "state: the date beneath, italic");
	ok(h->row[0].col[0][1].rule == RULE_SHORT, "state: a short rule under "
	    "the organisation");
	ok(last_table(&d) && strcmp(ptext(&last_table(&d)->row[0].col[1][0]),
	    "CHỦ TỌA") == 0, "state: CHỦ TỌA signs");
	p = find_para(&d, "Nơi nhận:");
	ok(p && p->run[0].flags == (RUN_BOLD | RUN_ITALIC) &&
	    p->run[0].half_pt == 24, "state: Nơi nhận bold italic 12 pt");
out:
	doc_free(&d);
	meeting_free(&m);
}

/* English: no header table, the organisation and MINUTES centred, the
 * attendance among the sections, SECRETARY and CHAIR. */
static void
test_model_english(void)
{
	struct meeting m;
	struct doc d;
	const struct doc_para *p;

	if (!setup(&m))
		return;
	export_doc_build(&d, &m, &en);
	if (!ok(d.nblk > 5 && d.blk[0].kind == BLOCK_PARA, "English: no header "
	    "table"))
		goto out;
	ok(strcmp(d.lang, "en") == 0, "English: the document's language");
	p = &d.blk[0].para;
	ok(strcmp(ptext(p), "THÀNH ỦY HẢI PHÒNG; QUẬN ỦY BÌNH GIANG") == 0 &&
	    p->align == ALIGN_CENTER, "English: the organisation centred");
	ok(find_para(&d, "MINUTES") != NULL, "English: MINUTES");
	ok(find_para(&d, "1. Thành phần tham dự") != NULL &&
	    find_para(&d, "Present: 1 of 2") != NULL, "English: the attendance "
	    "is a section");
	ok(last_table(&d) && strcmp(ptext(&last_table(&d)->row[0].col[0][0]),
	    "SECRETARY") == 0, "English: SECRETARY signs");
out:
	doc_free(&d);
	meeting_free(&m);
}

/* The place of issue for every kind of body, and the fields that
 * override it. */
static void
test_locality(void)
{
	static const char *const cases[][2] = {
		{ "Thành ủy Hải Phòng", "Hải Phòng" },
		{ "Thành uỷ Hải Phòng", "Hải Phòng" },
		{ "Thành Ủy Hải Phòng", "Hải Phòng" },
		{ "Tỉnh ủy Nam Định", "Nam Định" },
		{ "Quận ủy Ngô Quyền", "Ngô Quyền" },
		{ "Huyện ủy Thủy Nguyên", "Thủy Nguyên" },
		{ "Thị ủy Sơn Tây", "Sơn Tây" },
		{ "UBND tỉnh Nam Định", "Nam Định" },
		{ "UBND thành phố Thủ Dầu Một", "Thủ Dầu Một" },
		{ "UBND thị xã Sơn Tây", "Sơn Tây" },
		{ "Đảng ủy xã Tân Phú", "Tân Phú" },
		{ "Ủy ban MTTQ phường Lạch Tray", "Lạch Tray" },
		{ "Ủy ban MTTQ Việt Nam phường Lạch Tray quận Ngô Quyền",
		    "Lạch Tray" },
		{ "Ủy ban nhân dân thị trấn Núi Đèo", "Núi Đèo" },
		{ "Đảng ủy phường Phú Hòa Đông Nam thành phố Thủ Dầu Một",
		    "Phú Hòa Đông Nam" },
		{ "Quận ủy Quận 1", "Quận 1" },
		{ "UBND Phường 5", "Phường 5" },
		{ "Ban Dân vận", NULL },
		{ "Văn phòng Thành ủy", NULL },
	};
	struct meeting m;
	struct tmpl own = vi;
	char *s;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = export_locality(cases[i][0]);

		is_str(got, cases[i][1], "place of issue of \"%s\"", cases[i][0]);
		free(got);
	}
	if (!setup(&m))
		return;
	meeting_set(&m, F_ORGANISATION, "Thành ủy Hải Phòng");
	own.locality = "Kiến An";
	s = text(&m, &own, 80);
	ok(strstr(s, "Kiến An, ngày 05 tháng 02 năm 2024") != NULL,
	    "the template's locality over the derived one");
	free(s);
	meeting_set(&m, F_LOCALITY, "Đồ Sơn");
	s = text(&m, &own, 80);
	ok(strstr(s, "Đồ Sơn, ngày 05 tháng 02 năm 2024") != NULL,
	    "the meeting's locality over the template's");
	free(s);
	meeting_free(&m);
}

/* CSV for Excel quotes at its own separator. */
static void
test_csv_sep(void)
{
	struct buf b = BUF_INIT;

	export_csv_field_sep(&b, "a;b", ';');
	buf_addc(&b, '|');
	export_csv_field_sep(&b, "a, b", ';');
	buf_addc(&b, '|');
	export_csv_field_sep(&b, "=1+1", ';');
	is_str(buf_str(&b), "\"a;b\"|a, b|\"'=1+1\"",
	    "CSV fields for Excel: quoted at ;, not at a comma; formulas stay text");
	buf_free(&b);
}

int
main(void)
{
	test_party();
	test_state();
	test_control();
	test_widths();
	test_english();
	test_model_party();
	test_model_state();
	test_model_english();
	test_locality();
	test_csv_sep();
	return tap_done();
}
