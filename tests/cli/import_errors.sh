#!/bin/sh
# Bad input: one line on stderr naming file and line, exit 2, and the
# database exactly as it was (not even created when it did not exist).
. "${top_srcdir:-.}/tests/cli/lib.sh"

BAD="$FIX/bad"
check_bad() {	# file line pattern
	expect_rc 2 "$1: exit 2" "$MINUTES" import "$BAD/$1"
	one_line_error "$1: one line on stderr"
	like "$(cat "$T/err")" "$1: line $2: .*$3" "$1: names the file, line $2 and the fault"
}

# Before any good import: a failed import does not create the database.
check_bad bad-date.md 7 'Date: "2023-02-31": month 2 of 2023 has 28 days'
if on_pg; then
	is "$(db_sql "SELECT to_regclass('minutes.meeting') IS NULL")" t "a failed import creates no store"
elif [ -e "$MINUTES_DB" ]; then _result 1 "a failed import creates no database"; else _result 0 "a failed import creates no database"; fi

expect_rc 0 "a good import" "$MINUTES" import "$FIX/vi-monthly.md"
dump() {
	if on_pg; then
		db_sql "SELECT m.*, (SELECT string_agg(s.key || s.body, ',' ORDER BY s.id) FROM section s WHERE s.meeting_id = m.id), (SELECT count(*) FROM action a WHERE a.meeting_id = m.id), (SELECT count(*) FROM attendee a WHERE a.meeting_id = m.id) FROM meeting m ORDER BY id" | cksum
	else
		sqlite3 "$MINUTES_DB" .dump | cksum
	fi
}
sum_before=$(dump)

check_bad bad-time.md 8 'Start: "25:00": hours go from 0 to 23 and minutes from 0 to 59'
check_bad bad-utf8.md 28 'not valid UTF-8'
check_bad no-title.md 13 '"title" is required'
check_bad no-date.md 13 '"date" is required'
check_bad unknown-template.md 2 'unknown template "nosuch"'
check_bad unknown-section.md 32 'no section "foo"'
check_bad bad-role.md 22 'role "boss"'
check_bad bad-presence.md 22 'presence "late"'
check_bad bad-status.md 44 'status "finished"'
check_bad wrong-cells.md 21 'needs 5 cells, found 4'
check_bad no-frontmatter.md 1 'front matter'
check_bad unterminated-frontmatter.md 1 'not closed'
check_bad bad-due.md 44 'due date: "31/12/2025" is to be written yyyy-mm-dd here: 2025-12-31'
check_bad unknown-key.md 11 'unknown key "colour"'
check_bad duplicate-section.md 30 'appears twice'
check_bad bad-style.md 6 'Style: "royal" is not state or party'

expect_rc 2 "a missing file: exit 2" "$MINUTES" import "$T/nosuch.md"
one_line_error "a missing file: one line"
like "$(cat "$T/err")" 'nosuch.md: No such file' "a missing file is named"
if [ "$(id -u)" -ne 0 ]; then
	cp "$FIX/vi-monthly.md" "$T/secret.md"; chmod 000 "$T/secret.md"
	expect_rc 2 "an unreadable file: exit 2" "$MINUTES" import "$T/secret.md"
	like "$(cat "$T/err")" 'Permission denied' "an unreadable file is reported"
else
	expect_rc 2 "a directory is not a file: exit 2" "$MINUTES" import "$T"
	one_line_error "a directory: one line"
fi
expect_rc 2 "too many arguments" "$MINUTES" import a b
one_line_error "too many arguments: one line"

sum_after=$(dump)
is "$sum_after" "$sum_before" "failed imports left the database as it was"
n=$(db_sql "SELECT count(*) FROM meeting")
is "$n" 1 "only the good meeting is stored"
done_testing
