/*
 * A generator of realistic meetings for the benchmarks: Vietnamese
 * liaison meetings with about six attendees, text sections of 100-300
 * words built from the vocabulary of such minutes, and about five tasks.
 * Deterministic for a given seed, so figures compare across runs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "gen.h"
#include "core/model.h"
#include "lib/xmalloc.h"

static unsigned long long state;

static unsigned
rnd(unsigned n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

#define PICK(a) (a[rnd(sizeof a / sizeof a[0])])

static const char *const family[] = { "Nguyễn", "Trần", "Lê", "Phạm",
    "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương" };
static const char *const middle[] = { "Văn", "Thị", "Minh", "Thu", "Đức",
    "Quang", "Thanh", "Ngọc", "Hữu", "Kim" };
static const char *const given[] = { "Hùng", "Hoa", "Lan", "Bình", "Cường",
    "Dũng", "Hương", "Tuấn", "Mai", "Nam", "Phương", "Sơn", "Trang" };
static const char *const orgs[] = { "Ủy ban MTTQ quận", "Quận đoàn",
    "Hội Liên hiệp Phụ nữ quận", "Hội Nông dân quận",
    "Hội Cựu chiến binh quận", "Liên đoàn Lao động quận",
    "Ban Dân vận Quận ủy", "Văn phòng Quận ủy", "Phòng Văn hóa - Thông tin" };
static const char *const posts[] = { "Chủ tịch", "Phó Chủ tịch", "Bí thư",
    "Trưởng ban", "Chánh Văn phòng", "Chuyên viên" };
static const char *const words[] = { "tiếp tục", "đẩy mạnh", "công tác",
    "tuyên truyền", "vận động", "đoàn viên", "hội viên", "nhân dân",
    "thực hiện", "nghị quyết", "chỉ tiêu", "kế hoạch", "phong trào",
    "thi đua", "mô hình", "dân vận khéo", "an sinh xã hội", "hộ nghèo",
    "giám sát", "phản biện", "xã hội", "đảng viên", "chi bộ", "khu dân cư",
    "chuyển đổi số", "đạt", "so với", "cùng kỳ", "tăng", "phường",
    "trên địa bàn", "hiệu quả", "kịp thời", "vướng mắc", "kiến nghị",
    "cử tri", "đối thoại", "ngày hội", "đại đoàn kết", "toàn dân" };
static const char *const verbs[] = { "Rà soát", "Tổ chức", "Triển khai",
    "Phối hợp", "Tham mưu", "Hoàn thành", "Báo cáo", "Xây dựng" };

static void
sentence(struct buf *b, unsigned nwords)
{
	for (unsigned i = 0; i < nwords; i++) {
		const char *w = PICK(words);

		if (i == 0) {
			/* Capitalise ASCII initials only; good enough here. */
			buf_addc(b, (char)(w[0] >= 'a' && w[0] <= 'z' ?
			    w[0] - 'a' + 'A' : w[0]));
			buf_adds(b, w + 1);
		} else {
			buf_addc(b, ' ');
			buf_adds(b, w);
		}
		if (rnd(12) == 0)
			buf_printf(b, " %u,%u%%", 50 + rnd(50), rnd(10));
	}
	buf_adds(b, ". ");
}

static char *
text(unsigned minwords, unsigned maxwords)
{
	struct buf b = BUF_INIT;
	unsigned n = minwords + rnd(maxwords - minwords + 1), done = 0;

	while (done < n) {
		unsigned k = 8 + rnd(14);

		sentence(&b, k);
		done += k;
		if (rnd(5) == 0 && done < n) {
			buf_truncate(&b, b.len - 1);
			buf_adds(&b, "\n\n");
		}
	}
	buf_truncate(&b, b.len - 1);
	return buf_steal(&b);
}

static char *
person(void)
{
	return xasprintf("%s %s %s", PICK(family), PICK(middle), PICK(given));
}

void
gen_seed(unsigned long long seed)
{
	state = seed * 2654435761ULL + 1;
}

void
gen_meeting(struct meeting *m, unsigned i)
{
	static const char *const secs[] = { "results", "limitations",
	    "opinions", "conclusions" };
	char date[11], *s;
	unsigned natt = 4 + rnd(5), nact = 3 + rnd(5);

	meeting_init(m);
	meeting_set(m, F_TEMPLATE, "giaoban");
	s = xasprintf("giao-ban-%u", i % 40);
	meeting_set(m, F_SERIES, s);
	free(s);
	s = xasprintf("Hội nghị giao ban tháng %u năm %u lần %u", 1 + i % 12,
	    2000 + (i / 12) % 26, i);
	meeting_set(m, F_TITLE, s);
	free(s);
	meeting_set(m, F_ORGANISATION, "Quận ủy Bình Giang");
	snprintf(date, sizeof date, "%04u-%02u-%02u", 2000 + (i / 12) % 26,
	    1 + i % 12, 1 + rnd(28));
	meeting_set(m, F_DATE, date);
	meeting_set(m, F_START, "14:00");
	meeting_set(m, F_PLACE, "Hội trường Quận ủy");
	for (unsigned k = 0; k < natt; k++) {
		struct attendee *a = meeting_add_attendee(m);

		a->name = person();
		a->position = xstrdup(PICK(posts));
		a->organisation = xstrdup(PICK(orgs));
		a->role = k == 0 ? ROLE_CHAIR : k == 1 ? ROLE_SECRETARY : ROLE_MEMBER;
		a->presence = rnd(8) == 0 ? PRES_ABSENT : PRES_PRESENT;
	}
	meeting_set(m, F_CHAIR, m->att[0].name);
	meeting_set(m, F_SECRETARY, m->att[1].name);
	for (size_t k = 0; k < 4; k++) {
		s = text(100, 300);
		meeting_section_set(m, secs[k], s);
		free(s);
	}
	for (unsigned k = 0; k < nact; k++) {
		struct action *a = meeting_add_action(m);
		struct buf b = BUF_INIT;

		a->assignee = xstrdup(PICK(orgs));
		buf_adds(&b, PICK(verbs));
		for (unsigned w = 0; w < 6 + rnd(8); w++)
			buf_printf(&b, " %s", PICK(words));
		a->task = buf_steal(&b);
		if (rnd(4)) {
			snprintf(date, sizeof date, "%04u-%02u-%02u",
			    2000 + (i / 12) % 26 + rnd(2), 1 + rnd(12), 1 + rnd(28));
			a->due = xstrdup(date);
		}
		a->status = (enum act_status)rnd(4);
	}
}
