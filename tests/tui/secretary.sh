#!/bin/sh
# The screens as a secretary meets them (issue 13, points 9 and 12-15):
# F8 gives the floor to the next attendee in "Ý kiến đại biểu" and Ctrl-N
# completes a speaker's name from the roster and earlier meetings; cut
# text ends in "…", an unfocused field shows its start; yes/no questions
# take c/k in Vietnamese; the task form speaks the template's words; F1
# fits or scrolls at 60x20; tables say their keys in the status line; the
# extractor is told the section, F7 mutes one section and is remembered,
# a rule at PCRE2's match limit is said; bidi controls are shown by name.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"
export MINUTES_TODAY=2024-07-03

# An earlier meeting of the series, with someone not at the new one.
cat >"$T/old.md" <<'EOF'
---
template: giaoban
series: giao-ban-thuong-truc
title: Giao ban thường trực tháng 6
date: 2024-06-05
---

## Thành phần tham dự {#attendees}

| Họ và tên | Chức vụ | Đơn vị | Vai trò | Có mặt |
|---|---|---|---|---|
| Đỗ Minh Khoa | Trưởng ban | Ban Dân vận Quận ủy | member | present |
EOF
cat >"$T/new.md" <<'EOF'
---
template: giaoban
series: giao-ban-thuong-truc
title: Hội nghị giao ban thường trực Quận ủy Ngô Quyền với Ủy ban MTTQ và các đoàn thể
organisation: Quận ủy Ngô Quyền
date: 2024-07-03
---

## Thành phần tham dự {#attendees}

| Họ và tên | Chức vụ | Đơn vị | Vai trò | Có mặt |
|---|---|---|---|---|
| Nguyễn Văn An | Bí thư | Quận ủy | chair | present |
| Trần Thị Bình | Chuyên viên | Văn phòng Quận ủy | secretary | present |
| Lê Thị Thu | Chủ tịch | Ủy ban MTTQ quận | member | present |
| Phạm Văn Cường | Bí thư | Quận đoàn | member | absent |
| Hoàng Thị Dung | Chủ tịch | Hội Liên hiệp Phụ nữ quận | member | present |
EOF
expect_rc 0 "import the earlier meeting" "$MINUTES" import "$T/old.md"
expect_rc 0 "import the meeting" "$MINUTES" import "$T/new.md"

# --- Speakers (point 9) -------------------------------------------------
start "$MINUTES --lang vi edit 2 --section opinions"
shows '4/6  Ý kiến đại biểu' "the editor is on the opinions"
shows 'F8 người phát biểu tiếp' "the status line names F8"
keys F8
shows '^ Đồng chí Lê Thị Thu, Chủ tịch Ủy ban MTTQ quận: *$' "F8: the first member present, with position and organisation"
typing 'Đề nghị tăng cường tuyên truyền.'
keys F8
shows '^ Đồng chí Hoàng Thị Dung, Chủ tịch Hội Liên hiệp Phụ nữ quận: *$' "F8 after an opinion: a new paragraph for the next, the absent one left out"
keys F8
shows '^ Đồng chí Nguyễn Văn An, Bí thư Quận ủy: *$' "F8 again at once: the one after instead (the chair last)"
is "$(screen | grep -c 'Hoàng Thị Dung')" 0 "the one put before is taken back"
typing 'Thống nhất.'
keys Enter
keys Enter
typing 'Đồng chí khoa'
keys C-n
shows '^ Đồng chí Đỗ Minh Khoa, Trưởng ban Ban Dân vận Quận ủy: *$' "Ctrl-N completes a name from an earlier meeting of the series"
keys Enter
keys Enter
typing 'hoàng'
keys C-n
shows '^ Đồng chí Hoàng Thị Dung, Chủ tịch Hội Liên hiệp Phụ nữ quận: *$' "Ctrl-N completes a name from the roster, folding marks"
stored 2 '^Đồng chí Lê Thị Thu, Chủ tịch Ủy ban MTTQ quận: Đề nghị tăng cường tuyên truyền\.$' "the opinions are stored with their speakers"
is "$(export_md 2 | grep -A2 'tuyên truyền\.$' | tail -2 | tr '\n' '|')" "|Đồng chí Nguyễn Văn An, Bí thư Quận ủy: Thống nhất.|" "a blank line between two opinions"
keys F10
exited 0 "the editor leaves"

# --- The tables' status line, c/k answers (points 13, 14) --------------
start "$MINUTES --lang vi edit 2 --section attendees"
shows '1/6  Thành phần tham dự' "the editor is on the attendees"
shows 'a thêm  Enter sửa  d xóa' "the roster's status line names its keys"
is "$(screen | grep -c 'Cứ gõ')" 0 "and not typing"
keys End
typing d
shows 'Xóa Hoàng Thị Dung khỏi thành phần tham dự\? \(c/k\)' "the question offers c/k in Vietnamese"
typing k
shows '4/5 có mặt' "k (không) keeps the attendee"
typing d
wait_for '\(c/k\)'
typing c
shows '3/4 có mặt' "c (có) deletes"
typing d
wait_for '\(c/k\)'
typing y
shows '3/3 có mặt' "y is taken too"
keys F10
exited 0 "leaves after the roster"

