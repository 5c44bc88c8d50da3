#!/bin/sh
# Calendar and task clients keep their data: every action item has a
# random UUID, stored with it (existing items got theirs when the database
# was upgraded), which is its iCalendar UID wherever the database goes;
# `actions --ics` carries the items closed lately (90 days, or --since),
# with STATUS COMPLETED or CANCELLED and their stamps.  On a shared
# PostgreSQL store (tests/pg/cli.sh) the same, `minutes copy` to a file
# and back standing for moving the database.
. "${top_srcdir:-.}/tests/cli/lib.sh"

export MINUTES_TODAY=2025-11-08
on_pg || needs sqlite3 "sqlite3 is not installed"
# sql_on STORE SQL: db_sql on another store of the same kind.
sql_on() {
	(MINUTES_DB=$1; db_sql "$2")
}
"$MINUTES" import "$FIX/actions/thang-9.md" >/dev/null
n=$(db_sql "SELECT count(*) FROM action")
like "$n" '^[1-9][0-9]*$' "a meeting with tasks"
h='[0-9a-f]'
if on_pg; then
	v4="uuid ~ '^$h{8}-$h{4}-4$h{3}-[89ab]$h{3}-$h{12}\$'"
else
	v4="uuid GLOB '$h$h$h$h$h$h$h$h-$h$h$h$h-4$h$h$h-[89ab]$h$h$h-$h$h$h$h$h$h$h$h$h$h$h$h'"
fi
is "$(db_sql "SELECT count(DISTINCT uuid) FROM action WHERE $v4")" "$n" \
    "every item has its own random (version 4) UUID"

uids() { tr -d '\r' <"$1" | sed -n 's/^UID://p' | sort; }
expect_rc 0 "--ics" "$MINUTES" actions --all --ics
cp "$T/out" "$T/a.ics"
uids "$T/a.ics" >"$T/a.uids"
is "$(wc -l <"$T/a.uids" | tr -d ' ')" "$n" "one UID an item"
is "$(sort "$T/a.uids" | uniq | wc -l | tr -d ' ')" "$n" "all different"
is "$(db_sql 'SELECT uuid FROM action' | sort | tr '\n' ' ')" \
    "$(tr '\n' ' ' <"$T/a.uids")" "the UIDs are the stored UUIDs"
if on_pg; then
	# other_db NAME: a new database of the cluster, named after this
	# one; prints its URI.
	other_db() {
		db_sql "CREATE DATABASE \"$(echo "$MINUTES_DB" | sed 's|^[^/]*///\([^?]*\).*|\1|')_$1\"" >/dev/null &&
		    echo "$MINUTES_DB" | sed "s|^\([^/]*///[^?]*\)|\1_$1|"
	}
	moved=$(other_db moved)
	expect_rc 0 "copied to a file" "$MINUTES" copy --from "$MINUTES_DB" --to "$T/moved.db"
	expect_rc 0 "and from it to another shared store" "$MINUTES" copy --from "$T/moved.db" --to "$moved"
	"$MINUTES" --db "$T/moved.db" actions --all --ics >"$T/b.ics"
	uids "$T/b.ics" >"$T/b.uids"
	same_file "$T/b.uids" "$T/a.uids" "minutes copy to a file keeps every UID"
	"$MINUTES" --db "$moved" actions --all --ics >"$T/c.ics"
	uids "$T/c.ics" >"$T/c.uids"
	same_file "$T/c.uids" "$T/a.uids" "and back to a shared store too"
else
	mkdir "$T/elsewhere"
	cp "$MINUTES_DB" "$T/elsewhere/moved.db"
	(cd "$T/elsewhere" && "$MINUTES" --db moved.db actions --all --ics) >"$T/b.ics"
	uids "$T/b.ics" >"$T/b.uids"
	same_file "$T/b.uids" "$T/a.uids" "a copied, moved database keeps every UID"
fi

# An older database: its items get a UUID when it is upgraded, and the
# items added later get theirs from the database itself.
if on_pg; then
	old=$(other_db old)
	"$MINUTES" copy --from "$MINUTES_DB" --to "$old" >/dev/null
	sql_on "$old" "DROP TABLE search_pending; ALTER TABLE action DROP COLUMN uuid; ALTER TABLE section DROP COLUMN rev; UPDATE meta SET value = '1' WHERE key = 'schema_version'"
else
	old="$T/old.db"
	cp "$MINUTES_DB" "$old"
	sqlite3 "$old" "DROP TABLE search_pending; DROP INDEX section_rev; ALTER TABLE section DROP COLUMN rev; DROP TRIGGER action_uuid; DROP INDEX action_by_uuid; DROP INDEX action_open; ALTER TABLE action DROP COLUMN uuid; PRAGMA user_version = 3;"
