#!/bin/sh
# The meeting list: empty at first, `n` creates a meeting through its form
# and opens the editor, the list shows it; the interface speaks Vietnamese
# with --lang vi or a Vietnamese locale; new and edit check their
# arguments before any screen opens.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"
export MINUTES_TODAY=2023-11-15

start "MINUTES_TODAY=2023-11-15 $MINUTES"
shows 'No meetings yet' "the list starts empty"
typing '?'
shows 'Keys of the meeting list' "? shows the keys"
keys Escape
typing n
shows 'New meeting' "n opens the new-meeting form"
shows 'Date \(yyyy-mm-dd\) +2023-11-15' "the date defaults to today, as English writes it"
keys Right
shows '< Hội nghị giao ban \(giaoban\) >' "the template is chosen with Left/Right"
keys Down
typing 'giao-ban-thang'; keys Enter
typing 'Giao ban tháng 11'; keys Enter
keys Enter
shows 'Giao ban tháng 11 — 2023-11-15' "the new meeting opens in the editor"
keys F10
shows '2023-11-15 Giao ban tháng 11 +giao-ban-thang' "the list shows it"
shows 'Meetings \(1\)' "with the count"
shows 'a tasks  / find  e export  q quit' "the status line names the list's keys"
keys Enter
shows '1/6  Thành phần tham dự' "Enter opens it"
keys F10
wait_for 'Meetings \(1\)'
typing q
exited 0 "q quits with status 0"

start "$MINUTES --lang vi"
shows 'Cuộc họp \(1\)' "--lang vi: the list speaks Vietnamese"
shows 'Enter mở  n mới  a nhiệm vụ  / tìm  e xuất  q thoát' "--lang vi: Vietnamese status line, naming the list's keys"
keys Enter
shows 'F1 trợ giúp  F10 rời' "--lang vi: the editor speaks Vietnamese"
keys F1
shows 'Phím của bảng thành phần tham dự' "--lang vi: Vietnamese help"
keys Escape
keys F10
wait_for 'Cuộc họp'
typing q
exited 0 "--lang vi: quits"

if locale -a 2>/dev/null | grep -qi '^vi_VN.utf-\?8$'; then
	TUI_LOCALE=vi_VN.UTF-8 start "$MINUTES"
	shows 'Cuộc họp \(1\)' "vi_VN.UTF-8: Vietnamese list"
	typing q
	exited 0 "vi_VN.UTF-8: quits"
else
	skipped "vi_VN.UTF-8: Vietnamese list" "locale not generated"
	skipped "vi_VN.UTF-8: quits" "locale not generated"
fi

# Control characters stored in a text are shown escaped, never sent raw.
printf -- '---\ntemplate: giaoban\ntitle: Điều khiển\ndate: 2023-11-16\n---\n\n## Kết quả đạt được {#results}\n\nchuông \007 và esc \033[31m đỏ\n' >"$T/ctl.md"
expect_rc 0 "a meeting with control characters" "$MINUTES" import "$T/ctl.md"
start "$MINUTES edit 2 --section results"
shows 'chuông \^G và esc \^\[\[31m đỏ' "control characters are shown as ^G and ^["
if tm capture-pane -p -e -t t:0 | grep 'chuông' | grep -q "$(printf '\033')\[31m"; then
	_result 1 "the escape sequence did not reach the terminal"
else
	_result 0 "the escape sequence did not reach the terminal"
fi
keys F10
exited 0 "left the meeting with control characters"

# Arguments are checked without a terminal, and nothing is created.
expect_rc 2 "new: a bad date is bad usage" "$MINUTES" new --date 2023-02-30 </dev/null
one_line_error "new: bad date: one line"
expect_rc 2 "new: an unknown template is bad usage" "$MINUTES" new --template nosuch </dev/null
expect_rc 1 "new: no terminal, no screen" "$MINUTES" new --title X </dev/null
like "$(cat "$T/err")" 'needs a terminal' "new: says it needs a terminal"
is "$("$MINUTES" list --json | grep -o '"id"' | wc -l | tr -d ' ')" 2 "nothing was created"
expect_rc 2 "edit: no such meeting" "$MINUTES" edit 99 </dev/null
expect_rc 2 "edit: no such section" "$MINUTES" edit 1 --section nosuch </dev/null
like "$(cat "$T/err")" 'no section "nosuch"' "edit: names the section"
expect_rc 2 "edit: an id is needed" "$MINUTES" edit </dev/null
expect_rc 0 "no command and no terminal prints the usage" "$MINUTES" </dev/null
like "$(cat "$T/out")" 'Usage: minutes' "the usage"

# A list longer than a screen: its first screen shows the count of all,
# the rest is read while no key comes, and End reaches the oldest.
for i in $(seq 1 60); do
	printf -- '---\ntemplate: giaoban\ntitle: Họp số %02d\ndate: 2020-01-%02d\n---\n' \
	    "$i" "$(( (i - 1) % 28 + 1 ))" | "$MINUTES" import - >/dev/null 2>&1
done
is "$("$MINUTES" list --json | grep -o '"id"' | wc -l | tr -d ' ')" 62 "60 more meetings"
start "$MINUTES"
shows 'Meetings \(62\)' "the count is of every meeting from the first screen"
keys End
shows '^ 2020-01-01 Họp số 01 *$' "End reaches the oldest meeting"
keys Home
shows '^ 2023-11-16 Điều khiển *$' "Home the newest"
typing q
exited 0 "quits the long list"
done_testing
