#!/bin/sh
# The editor as an assistant: a new meeting of a series starts with the
# last roster, everyone present, and counts present/total; the tasks table
# adds, edits, reorders and deletes rows, reading due dates typed as
# phrases against the meeting's date.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"
MINUTES_TODAY=2025-11-20; export MINUTES_TODAY

"$MINUTES" import "$top_srcdir/tests/fixtures/vi-monthly.md" >/dev/null 2>>"$T/err"

# tasks ID: the stored tasks as "assignee|task|due|due_text|status" lines.
tasks() {
	"$MINUTES" export "$1" --format json | python3 -c '
import json, sys
for t in json.load(sys.stdin)["tasks"]:
    print("|".join(str(t[k] or "") for k in ("assignee", "task", "due", "due_text", "status")))'
}

start "$MINUTES new --series giao-ban-thang --template giaoban --title 'Giao ban tháng 11' --date 2025-11-25"
shows '1/7  Review of previous actions' "a new meeting of the series opens on the review"
shows 'Lập dự trù kinh phí' "it lists the series' open tasks"
shows 'Củng cố sinh hoạt' "every one"
shows 'Tổ chức lớp tập huấn' "all three"
typing d
shows 'Mark done' "d asks for a note"
typing 'Đã trình Ủy ban'; keys Enter
shows 'Reviewed: Lập dự trù kinh phí' "the item is marked done"
typing x
keys Enter
shows 'Reviewed: Củng cố sinh hoạt' "the next is dropped without a note"
like "$("$MINUTES" action 1)" 'done.*Đã trình Ủy ban' "the change and its note are in the history"
like "$("$MINUTES" action 2)" 'dropped' "the second change too"
like "$("$MINUTES" action 3)" 'open' "the third is left open"
"$MINUTES" export 2 --format text >"$T/review.txt"
like "$(cat "$T/review.txt")" '1\. Kiểm điểm việc thực hiện kết luận kỳ trước' "the text export has the review first"
like "$(tr '\n' ' ' <"$T/review.txt" | tr -s ' ')" 'Lập dự trù kinh phí mua bổ sung thùng rác phân loại \(thời hạn: 10/11/2025\) — đã hoàn thành; Đã trình Ủy ban\.' "with each item's outcome and note, dates dd/mm/yyyy"
like "$(tr '\n' ' ' <"$T/review.txt" | tr -s ' ')" 'Củng cố sinh hoạt.* — không thực hiện nữa\.' "the dropped one too"
# Issue 13: every carried task is listed, answered or not.
like "$(tr '\n' ' ' <"$T/review.txt" | tr -s ' ')" 'Tổ chức lớp tập huấn.* — chưa thực hiện\.' "an item left open without a note is listed as still open"
"$MINUTES" export 2 --format json | python3 -c '
import json, sys
for r in json.load(sys.stdin)["review"]:
    print("|".join(str(r[k] or "") for k in ("task", "status", "note")))' >"$T/review.json.txt"