fi
expect_rc 0 "an old database is upgraded" "$MINUTES" --db "$old" actions --all --ics
is "$(sql_on "$old" "SELECT count(DISTINCT uuid) FROM action WHERE length(uuid) = 36")" "$n" \
    "its existing items got a UUID each"
sql_on "$old" "INSERT INTO action (meeting_id, pos, task) VALUES (1, 99, 'typed in by another program')"
is "$(sql_on "$old" "SELECT length(uuid) FROM action WHERE pos = 99")" 36 \
    "an item inserted by another program gets one too"

# Closing an item: the next calendar says so.
open1=$(db_sql "SELECT id FROM action WHERE status = 'open' ORDER BY id LIMIT 1")
open2=$(db_sql "SELECT id FROM action WHERE status = 'open' ORDER BY id LIMIT 1 OFFSET 1")
u1=$(db_sql "SELECT uuid FROM action WHERE id = $open1")
u2=$(db_sql "SELECT uuid FROM action WHERE id = $open2")
# The items imported closed were closed long ago.
db_sql "UPDATE action_history SET at = '2020-01-01T00:00:00Z'"
"$MINUTES" actions --ics | tr -d '\r' >"$T/before.ics"
is "$(grep -c '^STATUS:\(COMPLETED\|CANCELLED\)' "$T/before.ics")" 0 \
    "items closed long ago are not in the calendar"
grep -q "^UID:$u1\$" "$T/before.ics"; _result $? "an open item is in the calendar"
"$MINUTES" action "$open1" done >/dev/null && "$MINUTES" action "$open2" dropped >/dev/null
expect_rc 0 "--ics after closing two items" "$MINUTES" actions --ics
tr -d '\r' <"$T/out" >"$T/after.ics"
vtodo() { awk -v u="UID:$1" '/^BEGIN:VTODO/ {t = ""} {t = t $0 "\n"} /^END:VTODO/ && index(t, u "\n") {printf "%s", t}' "$2"; }
like "$(vtodo "$u1" "$T/after.ics")" 'STATUS:COMPLETED' "the item marked done is COMPLETED"
like "$(vtodo "$u1" "$T/after.ics")" 'COMPLETED:[0-9]{8}T[0-9]{6}Z' "with its COMPLETED stamp"
like "$(vtodo "$u1" "$T/after.ics")" 'LAST-MODIFIED:[0-9]{8}T[0-9]{6}Z' "and LAST-MODIFIED"
like "$(vtodo "$u2" "$T/after.ics")" 'STATUS:CANCELLED' "the item dropped is CANCELLED"
is "$(grep -c '^STATUS:\(COMPLETED\|CANCELLED\)' "$T/after.ics")" 2 \
    "only the items closed lately"
expect_rc 0 "--since tomorrow" "$MINUTES" actions --ics --since 2999-01-01
! tr -d '\r' <"$T/out" | grep -q "^UID:$u1\$"; _result $? "--since after the closing leaves it out"
expect_rc 0 "--since with the table" "$MINUTES" actions --since 2000-01-01 --width 200
like "$(cat "$T/out")" "done" "--since adds the closed items to the table too"
expect_rc 2 "--since with --all" "$MINUTES" actions --all --since 2025-01-01
one_line_error "--since with --all: one line"
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	is "$(/usr/bin/python3 - "$T/after.ics" "$u1" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
t = [c for c in cal.walk("VTODO") if str(c["UID"]) == sys.argv[2]][0]
print(str(t["STATUS"]), type(t["COMPLETED"].dt).__name__, "LAST-MODIFIED" in t)
PY
)" "COMPLETED datetime True" "icalendar reads the closed item"
else
	skipped "icalendar reads the closed item" \
	    "python3-icalendar is not installed"
fi

# A copy never gives one UUID to two items: a meeting whose header was
# changed after it was copied comes again as another meeting, and its
# tasks get new UUIDs there.
if command -v sqlite3 >/dev/null 2>&1; then
	"$MINUTES" copy --from "$MINUTES_DB" --to "$T/src.db" >/dev/null
	all=$(db_sql "SELECT count(*) FROM action")
	sqlite3 "$T/src.db" "UPDATE meeting SET title = title || ' (sửa)'"
	expect_rc 0 "copying a meeting changed since back" "$MINUTES" copy --from "$T/src.db" --to "$MINUTES_DB"
	like "$(cat "$T/out")" '^copied 1 meeting' "comes as another meeting"
	is "$(db_sql "SELECT count(*), count(DISTINCT uuid) FROM action")" "$((2 * all))|$((2 * all))" \
	    "whose tasks have UUIDs of their own"
fi
done_testing
