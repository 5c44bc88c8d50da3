#!/bin/sh
# actions and action: the review's ordering (overdue first, by due date,
# undated last), every filter, every format read back by real parsers
# (Python's csv and json, and icalendar where Debian's python3-icalendar
# is installed), status changes with their history, the source sentence,
# and refusals of bad ids, words and options.
. "${top_srcdir:-.}/tests/cli/lib.sh"

A="$FIX/actions"
export MINUTES_TODAY=2025-11-08 COLUMNS=200
for f in thang-9 thang-10 quy-4; do
	expect_rc 0 "import $f" "$MINUTES" import "$A/$f.md"
done
is "$(cat "$T/out")" 3 "three meetings"

# ids MINUTES-ARGS...: the ids the JSON output lists, comma-separated.
ids() {
	"$MINUTES" actions --json "$@" >"$T/j.json" 2>"$T/err" || { echo "exit $?"; return; }
	python3 -c 'import json,sys; print(",".join(str(o["id"]) for o in json.load(open(sys.argv[1]))))' "$T/j.json"
}

# Ordering and scopes.
is "$(ids)" "1,3,11,4,7,14,10,8,9,13,6,12,16" "open items: overdue first, then by due, undated last"
is "$(ids --open)" "$(ids)" "--open is the default"
is "$(ids --overdue)" "1,3,11,4" "--overdue"
is "$(ids --all)" "1,3,11,4,2,5,7,15,14,10,8,9,13,6,12,16" "--all: done and dropped by due, never overdue"
is "$(MINUTES_TODAY=2025-10-01 ids --overdue)" "" "overdue follows MINUTES_TODAY"
is "$(MINUTES_TODAY=2025-10-25 ids --overdue)" "1,3" "as of another day"

# Filters.
is "$(ids --assignee 'uy ban mttq')" "1,7" "--assignee folds case and diacritics"
is "$(ids --assignee doan)" "11,4,10" "--assignee folds đ to d"
is "$(ids --assignee 'ĐOÀN THANH')" "4" "--assignee folds the needle too"
is "$(ids --assignee nobody)" "" "--assignee matching nothing"
is "$(ids --meeting 3)" "14,13,16" "--meeting"
is "$(ids --series giao-ban-thang)" "1,3,11,4,7,10,8,9,6,12" "--series"
is "$(ids --due-before 2025-11-10)" "1,3,11,4" "--due-before is exclusive"
is "$(ids --all --due-before 2025-11-11)" "1,3,11,4,2,5,7" "--all --due-before"
is "$(ids --overdue --series giao-ban-thang --assignee hoi)" "3" "filters combine"

# JSON fields.
"$MINUTES" actions --json --meeting 2 >"$T/m2.json"
is "$(python3 -c 'import json,sys
o=json.load(open(sys.argv[1]))[0]
print(sorted(o.keys()))
print(o["meeting_id"], o["meeting_title"], o["assignee"], o["due"], o["status"], o["overdue"])' "$T/m2.json")" \
"['assignee', 'due', 'due_text', 'id', 'meeting_date', 'meeting_id', 'meeting_title', 'overdue', 'status', 'task']
2 Giao ban tháng 10, năm 2025 \"mở rộng\" Liên đoàn Lao động quận 2025-10-30 open True" "--json objects carry the SPEC's fields"
is "$(python3 -c 'import json,sys; print([o["assignee"] for o in json.load(open(sys.argv[1])) if o["id"]==12])' "$T/m2.json")" "[None]" "no assignee is null"

# The table.
expect_rc 0 "plain table" "$MINUTES" actions
like "$(head -1 "$T/out")" '^ID +DUE +STATUS +ASSIGNEE +TASK +MEETING$' "table heading"
is "$(tail -n +2 "$T/out" | awk '{printf "%s%s", (NR>1?",":""), $1}')" "1,3,11,4,7,14,10,8,9,13,6,12,16" "table rows in review order"
like "$(sed -n 2p "$T/out")" '^ 1  2025-10-10  open, overdue +Ủy ban MTTQ quận +Rà soát danh sách hộ cận nghèo +1 Giao ban tháng 9' "an overdue row, readable without colour"
like "$(grep '^ *6 ' "$T/out")" '^ *6  - +open ' "an undated row"
for cols in 60 80 120; do
	"$MINUTES" actions --all --width $cols >"$T/t$cols"
	w=$(widest "$T/t$cols")
	if [ "$w" -le "$cols" ]; then _result 0 "table fits $cols columns (widest $w)"; else _result 1 "table fits $cols columns (widest $w)"; fi