is "$(cat "$T/review.json.txt")" "Lập dự trù kinh phí mua bổ sung thùng rác phân loại|done|Đã trình Ủy ban
Củng cố sinh hoạt Chi đoàn khu dân cư|dropped|
Tổ chức lớp tập huấn kỹ năng bán hàng trực tuyến lần 3|open|" "the JSON export has the review, every carried task"
"$MINUTES" export 2 --format md >"$T/r.md"
"$MINUTES" import "$T/r.md" >"$T/r.id" 2>>"$T/err"
"$MINUTES" export "$(cat "$T/r.id")" --format md >"$T/r2.md"
is "$(diff "$T/r.md" "$T/r2.md" && echo same)" same "the Markdown export stays a fixed point"
keys Tab
shows 'Lê Hoàng Phúc' "the new meeting of the series has the last roster"
shows 'Lâm Thị Ánh' "all of it"
shows '6/6 present' "everyone present, counted in the title bar"
# The roster was stored when the meeting was made: checked before the
# toggle, since the toggle is saved half a second after the key.
stored 2 '\| Mai Thị Thu Trang \| Bí thư \| Đoàn Thanh niên phường \| member \| present \|' "the roster is saved, all present at first"
keys Down Down Down
typing p
shows '5/6 present' "toggling presence updates the count"
stored 2 '\| Mai Thị Thu Trang \| Bí thư \| Đoàn Thanh niên phường \| member \| absent \|' "the toggled presence is saved"
# Completion from people of earlier meetings.
typing a
shows 'Ctrl-N earlier people' "the attendee form offers completion"
like "$(screen)" '^ +│ Đơn vị +│$' "the form's labels are the table's headings"
typing 'lâm'
keys C-n
shows 'Lâm Thị Ánh — Chủ tịch, Hội Liên hiệp Phụ nữ phường' "Ctrl-N in the name finds people, folding marks"
keys Escape
keys Escape
typing a
typing 'Nguyễn Văn Mới'; keys Enter
typing 'Phó Chủ tịch'; keys Enter
typing 'mttq'
keys C-n
shows 'Ủy ban MTTQ Việt Nam phường' "Ctrl-N in the organisation lists organisations"
keys Enter
keys Enter Enter Enter Enter
shows 'Nguyễn Văn Mới +Phó Chủ tịch +Ủy ban MTTQ' "the completed attendee is added"
shows '6/7 present' "and counted"
stored 2 '\| Nguyễn Văn Mới \| Phó Chủ tịch \| Ủy ban MTTQ Việt Nam phường \| member \| present \|' "and saved"

# The tasks table.
keys F2
typing 7
shows 'No tasks yet' "the tasks table starts empty"
typing a
shows 'New task' "a opens the task form"
typing 'Phòng Kinh tế'; keys Enter
typing 'Tham mưu kế hoạch vốn'; keys Enter
typing 'tháng 12/2025'; keys Enter
keys Enter
shows 'Tham mưu kế hoạch vốn +2025-12-31' "the month phrase is shown as a date"
shows 'Due 2025-12-31 \("tháng 12/2025"\)' "with the phrase it came from"
typing a
typing 'Văn phòng'; keys Enter
typing 'Gửi báo cáo'; keys Enter
typing 'sớm'; keys Enter Enter
shows 'is not a date' "a phrase without a date is refused"
keys Enter
keys BSpace BSpace BSpace
typing 'by Friday'; keys Enter
keys Enter
shows 'Gửi báo cáo +2025-11-28' "by Friday: the Friday after the meeting"
typing K
typing s
typing a
typing 'Ban Chỉ huy quân sự'; keys Enter
typing 'Rà soát lực lượng'; keys Enter
keys Enter Enter
shows 'Rà soát lực lượng' "a task without a due date"
typing d
shows 'Delete the task' "d asks before deleting"
typing y
keys C-s
shows 'Saved at' "Ctrl-S saves"
becomes "Văn phòng|Gửi báo cáo|2025-11-28|by Friday|doing
Phòng Kinh tế|Tham mưu kế hoạch vốn|2025-12-31|tháng 12/2025|open" \
    "stored in the new order, with dates, phrases and status" tasks 2
keys Up
keys Enter
shows '┌─ Task ─' "Enter edits the selected task"
keys Enter Enter
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typing '2026-01-15'; keys Enter Enter
shows 'Gửi báo cáo +2026-01-15' "an ISO date is taken as it is"
keys F10
exited 0 "F10 leaves"
is "$(tasks 2 | sed -n 1p)" "Văn phòng|Gửi báo cáo|2026-01-15||doing" "the edit is saved"

# Reopened, the meeting's review still lists what it closed, with notes.
start "$MINUTES edit 2"
shows '1/7  Review of previous actions' "reopened on the review"
shows 'Lập dự trù.* done +Đã trình Ủy' "an item it marked done stays listed, with its note"
shows 'Củng cố sinh.* dropped' "so does the one it dropped"
shows 'Tổ chức lớp tập.* open' "and the one still open"
keys F10
exited 0 "F10 leaves the reopened meeting"

