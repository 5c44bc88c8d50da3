/*
 * Generated meeting minutes (see bench_minutes.h).  Sentences follow the
 * ways liaison meetings' reports are written: results told with figures
 * and fractions, past events with their dates, references to documents,
 * limitations and discussion without a task, then directives addressed to
 * bodies, some with a deadline, some as a list.  Real minutes hold a task
 * every hundred words or so and a deadline every few hundred: the mix
 * below gives about that.
 */
#include "config.h"

#include <stdbool.h>

#include "bench_minutes.h"
#include "lib/buf.h"

static unsigned
rnd(struct minutes_gen *g, unsigned n)
{
	g->seed ^= g->seed << 13;
	g->seed ^= g->seed >> 7;
	g->seed ^= g->seed << 17;
	return (unsigned)(g->seed % n);
}

#define PICK(g, a) (a[rnd(g, sizeof a / sizeof a[0])])

static const char *const bodies[] = {
	"Ủy ban MTTQ quận", "Hội Phụ nữ quận", "Đoàn Thanh niên phường",
	"Hội Cựu chiến binh", "Hội Nông dân", "Công đoàn cơ sở",
	"Ban Dân vận Quận ủy", "Văn phòng Quận ủy", "Phòng Văn hóa và Thông tin",
	"khối Dân vận 12 phường", "các chi bộ", "Liên đoàn Lao động quận",
	"Hội Người cao tuổi", "Hội Chữ thập đỏ", "Ban Chỉ huy Quân sự quận",
	"các đoàn thể chính trị - xã hội"
};
static const char *const people[] = {
	"Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Minh Tuấn", "Phạm Thu Hà",
	"Võ Thanh Sơn", "Huỳnh Ngọc Mai", "Đặng Quốc Hùng", "Bùi Thị Lan"
};
static const char *const titles[] = {
	"Phó Bí thư Thường trực Quận ủy", "Trưởng Ban Dân vận Quận ủy",
	"Chủ tịch Ủy ban MTTQ Việt Nam quận", "Phó Chủ tịch UBND quận",
	"Bí thư Đảng ủy phường", "Chủ tịch Hội Liên hiệp Phụ nữ quận"
};
static const char *const meetings[] = {
	"giao ban khối dân vận", "sơ kết công tác 6 tháng đầu năm",
	"giao ban công tác Mặt trận", "triển khai nhiệm vụ quý IV",
	"tổng kết phong trào thi đua", "đối thoại với đoàn viên, hội viên"
};
static const char *const tasks[] = {
	"rà soát danh sách hội viên có hoàn cảnh khó khăn",
	"tổ chức hội nghị đối thoại với người đứng đầu cấp ủy",
	"tuyên truyền, vận động nhân dân tham gia giữ gìn vệ sinh môi trường",
	"xây dựng mô hình dân vận khéo trong lĩnh vực chuyển đổi số",
	"tổng hợp ý kiến, kiến nghị của cử tri gửi về Thường trực",
	"phối hợp giám sát việc thực hiện quy chế dân chủ ở cơ sở",
	"chăm lo cho gia đình chính sách, hộ nghèo",
	"hoàn thiện hồ sơ đề nghị khen thưởng tập thể, cá nhân tiêu biểu",
	"nắm bắt tình hình tư tưởng của nhân dân trên địa bàn",
	"chuẩn bị chu đáo các điều kiện tổ chức Ngày hội Đại đoàn kết toàn dân tộc"
};
static const char *const deadlines[] = {
	"trước ngày 30/9", "chậm nhất ngày 15/10/2023", "trong tháng 11",
	"trong quý IV/2023", "trước Tết Nguyên đán", "trong vòng 10 ngày",
	"vào thứ Sáu tuần này", "cuối tháng 12", "trong 5 ngày làm việc",
	"vào thượng tuần tháng 12"
};
static const char *const places[] = {
	"Quận Bình Thạnh", "Quận Gò Vấp", "Thành phố Thủ Đức", "Huyện Củ Chi",
	"Quận Hoàn Kiếm", "Thành phố Huế"
};
static const char *const topics[] = {
	"công tác vận động quần chúng", "việc thực hiện quy chế dân chủ ở cơ sở",
	"phong trào thi đua \"Dân vận khéo\"", "công tác an sinh xã hội",
	"việc xây dựng khu phố văn hóa", "công tác giám sát, phản biện xã hội"
};

