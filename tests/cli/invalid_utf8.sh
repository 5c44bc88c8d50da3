#!/bin/sh
# Output that is valid whatever is stored: text that is not UTF-8 in the
# database (written there by another program) comes out as U+FFFD in
# JSON, iCalendar, CSV, Taskwarrior, the tables and every export, and
# the program says so once on stderr.
. "${top_srcdir:-.}/tests/cli/lib.sh"

needs sqlite3 "sqlite3 is not installed"
export MINUTES_TODAY=2025-11-08
"$MINUTES" import "$FIX/actions/thang-9.md" >/dev/null
# A stray byte, a truncated letter and an overlong slash, as another
# program might store them.
sqlite3 "$MINUTES_DB" "UPDATE action SET task = CAST(X'52C3A0207368FF6174' || X'E1BB' || X'20C0AF78' AS TEXT) WHERE id = 1;
    UPDATE meeting SET title = CAST(X'47696179FE' AS TEXT);
    UPDATE section SET body = CAST(X'626164E1' AS TEXT) WHERE key = 'conclusions';"
utf8() { /usr/bin/python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8", "strict")'; }
notes() { grep -c 'not valid UTF-8' "$T/err"; }

for fmt in --json --csv --ics --taskwarrior ""; do
	expect_rc 0 "actions $fmt" "$MINUTES" actions $fmt
	utf8 <"$T/out"; _result $? "actions $fmt: valid UTF-8"
	grep -q "$(printf '\357\277\275')" "$T/out"; _result $? "actions $fmt: U+FFFD where the bad bytes were"
	is "$(notes)" 1 "actions $fmt: said once on stderr"
done
"$MINUTES" actions --json >"$T/a.json" 2>/dev/null
is "$(/usr/bin/python3 -c 'import json,sys; print([a["task"] for a in json.load(open(sys.argv[1], encoding="utf-8")) if a["id"] == 1][0])' "$T/a.json")" \
    "Rà sh�at� �x" "the JSON holds the text with U+FFFD"
"$MINUTES" actions --ics >"$T/a.ics" 2>/dev/null
is "$(tr -d '\r' <"$T/a.ics" | awk 'length($0) > 75 { n++ } END { print n + 0 }')" 0 \
    "iCalendar lines stay within 75 octets"
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	/usr/bin/python3 -c 'import sys, icalendar; icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read().decode("utf-8"))' "$T/a.ics"
	_result $? "icalendar reads it"
fi
for fmt in json md text html; do
	expect_rc 0 "export --format $fmt" "$MINUTES" export 1 --format $fmt
	utf8 <"$T/out"; _result $? "export --format $fmt: valid UTF-8"
	is "$(notes)" 1 "export --format $fmt: said once"
done
expect_rc 0 "list --json" "$MINUTES" list --json
utf8 <"$T/out"; _result $? "list --json: valid UTF-8"
expect_rc 0 "action 1" "$MINUTES" action 1
utf8 <"$T/out"; _result $? "action 1: valid UTF-8"
"$MINUTES" --db "$T/clean.db" import "$FIX/actions/thang-9.md" >/dev/null
expect_rc 0 "a valid database says nothing" "$MINUTES" --db "$T/clean.db" actions --json
is "$(cat "$T/err")" "" "no note when nothing was replaced"

# The table checks the fields it shows as it measures them: an assignee
# and a due date with bad bytes too, in the open review and in --all.
# Two items share the bad assignee: the table, which measures a text
# the rows share once, repairs it in both.
sqlite3 "$MINUTES_DB" "UPDATE action SET assignee = CAST(X'55FF62616E' AS TEXT),
    due = CAST(X'323032352D31FF2D3031' AS TEXT) WHERE id = 3;
    UPDATE action SET assignee = CAST(X'55FF62616E' AS TEXT) WHERE id = 4;"
for fmt in "" --all; do
	expect_rc 0 "table $fmt, bad assignee and due" "$MINUTES" actions $fmt
	utf8 <"$T/out"; _result $? "table $fmt: valid UTF-8"
	like "$(cat "$T/out")" "$(printf 'U\357\277\275ban')" "table $fmt: the assignee repaired"
	is "$(grep -c "$(printf 'U\357\277\275ban')" "$T/out")" 2 "table $fmt: in both items"
	like "$(cat "$T/out")" "$(printf '2025-1\357\277\275-01')" "table $fmt: the due date repaired"
	is "$(notes)" 1 "table $fmt: said once on stderr"
done
done_testing
