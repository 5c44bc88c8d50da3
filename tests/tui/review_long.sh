#!/bin/sh
# A review longer than its screen: 2,501 open items, of which the screen
# reads the first page before drawing and the rest while no key waits.
# Whatever the user does first (filter, End, a status key), the rows are
# all there, in order, and a filter typed at once still finds an item near
# the end of the list.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

export MINUTES_TODAY=2025-11-08
# Due dates rise with the item's number, so the review's order is known.
{
	printf -- '---\ntemplate: giaoban\ntitle: Giao ban dài\ndate: 2025-11-01\n---\n\n'
	printf '## Nhiệm vụ được giao {#tasks}\n\n'
	printf '| Người thực hiện | Nội dung | Hạn | Trạng thái |\n|---|---|---|---|\n'
	awk 'BEGIN {
		for (i = 1; i <= 2500; i++) {
			who = "Tổ dân phố số " i
			what = "Việc số " i
			if (i == 2400) {
				who = "Đội Phòng cháy phường"
				what = "Kiểm tra bình chữa cháy"
			}
			printf "| %s | %s | %04d-%02d-%02d | open |\n", who, what,
			    2030 + int(i / 336), 1 + int((i % 336) / 28), 1 + i % 28
		}
		printf "| Văn phòng | Lưu trữ hồ sơ cuối cùng |  | open |\n"
	}'
} >"$T/long.md"
expect_rc 0 "import a meeting with 2,501 tasks" "$MINUTES" import "$T/long.md"

row() { screen | sed -n "${1}p"; }

# A filter typed the moment the screen appears.
start "MINUTES_TODAY=2025-11-08 $MINUTES"
shows 'Meetings \(1\)' "the list shows the meeting"
typing a
shows 'Open action items \(2501\)' "the review counts every item"
typing '/'
typing 'phong chay'
shows 'Open action items \(1\)' "a filter typed at once looks at every row"
like "$(row 3)" '2037-02-21 +Đội Phòng cháy ph.* +Kiểm tra bình chữa cháy' "and finds the item near the end"
keys Escape
shows 'Open action items \(2501\)' "Esc gives back the whole list"
like "$(row 22)" 'Kiểm tra bình chữa cháy *$' "keeping the found item in view"
like "$(row 21)" 'Tổ dân phố số 2399 +Việc số 2399 *$' "with the items before it, in order"
keys Home
shows '^ +2030-01-02 +Tổ dân phố số 1 +Việc số 1 *$' "Home: the first item first"
keys End
shows '^ +- +Văn phòng +Lưu trữ hồ sơ cuối cùng' "End reaches the undated item, last"
like "$(row 21)" 'Tổ dân phố số 2500 +Việc số 2500 *$' "the items before it in order"
keys Up
typing d
shows 'Mark item 2500 done' "a status key on an item far down"
keys Enter
shows 'Item 2500 is now done' "the change is recorded"
shows 'Open action items \(2500\)' "and the item leaves the list"
keys Home
shows '^ +2030-01-02 +Tổ dân phố số 1 ' "Home goes back to the top"
typing q
shows 'Meetings \(1\)' "q goes back to the list"
typing q
exited 0 "quits with status 0"
done_testing
