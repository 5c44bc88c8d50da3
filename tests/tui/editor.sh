#!/bin/sh
# The editor end to end: create a meeting, fill the header and the
# attendees, type Vietnamese (precomposed and with combining marks) into
# several sections, move around, resize, undo, paste 2,000 lines, leave,
# and find every word in the Markdown export.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

start "$MINUTES new --template giaoban --title 'Giao ban quý III' --date 2023-09-13"
shows 'Thành phần tham dự' "new opens the editor on the first section"
shows 'Giao ban quý III — 2023-09-13' "the title bar shows title and date"
shows 'Ghi đủ người chủ trì' "the section's guidance is shown"

# Attendees table.
typing a
shows 'Attendee' "a opens the attendee form"
typing 'Trịnh Quang Trường'; keys Enter
typing 'Phó Bí thư Thường trực'; keys Enter
typing 'Quận ủy'; keys Enter
keys Left Left; keys Enter		# role: from member to chair
keys Enter				# presence: present
keys Enter				# represented by: empty; accepts
shows 'Trịnh Quang Trường +Phó Bí thư' "the attendee is in the table"
typing p
shows 'absent' "p toggles presence"
stored 1 '\| Trịnh Quang Trường \| Phó Bí thư Thường trực \| Quận ủy \| chair \| absent \|' "the attendee is saved"

# Results: precomposed text, two paragraphs.
keys Tab
shows '2/6  Kết quả đạt được' "Tab goes to the next section"
typing 'Đạt 92,3% kế hoạch, 12/12 phường hoàn thành chỉ tiêu.'; keys Enter
typing 'Tăng 27% so với cùng kỳ.'
shows 'Tăng 27% so với cùng kỳ\.' "typed text is shown"
stored 1 '^Tăng 27% so với cùng kỳ\.$' "results are saved by themselves"

# Limitations: decomposed input (base letter, then its marks).
keys C-NPage
shows '3/6  Hạn chế' "Ctrl-PgDn goes to the next section"
typing "$(printf 'Ha\314\243n che\314\202\314\201 ve\314\202\314\200 nguo\314\202\314\200n lu\314\233\314\243c')"
shows 'Hạn chế về nguồn lực' "combining marks are shown composed"
stored 1 '^Hạn chế về nguồn lực$' "and stored as NFC"
keys BSpace BSpace
typing 'ực.'
stored 1 '^Hạn chế về nguồn lực\.$' "backspace removes whole letters"

# Opinions, then back with Ctrl-PgUp and the section menu.
keys Tab
typing 'Đồng chí Chủ tịch Hội Nông dân: đề nghị hỗ trợ vốn.'
keys C-PPage
shows '3/6  Hạn chế' "Ctrl-PgUp goes back"
keys BTab
shows '2/6  Kết quả' "Shift-Tab goes back"
keys F2
shows 'Go to section' "F2 lists the sections"
typing 5
shows '5/6  Kết luận' "the menu jumps to any section"

# Conclusions: undo and redo, word moves.
typing 'Kết luận một hai ba'
keys C-z
shows 'Kết luận một hai *$' "Ctrl-Z undoes the last word"
keys C-y
shows 'Kết luận một hai ba' "Ctrl-Y redoes it"
keys C-Left C-Left
typing 'XX '
shows 'Kết luận một XX hai ba' "Ctrl-Left moves by word"
keys End
typing '.'
stored 1 '^Kết luận một XX hai ba\.$' "conclusions saved"

# Resizing redraws the whole screen at any size.
tm resize-window -t t:0 -x 60 -y 20
shows '5/6  Kết luận' "redrawn at 60x20"
shows 'F1 help' "the status line is still there at 60x20"
tm resize-window -t t:0 -x 120 -y 40
shows 'Ghi rõ đơn vị được giao' "at 120x40 the guidance is at the side"
tm resize-window -t t:0 -x 80 -y 24
shows 'Kết luận một XX hai ba\.' "back to 80x24"

# A bracketed paste of 2,000 lines goes in as one step.
keys Tab Tab	# tasks, then the header; then on to opinions
keys F2; wait_for 'Go to section'; typing 4
shows '4/6  Ý kiến' "at opinions"
keys C-End; keys Enter
i=1
while [ $i -le 2000 ]; do
	echo "Dòng $i: Ủy ban MTTQ phường rà soát chỉ tiêu."
	i=$((i + 1))
done >"$T/paste.txt"
tm load-buffer -b p "$T/paste.txt"
tm paste-buffer -p -b p -t t:0
shows 'Dòng 2000: Ủy ban MTTQ' "the paste is shown, cursor at its end" 20
stored 1 '^Dòng 2000: Ủy ban MTTQ phường rà soát chỉ tiêu\.$' "the paste is saved" 20
keys C-z
shows 'đề nghị hỗ trợ vốn\.' "one undo removes the whole paste"
keys C-y
stored 1 '^Dòng 2000:' "redo puts the paste back" 20

# The header form.
keys F2; wait_for 'Go to section'; typing 0
shows 'Meeting details' "the header form"
keys Down
typing 'Quận ủy Ngô Quyền'
keys Down Down Down
typing '14:00'
keys Down
typing '25:99'
keys Down
shows 'End: "25:99": hours go from 0 to 23' "a bad time is refused with a message"
stored 1 '^organisation: Quận ủy Ngô Quyền$' "header fields are saved"
stored 1 '^start: 14:00$' "start time saved"

# Leaving with a field that cannot be saved asks first.
keys F10
shows 'Leave anyway' "leaving with unsaved text asks"
typing n
keys Up
keys BSpace BSpace BSpace BSpace BSpace
keys F10
exited 0 "F10 leaves with status 0"
"$MINUTES" export 1 --format md >"$T/out.md"
like "$(cat "$T/out.md")" 'Đạt 92,3% kế hoạch, 12/12 phường hoàn thành chỉ tiêu\.' "results in the export"
is "$(grep -c '^Dòng [0-9]*: Ủy ban' "$T/out.md")" 2000 "all 2,000 pasted lines in the export"
is "$(grep -c '^end:' "$T/out.md")" 0 "the bad end time was not stored"
done_testing
