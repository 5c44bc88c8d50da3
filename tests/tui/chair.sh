#!/bin/sh
# One truth for the chair and the secretary (issue 13, point 8): the
# header's fields and the roster's roles name the same people.  Ctrl-N in
# the header's chair field offers the attendees and gives the one chosen
# the role; r in the roster names the new chair in the header (and r
# pressed on through the roles gives the role back to whom it was taken
# from); F9's checklist flags a header that names someone the roster does
# not.  And the header form has the template's fields: the place of issue
# in the Vietnamese template, not in the English one.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

attendee() {	# NAME POSITION LEFTS (1 secretary, 2 chair)
	typing a
	wait_for 'Người dự'
	typing "$1"; keys Enter
	typing "$2"; keys Enter; keys Enter
	press "$3" Left
	keys C-s
}

start "$MINUTES --lang vi new --template giaoban --title 'Giao ban quý III' --date 2024-09-13"
shows '1/6  Thành phần tham dự' "a new meeting"
attendee 'Lê Văn Bình' 'Bí thư' 2
attendee 'Nguyễn Thị Thanh' 'Chuyên viên' 1
attendee 'Trần Văn An' 'Chủ tịch' 0
shows 'Ở phần đầu: chủ trì Lê Văn Bình, thư ký Nguyễn Thị Thanh' "the roster's roles name the header's people"

# Ctrl-N in the header's chair field: the attendees; the one chosen
# chairs in the roster too.
keys F2; wait_for 'Đến phần'; typing 0
shows 'Địa danh' "the Vietnamese template's header has the place of issue"
keys Down Down Down Down Down Down Down Down
keys C-n
shows 'Trần Văn An — Chủ tịch' "Ctrl-N offers the attendees"
keys Down Down Enter
shows 'Chủ trì +Trần Văn An' "the one chosen is the chair"
stored 1 '^chair: Trần Văn An$' "in the header"
stored 1 '\| Trần Văn An \| Chủ tịch \|  \| chair \| present \|' "and in the roster"
stored 1 '\| Lê Văn Bình \| Bí thư \|  \| member \| present \|' "the former chair is a member"

# r in the roster: Lê Văn Bình, a member, to guest, then to chair.
keys F2; wait_for 'Đến phần'; typing 1
shows '1/6  Thành phần tham dự' "back to the roster"
keys Home
typing r; typing r
shows 'Ở phần đầu: chủ trì Lê Văn Bình, thư ký Nguyễn Thị Thanh' "r makes the chair the header's"
shows 'Trần Văn An +Chủ tịch +thành viên' "the chair before is a member"
typing r
shows 'Ở phần đầu: chủ trì Trần Văn An, thư ký Lê Văn Bình' "r on: the chair goes back to whom it was taken from"
shows 'Nguyễn Thị Thanh +Chuyên viên +thành viên' "the secretary's role is taken"
typing r
shows 'Ở phần đầu: chủ trì Trần Văn An, thư ký Nguyễn Thị Thanh' "r on again: the secretary's too"
shows 'Lê Văn Bình +Bí thư +thành viên' "passing through left nothing changed"
stored 1 '^secretary: Nguyễn Thị Thanh$' "the header as before"

# A chair typed in the header who is not in the roster: the checklist.
keys F2; wait_for 'Đến phần'; typing 0
i=0; while [ $i -lt 12 ]; do keys Up; i=$((i + 1)); done
keys Down Down Down Down Down Down Down Down End
i=0; while [ $i -lt 12 ]; do keys BSpace; i=$((i + 1)); done
typing 'Phạm Văn Khác'
keys Down
stored 1 '^chair: Phạm Văn Khác$' "a chair typed by hand"
keys F9
shows 'Chủ trì Phạm Văn Khác không có trong bảng thành phần tham dự' "F9 flags a chair the roster does not have"
keys Enter
shows 'Chủ trì +Phạm Văn Khác' "Enter goes to the header's chair"
keys End
i=0; while [ $i -lt 13 ]; do keys BSpace; i=$((i + 1)); done
typing 'trần văn an'
keys Down
stored 1 '\| Trần Văn An \| Chủ tịch \|  \| chair \| present \|' "named again (another case): the roster agrees"
keys F9
wait_for 'Chưa chốt được'
if screen | grep -q 'không có trong bảng thành phần'; then
	_result 1 "the mismatch is gone"
else
	_result 0 "the mismatch is gone"
fi
keys Escape
keys F10
exited 0 "leaves"

# The English template's header has no place of issue: its fields.
start "$MINUTES new --template liaison --title 'Liaison' --date 2024-09-13"
shows '1/6  Attendees' "an English meeting"
keys F2; wait_for 'Go to section'; typing 0
shows 'Recipients \(;\)' "its header form"
if screen | grep -q 'Place of issue'; then
	_result 1 "without the place of issue"
else
	_result 0 "without the place of issue"
fi
shows 'Date \(yyyy-mm-dd\) +2024-09-13' "dates as English writes them"
keys F10
exited 0 "leaves"
done_testing
