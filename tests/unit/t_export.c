/*
 * Unit tests of the text export: the style is chosen from the meeting,
 * else the template; dates follow the decree's leading-zero rule; the
 * place in the date line comes from the organisation; control characters
 * are escaped; and no line is ever wider than asked, by display width,
 * whatever the width and however long the words.  The full layouts are
 * pinned by the golden files of tests/cli/bienban.sh.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "export/export.h"
#include "lib/buf.h"
#include "tap.h"
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
	struct attendee *a;
	struct action *t;

	meeting_init(m);
	meeting_set(m, F_TEMPLATE, "giaoban");
	meeting_set(m, F_TITLE, "Hội nghị giao ban");
	meeting_set(m, F_DATE, "2024-02-05");
	meeting_set(m, F_START, "08:00");
	meeting_set(m, F_ORGANISATION, "Thành ủy Hải Phòng; Quận ủy Bình Giang");
	a = meeting_add_attendee(m);
	a->name = xstrdup("Trịnh Quang Trường");
	a->role = ROLE_CHAIR;
	a = meeting_add_attendee(m);
	a->name = xstrdup("Ngô Thị Thanh Hương");
	a->organisation = xstrdup("Liên đoàn Lao động quận");
	a->presence = PRES_ABSENT;
	meeting_section_set(m, "results", "Đạt 92,3% kế hoạch.");
	t = meeting_add_action(m);
	t->assignee = xstrdup("Quận đoàn");
	t->task = xstrdup("Tổ chức Ngày hội thanh niên");
	t->due = xstrdup("2025-10-15");
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

int
main(void)
{
	test_party();
	test_state();
	test_control();
	test_widths();
	test_english();
	return tap_done();
}