done
like "$(cat "$T/t80")" '…' "cut cells end with an ellipsis"
is "$(grep -c '' "$T/t80")" 17 "one line per item, and the heading"
"$MINUTES" actions --all >"$T/t-default" </dev/null
w=$(widest "$T/t-default")
if [ "$w" -gt 120 ]; then _result 0 "not a terminal: whole fields ($w columns)"; else _result 1 "not a terminal: whole fields ($w columns)"; fi
is "$(grep -c '…' "$T/t-default")" 0 "not a terminal: nothing cut"
expect_rc 0 "an empty list" "$MINUTES" actions --assignee nobody
is "$(cat "$T/out")" "No action items." "an empty list says so"

# CSV, read back with Python's csv module.
expect_rc 0 "--csv" "$MINUTES" actions --all --csv
cp "$T/out" "$T/a.csv"
is "$(python3 -c 'import sys
d=open(sys.argv[1],"rb").read()
lines=d.split(b"\r\n")
print(lines[-1]==b"" and all(b"\n" not in l for l in lines))' "$T/a.csv")" True "CSV records end in CRLF"
is "$(python3 -c 'import csv,sys
r=list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
print(r[0]); print(len(r)-1)
row=[x for x in r if x[0]=="4"][0]
print(row[5]); print(row[2])
row=[x for x in r if x[0]=="12"][0]
print(repr(row[4]), row[6], row[8], row[9])' "$T/a.csv")" \
"['id', 'meeting_id', 'meeting_title', 'meeting_date', 'assignee', 'task', 'due', 'due_text', 'status', 'overdue']
16
Báo cáo sinh hoạt chi đoàn, khu dân cư; đề xuất “mô hình” mới
Giao ban tháng 9 năm 2025
'' "" doing no" "CSV parses: header, every item, commas and quotes intact"
is "$(python3 -c 'import csv,sys
r=list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
print([x[2] for x in r if x[0]=="7"][0])' "$T/a.csv")" 'Giao ban tháng 10, năm 2025 "mở rộng"' "CSV quotes a title with a comma and quotes"
expect_rc 0 "--csv of nothing" "$MINUTES" actions --csv --assignee nobody
is "$(cat "$T/out" | tr -d '\r')" "id,meeting_id,meeting_title,meeting_date,assignee,task,due,due_text,status,overdue" "an empty CSV still has its header"
# Text that a spreadsheet would run as a formula stays text (in a
# database of its own, to leave the others' counts alone).
printf -- '---\ntemplate: giaoban\ntitle: Công thức\ndate: 2025-10-01\n---\n\n## Nhiệm vụ được giao {#tasks}\n\n| Người thực hiện | Nội dung | Hạn | Trạng thái |\n|---|---|---|---|\n| +Tổ 3 | =HYPERLINK("http://x", "bấm") |  | open |\n| @Văn phòng | -1+2 |  | open |\n' >"$T/f.md"
fid=$(MINUTES_DB="$T/formula.db" "$MINUTES" import "$T/f.md")
MINUTES_DB="$T/formula.db" expect_rc 0 "--csv of formula-like text" "$MINUTES" actions --csv --meeting "$fid"
is "$(python3 -c 'import csv,sys
for x in list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))[1:]:
    print(x[4], x[5])' "$T/out")" "'+Tổ 3 '=HYPERLINK(\"http://x\", \"bấm\")
'@Văn phòng '-1+2" "cells that start with = + - @ are written as text"

# iCalendar: the wire format checked by hand, then parsed.
expect_rc 0 "--ics" "$MINUTES" actions --all --ics
cp "$T/out" "$T/a.ics"
python3 - "$T/a.ics" >"$T/icscheck" 2>&1 <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
problems = []
if not d.endswith(b"\r\n"):
    problems.append("no final CRLF")
lines = d[:-2].split(b"\r\n")
for n, l in enumerate(lines, 1):
    if b"\n" in l or b"\r" in l:
        problems.append("bare line end in line %d" % n)
    if len(l) > 75:
        problems.append("line %d has %d octets" % (n, len(l)))
    try:
        l.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("line %d splits a UTF-8 character" % n)
# Unfold, then check the structure.
text = d.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]
stack, todos, props = [], [], {}
for l in text:
    name, _, value = l.partition(":")
    if name == "BEGIN":
        stack.append(value)
        if value == "VTODO":
            props = {}
    elif name == "END":
        if not stack or stack.pop() != value:
            problems.append("END:%s does not close" % value)
        if value == "VTODO":
            todos.append(props)
    else:
        props[name.split(";")[0]] = value
if stack:
    problems.append("unclosed " + ",".join(stack))
if not text[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] or not any(l.startswith("PRODID:") for l in text):
    problems.append("calendar header")