# Live suggestions: three directives, two deadlines.
start "$MINUTES edit 2 --section conclusions"
shows '6/7  Kết luận' "edit --section opens the conclusions"
typing 'Kết luận: Giao Phòng Tài chính lập dự toán năm 2026 trước ngày 15/12/2025. '
typing 'Giao Phòng Văn hóa tổng hợp báo cáo trong tháng 12/2025. '
typing 'Đề nghị Công an phường tăng cường tuần tra.'
shows 'Suggested tasks \(3\)' "three suggestions once typing pauses"
shows 'Phòng Tài chính — lập dự toán năm 2026 — 2025-12-15' "assignee, task and due"
shows 'Phòng Văn hóa — tổng hợp báo cáo — 2025-12-31' "the month's last day"
shows 'Công an phường — tăng cường tuần tra$' "no due date"
# The selected suggestion's words are underlined in the text.
esc=$(printf '\033')
tm capture-pane -e -p -t t:0 | grep "Giao Phòng Tài" >"$T/attr"
like "$(cat "$T/attr")" "${esc}\\[[0-9;]*4[0-9;]*mGiao Phòng Tài chính" \
    "the source words of the selected suggestion are underlined"
keys F3
shows 'Added to the tasks: lập dự toán năm 2026' "F3 accepts the first"
shows 'Added to the tasks: lập dự toán năm 2026  Saved at' "the save that follows keeps the news in view"
shows 'Suggested tasks \(2\)' "two left"
keys C-Down
keys F5
shows 'Dismissed: tăng cường tuần tra' "F5 dismisses the selected one"
shows 'Suggested tasks \(1\)' "one left"
keys F4
shows 'Accept the suggestion' "F4 opens the task form"
keys Enter Enter Enter
keys Right
keys Enter
shows 'Added to the tasks: tổng hợp báo cáo' "the edited suggestion is accepted"
shows 'Guidance' "no suggestion is left"
keys C-Home
typing 'Sau thảo luận, '
keys C-End
# Saving waits longer after the last key than looking for suggestions.
stored 2 '^Sau thảo luận, Kết luận: Giao' "the edit is saved"
shows 'Guidance' "editing the text does not bring answered ones back"
keys F10
exited 0 "F10 leaves"
is "$(tasks 2 | tail -2)" "Phòng Tài chính|lập dự toán năm 2026|2025-12-15|trước ngày 15/12/2025|open
Phòng Văn hóa|tổng hợp báo cáo|2025-12-31|trong tháng 12/2025|doing" \
    "two accepted tasks stored with their due dates"
is "$(tasks 2 | wc -l | tr -d ' ')" 4 "the dismissed one is not a task"
"$MINUTES" export 2 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = d["tasks"][2]
print(t["source"])' >"$T/src"
like "$(cat "$T/src")" "conclusions" "an accepted task names its source section"
# "Sau thảo luận, " was typed above both accepted tasks' sentences after
# they were accepted: their sources still point at their own words.
"$MINUTES" export 2 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
body = [s for s in d["sections"] if s["key"] == "conclusions"][0]["text"].encode()
for t in d["tasks"]:
    src = t["source"]
    if src and src["section"] == "conclusions":
        print(body[src["start"]:src["end"]].decode())' >"$T/spans"