/* Ends a sentence: mostly a space, a new paragraph now and then. */
static void
end(struct buf *b, struct minutes_gen *g, enum minutes_kind k, bool para)
{
	g->sentences[k]++;
	buf_addc(b, para ? '\n' : ' ');
}

static void
frame(struct buf *b, struct minutes_gen *g)
{
	unsigned day = rnd(g, 28) + 1, month = rnd(g, 12) + 1;

	buf_printf(b, "HỘI NGHỊ %s QUÝ %s NĂM 2023\n",
	    rnd(g, 2) ? "GIAO BAN KHỐI DÂN VẬN" : "SƠ KẾT CÔNG TÁC MẶT TRẬN",
	    rnd(g, 2) ? "III" : "IV");
	buf_printf(b, "%s, ngày %u tháng %u năm 2023\n", PICK(g, places), day,
	    month);
	g->sentences[MK_FRAME] += 2;
	buf_printf(b, "%s ngày %u/%u, %s tổ chức hội nghị %s.",
	    rnd(g, 2) ? "Sáng" : "Chiều", day, month, PICK(g, bodies),
	    PICK(g, meetings));
	end(b, g, MK_FRAME, false);
	buf_printf(b, "Dự hội nghị có đồng chí %s – %s; đồng chí %s – %s cùng "
	    "đại diện lãnh đạo %s, %s.", PICK(g, people), PICK(g, titles),
	    PICK(g, people), PICK(g, titles), PICK(g, bodies), PICK(g, bodies));
	end(b, g, MK_FRAME, true);
}

static void
result(struct buf *b, struct minutes_gen *g)
{
	switch (rnd(g, 7)) {
	case 0:
		buf_printf(b, "Trong 9 tháng đầu năm, %s đã tổ chức %u hội nghị, "
		    "%u buổi tuyên truyền với %u lượt người tham dự, đạt %u,%u%% "
		    "kế hoạch năm.", PICK(g, bodies), rnd(g, 50) + 1,
		    rnd(g, 80) + 5, rnd(g, 9000) + 300, rnd(g, 100), rnd(g, 10));
		break;
	case 1:
		buf_printf(b, "Toàn quận có %u mô hình \"Dân vận khéo\" (%u/12 "
		    "phường), tăng %u mô hình so với cùng kỳ năm trước.",
		    rnd(g, 400), rnd(g, 12) + 1, rnd(g, 50));
		break;
	case 2:
		buf_printf(b, "%s đã vận động ủng hộ Quỹ \"Vì người nghèo\" được "
		    "%u,%u tỷ đồng, xây dựng %u căn nhà tình thương và trao %u "
		    "suất học bổng cho học sinh có hoàn cảnh khó khăn.",
		    PICK(g, bodies), rnd(g, 9) + 1, rnd(g, 10), rnd(g, 20) + 1,
		    rnd(g, 200) + 10);
		break;
	case 3:
		buf_printf(b, "Công tác tuyên truyền, phổ biến chủ trương của "
		    "Đảng, chính sách, pháp luật của Nhà nước được %s thực hiện "
		    "thường xuyên, bằng nhiều hình thức phù hợp với từng đối "
		    "tượng.", PICK(g, bodies));
		break;
	case 4:
		buf_printf(b, "Nhân dịp kỷ niệm %u năm Ngày Thương binh - Liệt sĩ "
		    "(27/7/1947 - 27/7/2023), các chi hội đã thăm hỏi, tặng quà "
		    "%u hộ gia đình chính sách.", 76, rnd(g, 500) + 20);
		break;
	case 5:
		buf_printf(b, "Việc thực hiện Quyết định 217, 218-QĐ/TW và Chỉ thị "
		    "05-CT/TW được quan tâm; %u/%u khu phố đã tổ chức hội nghị "
		    "nhân dân đúng quy định.", rnd(g, 30) + 1, 31);
		break;
	default:
		buf_printf(b, "Cập nhật: %02u/09/2023 07:%02u — %s hoàn thành "
		    "việc kiện toàn tổ chức, nhân sự nhiệm kỳ 2020-2025.",
		    rnd(g, 28) + 1, rnd(g, 60), PICK(g, bodies));
		break;
	}
	end(b, g, MK_RESULT, false);
}

