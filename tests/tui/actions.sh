#!/bin/sh
# The action review screen: `a` in the meeting list opens it; overdue items
# first, marked by a word and in red, those due within a week "soon"; a
# status key asks for a note and records it (read back with `minutes
# action ID`); `/` narrows the list as the user types, folding case and
# diacritics, and Esc clears it; Enter shows the item with its history and
# source, and j opens the meeting there.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

export MINUTES_TODAY=2025-11-08
import_actions thang-9 thang-10 quy-4

# row N: the text of the pane's line N (1-based).
row() { screen | sed -n "${1}p"; }

start "MINUTES_TODAY=2025-11-08 $MINUTES"
shows 'Meetings \(3\)' "the list shows the meetings"
typing a
shows 'Open action items \(13\)' "a opens the review with the open items"
like "$(row 3)" '^ overdue +2025-10-10 +Ủy ban MTTQ quận +Rà soát danh sách' "overdue first, marked with a word"
like "$(row 6)" '^ overdue +2025-11-05 +Đoàn Thanh niên' "every overdue item before the others"
like "$(row 7)" '^ soon +2025-11-10 +Ủy ban MTTQ Việt' "due within a week: soon"
like "$(row 15)" '^ +- +Democratic Servic.* Agree a common' "undated last"
like "$(row 15)" 'Democratic Servi[a-z]*… ' "a cut cell ends in an ellipsis"
if tm capture-pane -p -e -t t:0 | grep 'Tập huấn' | grep -q '31m'; then
	_result 0 "overdue is drawn in red"
else
	_result 1 "overdue is drawn in red"
fi
tm resize-window -t t:0 -x 60 -y 16
shows '^ Open action items \(13\) +today 2025-11-08 *$' "redrawn to a narrower window"
like "$(screen | sed -n 16p)" 'F1 help *$' "the status line is on the last row"
tm resize-window -t t:0 -x 130 -y 40
shows '^ overdue +2025-10-10 +Ủy ban MTTQ quận +Rà soát danh sách hộ cận nghèo +open +2025-09-25 *$' "a wide window shows whole texts, then status and meeting"
tm resize-window -t t:0 -x 80 -y 24
wait_for '^ Open action items \(13\) {40,}today'
typing '?'
shows 'Keys of the action review' "? shows the keys"
keys Escape
wait_for 'Open action items'

# Mark the first item done with a note.
typing d
shows 'Mark item 1 done' "d asks for a note"
typing 'đã rà soát xong'
keys Enter
shows 'Item 1 is now done' "the change is confirmed"
shows 'Open action items \(12\)' "a done item leaves the open list"
expect_rc 0 "action 1 shows the item" "$MINUTES" action 1
like "$(cat "$T/out")" 'open -> done: đã rà soát xong' "status and note are in the history"
like "$(grep -i '^ *Status' "$T/out")" 'done' "the status is stored"

# Esc in the note prompt changes nothing.
typing x
shows 'Mark item 3 dropped' "x asks for a note"
keys Escape
wait_for 'Open action items \(12\)'
is "$("$MINUTES" actions --json | python3 -c 'import json,sys; print([o["status"] for o in json.load(sys.stdin) if o["id"]==3][0])')" doing "Esc cancels the change"

# An empty note is fine; the same status again changes nothing.
typing o
shows 'Mark item 3 open' "o asks for a note"
keys Enter
shows 'Item 3 is now open' "an empty note is accepted"
expect_rc 0 "action 3 shows the item" "$MINUTES" action 3
like "$(cat "$T/out")" 'doing -> open$' "the change is in the history, without a note"
typing o
wait_for 'Mark item 3 open'
keys Enter
shows 'Item 3 is already open' "the same status again is said so"

# The filter narrows as one types, folded; Esc clears it.
typing /
typing 'uy ban mttq'
shows 'Open action items \(1\)' "the filter narrows the list as one types"
like "$(row 3)" 'Ủy ban MTTQ Việt' "'uy ban mttq' finds 'Ủy ban MTTQ'"
keys Escape
shows 'Open action items \(12\)' "Esc clears the filter"
typing /
typing 'ĐOÀN'
keys Enter
shows 'Filter: +ĐOÀN' "Enter keeps the filter"
shows 'Open action items \(4\)' "the typed word is folded too"
keys Escape
shows 'Open action items \(12\)' "Esc clears a kept filter"

# Enter shows the item; j opens the meeting.
typing /
typing 'uy ban mttq'
wait_for 'Open action items \(1\)'
keys Enter
keys Enter
shows 'History:' "Enter shows the item with its history"
shows 'created as doing' "its creation"
shows 'Source' "and its source"
typing j
shows 'Giao ban tháng 10' "j opens the meeting"
keys F10
shows 'Open action items' "back in the review after the editor"

