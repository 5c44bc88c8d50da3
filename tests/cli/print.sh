#!/bin/sh
# The HTML page printed by a browser: headless Chromium prints a short
# meeting to one A4 page, and a long one with its page number on page 2.
. "${top_srcdir:-.}/tests/cli/lib.sh"

CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || skip_all "needs Chromium (apt-get install chromium)"
needs pdfinfo "needs pdfinfo (apt-get install poppler-utils)"

# print HTML PDF: prints the page with the page's own margins.
print() {
	"$CHROME" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	    --user-data-dir="$T/chrome" --print-to-pdf="$2" "file://$1" \
	    >"$T/chrome.log" 2>&1
}

cat >"$T/short.md" <<'MD'
---
template: giaoban
title: Giao ban tháng 10
organisation: Quận ủy Ngô Quyền
style: party
date: 2025-10-06
start: 08:00
end: 09:30
place: Phòng họp số 2
chair: Lê Văn Hùng
secretary: Trần Thu Hà
recipients: Thường trực Quận ủy; Lưu Văn phòng
---

## Thành phần tham dự {#attendees}

| Họ và tên | Chức vụ | Đơn vị | Vai trò | Có mặt |
|---|---|---|---|---|
| Lê Văn Hùng | Phó Bí thư | Quận ủy | chair | present |
| Trần Thu Hà | Chuyên viên | Văn phòng Quận ủy | secretary | present |

## Kết quả đạt được {#results}

Các đơn vị hoàn thành kế hoạch tháng 10.

## Kết luận của chủ trì {#conclusions}

Tiếp tục triển khai kế hoạch tháng 11.

## Nhiệm vụ được giao {#tasks}

| Người thực hiện | Nội dung | Hạn | Trạng thái |
|---|---|---|---|
| Quận đoàn | Báo cáo kết quả tháng 11 | 2025-11-30 | open |
MD
expect_rc 0 "import a short meeting" "$MINUTES" import "$T/short.md"
sid=$(cat "$T/out")
expect_rc 0 "export it as html" "$MINUTES" export "$sid" --format html -o "$T/short.html"
print "$T/short.html" "$T/short.pdf"
[ -s "$T/short.pdf" ]; _result $? "Chromium prints the page"
pdfinfo "$T/short.pdf" >"$T/info" 2>&1
like "$(cat "$T/info")" '^Pages: +1$' "a short meeting is one page"
like "$(cat "$T/info")" 'Page size: +59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)' "on A4"
pdftotext -layout "$T/short.pdf" "$T/short.txt" 2>/dev/null
like "$(cat "$T/short.txt")" 'ĐẢNG CỘNG SẢN VIỆT NAM' "the Party's name printed"
like "$(cat "$T/short.txt")" 'BIÊN BẢN' "BIÊN BẢN printed"

expect_rc 0 "import a long meeting" "$MINUTES" import "$FIX/vi-quarterly.md"
lid=$(cat "$T/out")
expect_rc 0 "export it as html" "$MINUTES" export "$lid" --format html -o "$T/long.html"
print "$T/long.html" "$T/long.pdf"
pdfinfo "$T/long.pdf" | grep '^Pages:' >"$T/pages"
like "$(cat "$T/pages")" '^Pages: +[2-9]' "a long meeting runs over pages"
pdftotext -f 2 -l 2 "$T/long.pdf" "$T/p2" 2>/dev/null
is "$(grep -v '^[[:space:]]*$' "$T/p2" | head -1 | tr -d ' \f')" 2 "page 2 is numbered at its top"
done_testing