static void
narrative(struct buf *b, struct minutes_gen *g)
{
	switch (rnd(g, 5)) {
	case 0:
		buf_printf(b, "Tuy nhiên, %s ở một số khu phố còn chậm; việc nhân "
		    "rộng các mô hình hiệu quả chưa được quan tâm đúng mức.",
		    PICK(g, topics));
		break;
	case 1:
		buf_printf(b, "Một số chi hội chưa chủ động phối hợp với %s trong "
		    "%s, số hội viên sinh hoạt thường xuyên chỉ đạt %u%%.",
		    PICK(g, bodies), PICK(g, topics), rnd(g, 40) + 50);
		break;
	case 2:
		buf_printf(b, "Tại hội nghị, các đại biểu đã thảo luận, đóng góp "
		    "nhiều ý kiến tâm huyết về %s và những khó khăn, vướng mắc ở "
		    "cơ sở.", PICK(g, topics));
		break;
	case 3:
		buf_printf(b, "Đồng chí %s – %s ghi nhận, biểu dương những kết quả "
		    "mà %s đạt được trong thời gian qua.", PICK(g, people),
		    PICK(g, titles), PICK(g, bodies));
		break;
	default:
		buf_printf(b, "Hội nghị đã nghe báo cáo kết quả %s và thống nhất "
		    "với dự thảo phương hướng nhiệm vụ %s.", PICK(g, topics),
		    rnd(g, 3) ? "thời gian tới" : "những tháng cuối năm");
		break;
	}
	end(b, g, MK_NARRATIVE, false);
}

/* " trước ngày 30/9" or nothing, a deadline in about a third. */
static const char *
deadline(struct minutes_gen *g, const char **sep)
{
	if (rnd(g, 3)) {
		*sep = "";
		return "";
	}
	*sep = " ";
	return PICK(g, deadlines);
}

static void
directive(struct buf *b, struct minutes_gen *g)
{
	const char *sep, *d = deadline(g, &sep);

	switch (rnd(g, 4)) {
	case 0:
		buf_printf(b, "Phát biểu kết luận, đồng chí %s đề nghị %s tiếp tục "
		    "%s%s%s; %s.", PICK(g, people), PICK(g, bodies), PICK(g, tasks),
		    sep, d, PICK(g, tasks));
		break;
	case 1:
		buf_printf(b, "Đồng thời, %s cần %s%s%s.", PICK(g, bodies),
		    PICK(g, tasks), sep, d);
		break;
	case 2:
		buf_printf(b, "Giao %s chủ trì, phối hợp với %s %s, báo cáo kết "
		    "quả về Thường trực%s%s.", PICK(g, bodies), PICK(g, bodies),
		    PICK(g, tasks), sep, d);
		break;
	default:
		buf_printf(b, "Trong thời gian tới, %s tập trung %s; chú trọng %s.",
		    PICK(g, bodies), PICK(g, tasks), PICK(g, topics));
		break;
	}
	end(b, g, MK_DIRECTIVE, false);
}

/* A heading and its list of tasks, one a line. */
static void
task_list(struct buf *b, struct minutes_gen *g)
{
	unsigned n = rnd(g, 3) + 2;

	buf_adds(b, "Nhiệm vụ trọng tâm quý IV:\n");
	g->sentences[MK_DIRECTIVE]++;
	for (unsigned i = 0; i < n; i++) {
		const char *sep, *d = deadline(g, &sep);

		buf_printf(b, "- %s %s%s%s.\n", PICK(g, bodies), PICK(g, tasks),
		    sep, d);
		g->sentences[MK_DIRECTIVE]++;
	}
}

void
minutes_directives(struct buf *b, struct minutes_gen *g)
{
	unsigned n = rnd(g, 2) + 2;

	for (unsigned i = 0; i < n; i++)
		directive(b, g);
	b->s[b->len - 1] = '\n';
}

void
minutes_meeting(struct buf *b, struct minutes_gen *g)
{
	unsigned n;

	frame(b, g);
	for (n = rnd(g, 6) + 5; n > 0; n--) {
		if (rnd(g, 3))
			result(b, g);
		else
			narrative(b, g);
		if (rnd(g, 4) == 0)
			b->s[b->len - 1] = '\n';
	}
	b->s[b->len - 1] = '\n';
	for (n = rnd(g, 3) + 1; n > 0; n--)
		narrative(b, g);
	b->s[b->len - 1] = '\n';
	minutes_directives(b, g);
	if (rnd(g, 4) == 0)
		task_list(b, g);
	buf_addc(b, '\n');
	g->meetings++;
}
