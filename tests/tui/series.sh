#!/bin/sh
# A secretary's series, in Vietnamese, as she types it (issue 13, points
# 5-7): the first giao ban of "Giao ban thường trực Thành ủy" with dates
# and times as Vietnamese write them, at 80x24; then, at 60x20, the next
# meeting typed as "Giao ban thường trực Thành uỷ" (the tone mark in its
# other place) is the same series: it starts from the first one's header
# (organisation, place, place of issue, chair, secretary, start time,
# recipients, the number's pattern), roster and open tasks, and its biên
# bản reviews every carried task.  Dates show as dd/mm/yyyy on the
# screens and stay ISO in the files.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

# attendee NAME POSITION ORGANISATION LEFTS: the form, role by Left
# presses from "member" (1 secretary, 2 chair).
attendee() {
	typing a
	wait_for 'Người dự'
	typing "$1"; keys Enter
	typing "$2"; keys Enter
	typing "$3"; keys Enter
	press "$4" Left
	keys C-s
}

start "MINUTES_TODAY=2024-07-03 $MINUTES --lang vi"
shows 'Chưa có cuộc họp nào' "the list starts empty"
typing n
shows 'Ngày \(dd/mm/yyyy\) +03/07/2024' "the new meeting's date: today, as Vietnamese writes it"
keys Down
typing 'Giao ban thường trực Thành ủy'; keys Down
typing 'Giao ban tháng 7'; keys Down
press 10 BSpace
typing '3/7/2024'
keys C-s
shows 'Giao ban tháng 7 — 03/07/2024' "d/m/yyyy is taken; the title bar shows dd/mm/yyyy"

# The roster: chair and secretary fill the header.
attendee 'Lê Văn Bình' 'Phó Bí thư Thường trực' 'Thành ủy' 2
shows 'Ở phần đầu: chủ trì Lê Văn Bình, thư ký -' "the roster's chair is the header's"
attendee 'Nguyễn Thị Thanh' 'Chuyên viên' 'Văn phòng Thành ủy' 1
shows 'Ở phần đầu: chủ trì Lê Văn Bình, thư ký Nguyễn Thị Thanh' "and its secretary"
attendee 'Trần Văn An' 'Chủ tịch' 'Ủy ban MTTQ thành phố' 0
shows 'Trần Văn An +Chủ tịch' "three attendees"

# The header: times as typed, shown as stored; the place of issue.
keys F2; wait_for 'Đến phần'; typing 0
shows 'Chủ trì +Lê Văn Bình' "the header names the roster's chair"
shows 'Thư ký +Nguyễn Thị Thanh' "and its secretary"
keys Down; typing 'Thành ủy Hải Phòng'
keys Down; typing '15-BB/TU'
keys Down Down; typing '14h30'
keys Down; typing '16 giờ 45'
keys Down; typing 'Phòng họp số 1'
keys Down; typing 'Hải Phòng'
keys Down Down Down Down; typing 'Thường trực Thành ủy; Lưu Văn phòng'
keys Up
shows 'Bắt đầu \(GG:PP\) +14:30' "14h30 is stored as 14:30"
shows 'Kết thúc \(GG:PP\) +16:45' "16 giờ 45 as 16:45"
stored 1 '^locality: Hải Phòng$' "the place of issue is a field of the form"
stored 1 '^start: 14:30$' "the file has HH:MM"

# A date that is no day is refused, saying why, in Vietnamese.
keys Up Up Up Up Up Up Up Up Up Up Up Up
keys Down Down Down End
press 10 BSpace; typing '31/9/2024'
keys Down
shows 'Ngày: "31/9/2024": tháng 9 năm 2024 chỉ có 30 ngày' "no such day: why, in Vietnamese"
keys Up; press 9 BSpace; typing '3/7'
keys Down
shows 'Ngày \(dd/mm/yyyy\) +03/07/2024' "d/m is the meeting's year"

# Tasks, their dues typed as Vietnamese write them.
keys F2; wait_for 'Đến phần'; typing 6
shows '6/6  Nhiệm vụ được giao' "the tasks"
typing a; wait_for 'Nhiệm vụ mới'
typing 'Ủy ban MTTQ thành phố'; keys Enter
typing 'Rà soát danh sách hộ nghèo'; keys Enter
typing '15/09/2024'; keys C-s
shows 'Rà soát danh sách hộ nghèo +15/09/2024' "a due typed dd/mm/yyyy, shown so"
typing a; wait_for 'Nhiệm vụ mới'
typing 'Thành đoàn'; keys Enter
typing 'Tổ chức ra quân hè'; keys Enter
typing '31/02/2024'; keys C-s
shows '"31/02/2024": tháng 2 năm 2024 chỉ có 29 ngày' "a due that is no day: why"
keys Enter
press 10 BSpace; typing '20/7'; keys C-s
shows 'Tổ chức ra quân hè +20/07/2024' "d/m: the next such day"
stored 1 '\| Thành đoàn \| Tổ chức ra quân hè \| 2024-07-20 \| open \|' "dues stay ISO in the file"
keys F10
shows '03/07/2024 Giao ban tháng 7' "the list shows the date as Vietnamese writes it"