like "$(sed -n 1p "$T/spans")" '^Giao Phòng Tài chính lập dự toán năm 2026' "the first source follows text typed above it"
like "$(sed -n 2p "$T/spans")" '^Giao Phòng Văn hóa tổng hợp báo cáo' "so does the second"
# From the action review, j opens the meeting with the cursor on the
# sentence the task was taken from.
start "$MINUTES"
wait_for 'Meetings'
typing a
wait_for 'Open action items'
typing /
typing 'lap du toan'
wait_for 'Open action items \(1\)'
keys Enter
keys Enter
shows 'Source, in the section “Kết luận của chủ trì”:' "the review shows where the task came from"
typing j
shows '6/7  Kết luận' "j opens the meeting at that section"
where=$(screen | python3 -c '
import sys
for y, line in enumerate(sys.stdin.read().split("\n")):
    x = line.find("Giao Phòng Tài chính")
    if x >= 0:
        print(x, y)
        break')
is "$(tm display-message -p -t t:0 '#{cursor_x} #{cursor_y}')" "$where" "with the cursor at the start of the task's sentence"
keys F10
wait_for 'Open action items'
typing q
wait_for 'Meetings'
typing q
exited 0 "q leaves"
start "$MINUTES edit 2 --section conclusions"
shows '6/7  Kết luận' "opened again"
keys C-End
typing ' Hết.'
stored 2 'tuần tra\. Hết\.$' "typing is saved"
shows 'Guidance' "answered suggestions stay answered after reopening"
# F7 hides the panel, and no looking goes on while it is hidden.
keys F7
shows 'Suggested tasks hidden in this section; F7 shows them' "F7 hides the suggestions"
typing ' Giao Hội Nông dân rà soát hộ chăn nuôi trước ngày 20/12/2025.'
stored 2 'hộ chăn nuôi trước ngày 20/12/2025\.$' "typing goes on while they are hidden"
shows 'Guidance' "no suggestion is shown for a new directive"
keys F7
shows 'Suggested tasks shown in this section' "F7 shows them again"
shows 'Suggested tasks \(1\)' "the new directive is suggested at once"
shows 'Hội Nông dân — rà soát hộ chăn nuôi — 2025-12-20' "with its assignee and due"
keys F5
shows 'Guidance' "dismissed, so the finalising below is unchanged"

# Finalising: the checklist lists what is missing and leads to it.
keys F9
shows 'Not final yet: 2 missing \(Enter goes there\) ─' "F9 runs the checklist, its title whole"
shows 'No end time' "it lists the missing end time"
shows 'Section "Kết quả đạt được" is empty' "and the empty required section"
keys Enter
shows 'End \(HH:MM\)' "Enter goes to the field to fix"
typing '10:30'
keys F9
shows 'Not final yet: 1 missing' "one item left"
keys Enter
shows '3/7  Kết quả đạt được' "the empty section is next"
typing 'Đạt kế hoạch tháng.'
keys F9
shows 'Nothing is missing' "with nothing missing F9 asks"
typing y
shows '#2 \(final\)' "the meeting is final"
stored 2 '^status: final$' "and stored so"
typing 'x'
shows 'Final: read-only; F9 reopens' "final minutes take no typing"
stored 2 '^Đạt kế hoạch tháng\.$' "the text is unchanged"
keys F10
exited 0 "F10 leaves"
start "$MINUTES edit 2"
shows '#2 \(final\)' "final minutes open read-only"
keys F9
shows 'Reopen them' "F9 offers to reopen, asking first"
typing n
shows '#2 \(final\)' "n keeps them final"
keys F9
typing y
shows 'Reopened' "y reopens"
stored 2 '^status: draft$' "the minutes are a draft again"
keys F10
exited 0 "F10 leaves"

# An accepted suggestion is stored at once: kill -9 right after F3 keeps
# the task (and the suggestion, answered, is not offered again).
kid=$(new_meeting_md "Họp nhận nhiệm vụ")
start "$MINUTES edit $kid --section conclusions"
shows 'Kết luận' "editor open for the kill test"
typing 'Giao Phòng Nội vụ rà soát biên chế trước ngày 10/12/2025.'
shows 'Suggested tasks \(1\)' "one suggestion"
keys F3
shows 'Added to the tasks: rà soát biên chế' "accepted"
kill -9 "$(app_pid)"
exited 137 "killed right after accepting"
is "$(tasks "$kid")" "Phòng Nội vụ|rà soát biên chế|2025-12-10|trước ngày 10/12/2025|open" "the accepted task was stored"

# In Vietnamese the checklist's title is longer than its items: the box
# is as wide as the title.
if locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
	mid=$(new_meeting_md "Họp còn thiếu")
	TUI_LOCALE=vi_VN.UTF-8 start "$MINUTES --lang vi edit $mid"
	shows 'Họp còn thiếu' "--lang vi: the meeting opens"
	keys F9
	shows 'Chưa chốt được: còn thiếu [0-9]+ mục \(Enter để đến chỗ cần sửa\) ─' "--lang vi: the checklist's title is whole"
	keys Escape
	keys F10
	exited 0 "--lang vi: F10 leaves"
fi
done_testing