shows 'Filter: +uy ban mttq' "the filter stays after the editor"
keys Escape
wait_for 'Open action items \(12\)'
typing A
shows 'All action items \(16\)' "A shows every status"
typing q
shows 'Meetings \(3\)' "q goes back to the list"
typing q
exited 0 "quits with status 0"

# In Vietnamese: the words of the marker column and whole labels.
start "MINUTES_TODAY=2025-11-08 $MINUTES --lang vi"
wait_for 'Cuộc họp \(3\)'
typing a
shows 'Nhiệm vụ đang mở \(12\)' "--lang vi: the review speaks Vietnamese"
like "$(row 3)" '^ quá hạn +20/10/2025' "--lang vi: overdue is 'quá hạn', the due as Vietnamese writes it"
like "$(screen)" '^ đang làm +- ' "--lang vi: the marker column fits 'đang làm' whole"
typing d
shows '^ +│ Ghi chú +│$' "--lang vi: the note's label is whole"
like "$(screen)" 'Đánh dấu nhiệm vụ [0-9]+: đã xong' "--lang vi: the status in the title is Vietnamese"
keys Escape
wait_for 'Nhiệm vụ đang mở'
typing g
wait_for 'Ghi chú'
keys Enter
shows 'Nhiệm vụ [0-9]+ giờ là đang làm\.' "--lang vi: the status in the message is Vietnamese"
keys Enter
shows 'chưa làm -> đang làm' "--lang vi: the history names statuses in Vietnamese"
typing q
typing q
wait_for 'Cuộc họp \(3\)'
typing q
exited 0 "--lang vi: quits"
# Issue 13: the status, the meeting and the latest note as the width
# allows, and under the list what the columns leave out; filters by field
# as `minutes actions` has them, and quoted phrases.
start "MINUTES_TODAY=2025-11-08 $MINUTES"
wait_for 'Meetings \(3\)'
typing a
wait_for 'Open action items \(12\)'
shows '^ #3 doing  ·  meeting 2025-09-25 Giao ban tháng 9 năm 2025 *$' "80 columns: the selected item's status and meeting under the list"
typing /
typing 'status:doing'
shows 'Open action items \(3\)' "status: filters by status"
keys C-u
# One filter a line: backspaces to clear the one before, what is typed,
# what the screen comes to show, the result's name.
while IFS='|' read -r n text want name <&3; do
	press "$n" BSpace
	typing "$text"
	shows "$want" "$name"
done 3<<'EOF'
12|meeting:2|Open action items \(6\)|meeting: filters by the meeting's id
9|assignee:"uy ban"|Open action items \(1\)|assignee: with a quoted value
20|due:30/11/2025|Open action items \(5\)|due: is due before the date, typed dd/mm/yyyy
20|due:31/02/2025|"31/02/2025" is not a date|a date that is none is said in the status line
20|"với chuyển đổi"|Open action items \(1\)|a quoted phrase
20|"chuyển đổi với"|No item matches the filter|a phrase is its words in that order
20|chuyển với|Open action items \(1\)|the same words unquoted match in any order
20|status:done|All action items \(3\)|status:done reads the closed items too
EOF
tm resize-window -t t:0 -x 160 -y 24
shows ' Meeting +Note *$' "160 columns: the meeting and note columns"
shows '^ done +2025-10-10 +Ủy ban MTTQ quận +Rà soát danh sách hộ cận nghèo +done +2025-09-25 Giao ban tháng 9 năm… +đã rà soát xong *$' "the note column holds the latest note"
tm resize-window -t t:0 -x 80 -y 24
keys Escape
keys Escape
wait_for 'All action items \(16\)'
typing q
wait_for 'Meetings'
typing q
exited 0 "quits"

# In Vietnamese the fields have Vietnamese names too.
start "MINUTES_TODAY=2025-11-08 $MINUTES --lang vi"
wait_for 'Cuộc họp \(3\)'
typing a
wait_for 'Nhiệm vụ đang mở \(12\)'
typing /
typing 'tt:đang'
shows 'Nhiệm vụ đang mở \(3\)' "tt: is status:, in Vietnamese"
press 10 BSpace
typing 'người:"phụ nữ" họp:1'
shows 'Nhiệm vụ đang mở \(1\)' "người: and họp: together"
keys Escape
typing q
wait_for 'Cuộc họp'
typing q
exited 0 "--lang vi: quits"
done_testing