# The next meeting, at 60x20, with the tone mark in its other place.
tm resize-window -t t:0 -x 60 -y 20
typing n
wait_for 'Cuộc họp mới'
keys Down
typing 'Giao ban thường trực Thành uỷ'; keys Down
typing 'Giao ban tháng 8'; keys Down
press 10 BSpace; typing '7/8/2024'
keys C-s
shows 'Kiểm điểm việc thực hiện' "the same series: it opens on the review"
shows 'Ủy ban … +Rà soát danh s… +15/09/2024 +chưa làm' "the first carried task, its due as Vietnamese writes it"
shows 'Thành đ… +Tổ chức ra quâ… +20/07/2024 +chưa làm' "the second"
keys Down
typing d; wait_for 'Ghi chú'
typing 'Xong trước hạn'; keys Enter
keys F2; wait_for 'Đến phần'; typing 0
shows 'Cơ quan +Thành ủy Hải Phòng' "the organisation carries over"
shows 'Số +…-BB/TU' "the number's pattern, to be numbered"
shows 'Bắt đầu \(GG:PP\) +14:30' "the start time"
shows 'Địa điểm +Phòng họp số 1' "the place"
shows 'Địa danh +Hải Phòng' "the place of issue"
shows 'Chủ trì +Lê Văn Bình' "the chair"
shows 'Thư ký +Nguyễn Thị Thanh' "the secretary"
shows 'Loạt họp +Giao ban thường trực Thành ủy' "the series as stored"
stored 2 '^recipients: Thường trực Thành ủy; Lưu Văn phòng$' "the recipients"
stored 2 '^number: …-BB/TU$' "the number's pattern is stored"
stored 2 '\| Trần Văn An \| Chủ tịch \| Ủy ban MTTQ thành phố \| member \| present \|' "the roster"
keys F10
shows '07/08/2024 Giao ban tháng 8' "two meetings in the list"

is "$("$MINUTES" list --json | grep -o '"series":"[^"]*"' | sort -u)" \
    '"series":"Giao ban thường trực Thành ủy"' "one series, one spelling"
"$MINUTES" export 2 --format text >"$T/bb.txt" 2>&1
like "$(cat "$T/bb.txt")" 'Ủy ban MTTQ thành phố: Rà soát danh sách hộ nghèo \(thời hạn: 15/09/2024\)' \
    "the biên bản reviews the unanswered carried task"
like "$(tr '\n' ' ' <"$T/bb.txt")" 'Thành đoàn: Tổ chức ra quân hè \(thời hạn: 20/07/2024\) — +(đã hoàn +thành|đã +hoàn thành)' \
    "and the answered one, with its status"
like "$(cat "$T/bb.txt")" 'Số …-BB/TU' "the number prints as a draft's"

# Ctrl-N in a series field offers the series so far that hold what is
# typed, folded; the one chosen fills the field; none matching is said.
# First in the new meeting's form, then in the header.
typing n
wait_for 'Ngày \(dd/mm/yyyy\)'
keys Down
typing 'thanh uy'
keys C-n
shows '─ Loạt họp ─' "Ctrl-N in the new meeting's series field offers the series"
keys Enter
shows 'Loạt họp +Giao ban thường trực Thành ủy' "the one chosen fills the field"
press 40 BSpace
typing 'zzz'
keys C-n
shows 'Không có loạt họp nào khớp\.' "a series no earlier one matches is said"
keys Enter
keys Escape
wait_for '07/08/2024 Giao ban tháng 8'
keys Enter
wait_for 'Giao ban tháng 8'
keys F2; wait_for 'Đến phần'; typing 0
wait_for 'Loạt họp +Giao ban thường trực Thành ủy'
press 10 Down
keys End
press 40 BSpace
typing 'zzz'
keys C-n
shows 'Không có loạt họp nào khớp\.' "the header's series field: none matching is said"
keys Enter
press 3 BSpace
typing 'THÀNH UY'
keys C-n
wait_for '─ Loạt họp ─'
keys Enter
stored 2 '^series: Giao ban thường trực Thành ủy$' "the header's series field: the one chosen is stored"
keys F10
wait_for '07/08/2024 Giao ban tháng 8'
typing q
exited 0 "q quits"
done_testing
