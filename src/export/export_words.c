/*
 * The words of the minutes in each language, where both languages lay a
 * part out alike (export_layout.h).  They are the document's words, not
 * the interface's: minutes are filed in the language the meeting was held
 * in, whoever prints them, so these are not translated messages.
 */
#include "config.h"

#include "export/export_layout.h"
#include "lib/buf.h"
#include "lib/cal.h"

static const char *const months_en[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

void
export_date_en(struct buf *b, const char *iso)
{
	struct ymd d;

	if (iso && cal_parse_iso(iso, &d))
		buf_printf(b, "%d %s %d", d.d, months_en[d.m - 1], d.y);
	else
		buf_adds(b, iso ? iso : "");
}

void
export_date_dmy(struct buf *b, const char *iso)
{
	struct ymd d;

	if (iso && cal_parse_iso(iso, &d))
		buf_printf(b, "%02d/%02d/%d", d.d, d.m, d.y);
	else
		buf_adds(b, iso ? iso : "");
}

const struct export_words export_words_vi = {
	.head_pre = "Thành phần tham dự: có mặt ", .head_mid = "/",
	.head_post = " đại biểu",
	.proxies_pre = " (", .proxies_post = " đại biểu dự thay)",
	.head_list = ":", .head_empty = ".",
	.role = { " (chủ trì)", " (thư ký)", "", " (khách mời)" },
	.proxy_pre = " (", .proxy_post = " dự thay)", .someone = "có người",
	.list_punct = true,
	.absent_pre = "Vắng mặt ", .absent_post = " đại biểu:",
	.absent_count = true,
	.review_title = "Kiểm điểm việc thực hiện kết luận kỳ trước",
	.due_pre = "thời hạn: ", .date = export_date_dmy,
	.status = { "chưa thực hiện", "đang thực hiện", "đã hoàn thành",
	    "không thực hiện nữa" },
	.recipients = "Nơi nhận:",
	.none = "Không có.",
};

const struct export_words export_words_en = {
	.head_pre = "Present: ", .head_mid = " of ", .head_post = "",
	.head_list = "", .head_empty = "",
	.role = { " (chair)", " (secretary)", "", " (guest)" },
	.proxy_pre = " (represented by ", .proxy_post = ")",
	.someone = "a deputy",
	.absent_pre = "Absent:", .absent_post = "",
	.review_title = "Review of previous actions",
	.due_pre = "due ", .date = export_date_en,
	.status = { "still open", "in progress", "done", "dropped" },
	.recipients = "Distribution:",
	.none = "None.",
};