for t in todos:
    for p in ("UID", "DTSTAMP", "SUMMARY", "STATUS"):
        if p not in t:
            problems.append("VTODO without " + p)
print("\n".join(problems) if problems else "ok %d" % len(todos))
PY
is "$(cat "$T/icscheck")" "ok 16" "iCalendar: CRLF, 75-octet folds on character bounds, nesting, required properties"
like "$(cat "$T/a.ics")" "$(printf 'DUE;VALUE=DATE:20251010\r')" "DUE is a date"
"$MINUTES" actions --all --ics >"$T/b.ics"
same_file "$T/b.ics" "$T/a.ics" "the same database gives the same calendar, UIDs and all"
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	db_sql "SELECT id, uuid FROM action" >"$T/uuids"
	is "$(/usr/bin/python3 - "$T/a.ics" "$T/uuids" <<'PY'
import datetime, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
todos = [c for c in cal.walk("VTODO")]
print(len(todos), len({str(t["UID"]) for t in todos}))
ids = dict(l.split("|")[::-1] for l in open(sys.argv[2]).read().split())
by = {ids[str(t["UID"])]: t for t in todos}
t = by["4"]
print(str(t["SUMMARY"]))
due = t["DUE"].dt
print(type(due) is datetime.date, due.isoformat())
print(sorted({str(t["STATUS"]) for t in todos}))
print("DUE" in by["6"], str(by["7"]["DESCRIPTION"]).split("\n")[0])
PY
)" "16 16
Đoàn Thanh niên phường 3: Báo cáo sinh hoạt chi đoàn, khu dân cư; đề xuất “mô hình” mới
True 2025-11-05
['CANCELLED', 'COMPLETED', 'IN-PROCESS', 'NEEDS-ACTION']
False Meeting: Giao ban tháng 10, năm 2025 \"mở rộng\" (2025-10-28)" "icalendar parses it: unique UIDs, unescaped text, DUE a date, statuses mapped"
else
	echo "# python3-icalendar not installed: the calendar was checked by hand only"
fi
if ! on_pg; then
	cp "$MINUTES_DB" "$T/copy.db"
	"$MINUTES" --db "$T/copy.db" actions --all --ics >"$T/c.ics"
	same_file "$T/c.ics" "$T/a.ics" "a copy of the database gives the same UIDs"
else
	"$MINUTES" copy --from "$MINUTES_DB" --to "$T/copy.db" >/dev/null
	"$MINUTES" --db "$T/copy.db" actions --all --ics >"$T/c.ics"
	same_file "$T/c.ics" "$T/a.ics" "the shared store copied to a file gives the same calendar, UIDs and all"
fi

# Option refusals: one line, exit 2, nothing listed.
for args in "--open --all" "--json --csv" "--due-before 2025-02-30" "--meeting abc" "--meeting 99" "--bogus" "--assignee" "extra"; do
	# shellcheck disable=SC2086
	expect_rc 2 "actions $args: exit 2" "$MINUTES" actions $args
	one_line_error "actions $args: one line"
done
MINUTES_TODAY=2025-13-01 expect_rc 2 "a bad MINUTES_TODAY is bad input" "$MINUTES" actions
one_line_error "a bad MINUTES_TODAY: one line"

# One item, and its source sentence in context.
if on_pg; then
	db_sql "UPDATE action SET src_section = 'conclusions',
	  src_start = position(convert_to('đề nghị', 'UTF8') IN (SELECT convert_to(body, 'UTF8') FROM section WHERE meeting_id = 1 AND key = 'conclusions')) - 1,
	  src_end = (SELECT octet_length(body) FROM section WHERE meeting_id = 1 AND key = 'conclusions')
	  WHERE id = 1"
else
	db_sql "UPDATE action SET src_section = 'conclusions',
	  src_start = instr(CAST((SELECT body FROM section WHERE meeting_id = 1 AND key = 'conclusions') AS BLOB), CAST('đề nghị' AS BLOB)) - 1,
	  src_end = length(CAST((SELECT body FROM section WHERE meeting_id = 1 AND key = 'conclusions') AS BLOB))
	  WHERE id = 1"
fi
expect_rc 0 "action 1" "$MINUTES" action 1
cp "$T/out" "$T/show1"
like "$(cat "$T/show1")" '^Action item 1$' "shows the item"
like "$(cat "$T/show1")" 'Assignee +Ủy ban MTTQ quận' "its assignee"
like "$(cat "$T/show1")" 'Status +open, overdue' "its status, overdue"
like "$(cat "$T/show1")" 'Meeting +1 Giao ban tháng 9 năm 2025 \(2025-09-25\)' "its meeting"
like "$(cat "$T/show1")" 'created as open' "its history"
like "$(cat "$T/show1")" 'Đồng chí chủ trì »đề nghị Ủy ban MTTQ quận rà soát danh sách hộ cận nghèo trước ngày 10/10/2025\.«' "the source sentence, marked, in its paragraph"
expect_rc 0 "action 2" "$MINUTES" action 2
like "$(cat "$T/out")" 'entered by hand' "an item typed into the table says so"
db_sql "UPDATE action SET src_section = 'conclusions', src_start = 5, src_end = 100000 WHERE id = 3"
expect_rc 0 "action with a stale span" "$MINUTES" action 3
like "$(cat "$T/out")" 'has changed since' "a stale span is reported, not misquoted"