# --- The task form, fields, cut text (points 12, 13) -------------------
start "$MINUTES edit 2 --section tasks"
shows '6/6  Nhiệm vụ được giao' "the editor is on the tasks"
shows 'a add  Enter edit  d delete  s status' "the tasks table's status line names its keys"
typing a
shows '│ Người thực hiện +│' "the task form's labels are the template's headings"
shows '│ Hạn +│' "the due date's too"
shows '^ +│ .*│$' "the form has side frames"
keys Down
typing 'Tổ chức Hội nghị tổng kết phong trào thi đua Dân vận khéo năm 2024, mời đủ các phường'
keys Down
shows '│ Nội dung +Tổ chức Hội nghị tổng kết .*… │' "an unfocused field shows the start of its text, cut with …"
keys C-s
shows 'Tổ chức Hội nghị' "the task is added"
tm resize-window -t t:0 -x 60 -y 20
shows '^ Hội nghị giao ban thường trực.*… +3/3 present  #2 *$' "a cut title ends in …"
shows '^ Người th[^ ]*… ' "a cut table heading ends in …"
shows ' Trạng thái *$' "the status column fits its heading"
# F1 fits or scrolls at 60x20.
keys F1
shows 'Keys of the tasks table' "F1 at 60x20"
shows '└─+┘' "the help's frame is whole"
tm resize-window -t t:0 -x 50 -y 14
shows 'Up/Down scroll' "smaller: the help says it scrolls"
keys End
shows 'leave the meeting' "and its last key can be reached"
keys Escape
tm resize-window -t t:0 -x 80 -y 24
keys F10
exited 0 "leaves after the tasks"

# --- Suggestions (point 15) ----------------------------------------------
start "$MINUTES edit 2 --section results"
shows '2/6  Kết quả đạt được' "the editor is on the results"
typing 'Hội Nông dân cần tiếp tục rà soát hộ nghèo.'
stored 2 'tiếp tục rà soát hộ nghèo\.$' "typed into the results"
is "$(screen | grep -c 'Suggested tasks')" 0 "results: a subject and a modal suggest nothing"
keys F10
exited 0 "leaves the results"
start "$MINUTES edit 2 --section conclusions"
shows '5/6  Kết luận của chủ trì' "the editor is on the conclusions"
typing 'Hội Nông dân cần tiếp tục rà soát hộ nghèo.'
shows 'Suggested tasks \(1\)' "conclusions: the same sentence is a task"
keys F7
shows 'Suggested tasks hidden in this section; F7 shows them' "F7 mutes the section"
shows 'Guidance' "the panel is gone"
keys F10
exited 0 "leaves the conclusions"
start "$MINUTES edit 2 --section conclusions"
shows '5/6  Kết luận của chủ trì' "opened again"
keys C-End
typing ' Đề nghị Đoàn Thanh niên báo cáo trước ngày 20/12/2024.'
stored 2 'báo cáo trước ngày 20/12/2024\.$' "typed while muted"
is "$(screen | grep -c 'Suggested tasks')" 0 "the section stays muted for the meeting"
keys F7
shows 'Suggested tasks shown in this section' "F7 again"
shows 'Suggested tasks \(2\)' "the suggestions come back"
keys F7
wait_for 'hidden in this section'
keys F10
exited 0 "leaves, muted again"

# The review's source: a paragraph cut to fit starts at a word, with "…",
# under the section's heading.
start "$MINUTES edit 2 --section limitations"
shows '3/6  Hạn chế, khó khăn' "the editor is on the limitations"
typing "$(for i in $(seq 40); do printf 'một hai ba '; done)"
typing 'Đề nghị Hội Nông dân rà soát hộ nghèo trước ngày 20/12/2024.'
shows 'Suggested tasks \(1\)' "limitations: a cue makes a task"
keys F3
shows 'Added to the tasks' "taken"
keys F10
exited 0 "leaves the limitations"
start "$MINUTES"
wait_for 'Meetings'
typing a
wait_for 'Open action items'
typing /
typing 'nông dân'
keys Enter
wait_for 'Open action items \(1\)'
keys Enter
shows 'Source, in the section “Hạn chế, khó khăn”:' "the source names the section by its heading"
shows '^ …(một|hai|ba) ' "a paragraph cut before its start begins at a word, after …"
typing q
typing q
wait_for 'Meetings'
typing q
exited 0 "quits the review"

# A rule that hits PCRE2's match limit is said once in the status line.
mkdir -p "$XDG_CONFIG_HOME/minutes/rules"
printf 'cue - (a+)+$\n' >"$XDG_CONFIG_HOME/minutes/rules/vi-slow.rules"
{ printf 'Đề nghị các chi hội rà soát hộ nghèo, tăng cường tuyên truyền. '
  head -c 20000 /dev/zero | tr '\0' a; printf 'b'; } >"$T/slow.txt"
start "$MINUTES edit 2 --section limitations"
shows '3/6  Hạn chế, khó khăn' "the editor is on the limitations"
tm load-buffer "$T/slow.txt"
tm paste-buffer -p -t t:0
shows "vi-slow.rules:1: the rule hit PCRE2's match limit" "the limit is said in the status line, with the rule's file and line" 30
keys F10
exited 0 "leaves after the slow rule" 30
rm -f "$XDG_CONFIG_HOME/minutes/rules/vi-slow.rules"

# --- Bidi controls (issue 12, point 5) -----------------------------------
printf -- '---\ntemplate: giaoban\ntitle: Giao ban \342\200\256 nahk\ndate: 2024-07-10\n---\n' >"$T/bidi.md"
expect_rc 0 "import a title with a right-to-left override" "$MINUTES" import "$T/bidi.md"
start "$MINUTES"
shows 'Giao ban <RLO> nahk' "the override is shown by name in the list"
typing q
exited 0 "quits"
done_testing