# Status changes and history.
expect_rc 0 "action 1 done --note" "$MINUTES" action 1 done --note "đã xong, báo cáo"
is "$(cat "$T/out")" "action item 1: open -> done" "the change is confirmed"
is "$(ids)" "3,11,4,7,14,10,8,9,13,6,12,16" "a done item leaves the open list"
expect_rc 0 "--note before the word" "$MINUTES" action 3 --note "bắt đầu" open
is "$(db_sql "SELECT old_status || '>' || new_status || ':' || note FROM action_history WHERE action_id = 3 ORDER BY id DESC LIMIT 1")" "doing>open:bắt đầu" "history row with old, new and note"
expect_rc 0 "the same status again" "$MINUTES" action 1 done
is "$(cat "$T/out")" "action item 1: already done" "says it already is"
is "$(db_sql "SELECT count(*) FROM action_history WHERE action_id = 1")" 2 "no empty history row"
expect_rc 0 "dropped" "$MINUTES" action 14 dropped
expect_rc 0 "doing" "$MINUTES" action 16 doing
is "$(db_sql "SELECT status FROM action WHERE id IN (14, 16) ORDER BY id")" "dropped
doing" "each word sets its status"
is "$(db_sql "SELECT count(*) FROM action_history WHERE at LIKE '____-__-__T__:__:__Z'") $(db_sql "SELECT count(*) FROM action_history")" "20 20" "every history row has its time"
expect_rc 0 "action 1 after the change" "$MINUTES" action 1
like "$(cat "$T/out")" 'open -> done: đã xong, báo cáo' "the history shows the change and its note"
like "$(cat "$T/out")" 'Status +done$' "the item shows its new status"
db_sql "UPDATE action_history SET review_meeting_id = 2 WHERE action_id = 1 AND new_status = 'done'"
expect_rc 0 "action 8 at 50 columns" "$MINUTES" action 8 --width 50
sed "/^$/q" "$T/out" >"$T/head6"
w=$(widest "$T/head6")
if [ "$w" -le 50 ]; then _result 0 "the item's fields wrap to the width ($w)"; else _result 1 "the item's fields wrap to the width ($w)"; fi
like "$(sed -n 3p "$T/out")" '^ {10}[^ ]' "wrapped lines hang under the value"
expect_rc 0 "action 1 reviewed at a meeting" "$MINUTES" action 1
like "$(cat "$T/out")" 'open -> done \(at the review of meeting 2\): đã xong' "the history names the meeting it was reviewed at"

# Refusals: one line, exit 2, nothing changed.
db_sql "SELECT id, status FROM action ORDER BY id" >"$T/before"
for args in "999 done" "999" "abc" "0 done" "1 finished" "1 DONE" "1 done extra" "1 --note x" "" "1 done --note"; do
	# shellcheck disable=SC2086
	expect_rc 2 "action $args: exit 2" "$MINUTES" action $args
	one_line_error "action $args: one line"
done
like "$(MINUTES_DB="$T/x.db" "$MINUTES" action 999 done 2>&1)" 'no action item 999' "an unknown id is named"
db_sql "SELECT id, status FROM action ORDER BY id" >"$T/after"
same_file "$T/after" "$T/before" "refused changes change nothing"
MINUTES_DB="$T/new.db" "$MINUTES" action 1 finished 2>/dev/null
if [ -e "$T/new.db" ]; then _result 1 "a bad word creates no database"; else _result 0 "a bad word creates no database"; fi

# Vietnamese interface.
if locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
	LC_ALL=vi_VN.UTF-8 expect_rc 0 "Vietnamese table" "$MINUTES" --lang vi actions
	like "$(head -1 "$T/out")" 'HẠN' "the heading is translated"
	like "$(sed -n 2p "$T/out")" 'chưa làm, quá hạn' "statuses are shown in Vietnamese"
	LC_ALL=vi_VN.UTF-8 expect_rc 2 "Vietnamese error" "$MINUTES" --lang vi action 1 xong
	like "$(cat "$T/err")" 'không phải' "the error is translated"
fi
done_testing
