#!/bin/sh
# A damaged database is reported at open -- with its path and what to do
# (restore a copy, or sqlite3 .recover) -- exit 1, and nothing is written
# into it.  An empty file given by name is never made a database: only a
# file this process has just created is.  Each damaged copy is first
# confirmed damaged by SQLite's own PRAGMA integrity_check.
. "${top_srcdir:-.}/tests/cli/lib.sh"

for f in vi-monthly vi-quarterly vi-long en-liaison; do
	"$MINUTES" --db "$T/good.db" import "$FIX/$f.md" >/dev/null 2>&1
done
expect_rc 0 "a healthy database opens" "$MINUTES" --db "$T/good.db" list
ls "$XDG_CACHE_HOME/minutes"/check-* >/dev/null 2>&1
_result $? "and is marked as checked"
# A command that only reads leaves the mark as it was, not rewritten
# (a rewrite is a new file: its change time moves).
mark=$(ls "$XDG_CACHE_HOME/minutes"/check-*)
before=$(stat -c %z "$mark")
said=$(cat "$mark")
expect_rc 0 "reading again" "$MINUTES" --db "$T/good.db" actions
is "$(stat -c %z "$mark")" "$before" "leaves the mark in place"
expect_rc 0 "a write" "$MINUTES" --db "$T/good.db" import "$FIX/vi-monthly.md"
[ "$(cat "$mark")" != "$said" ]
_result $? "moves the mark on"

# damaged NAME FILE: FILE is refused by list, show and import, which
# leave it byte for byte as it was.
damaged() {
	if sqlite3 "$2" "PRAGMA integrity_check" 2>&1 | grep -qx ok; then
		_result 1 "$1: SQLite calls it damaged"
	else
		_result 0 "$1: SQLite calls it damaged"
	fi
	cp "$2" "$T/before"
	for cmd in list "show 1" "import $FIX/vi-monthly.md"; do
		# shellcheck disable=SC2086
		expect_rc 1 "$1: $cmd: exit 1" "$MINUTES" --db "$2" $cmd
		one_line_error "$1: $cmd: one line"
	done
	like "$(cat "$T/err")" "$2: the database is damaged" "$1: the message names the file"
	like "$(cat "$T/err")" "Restore a copy.*sqlite3 $2 \\.recover" "$1: and says what to do"
	same_file "$2" "$T/before" "$1: nothing was written into it"
	[ -s "$2-wal" ] && _result 1 "$1: nor into its WAL" || _result 0 "$1: nor into its WAL"
}

# The root page of the section table, its header zeroed.
cp "$T/good.db" "$T/page.db"
root=$(sqlite3 "$T/good.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'section'")
printf '\000' | dd of="$T/page.db" bs=1 seek=$(( (root - 1) * 4096 )) conv=notrunc 2>/dev/null
damaged "a page with a bad header" "$T/page.db"

# Cut short, as a copy interrupted half-way leaves it.
cp "$T/good.db" "$T/short.db"
truncate -s $(( $(stat -c %s "$T/good.db") / 2 )) "$T/short.db"
damaged "a file cut short" "$T/short.db"

# Damaged after minutes has checked and marked it, with its modification
# time put back: the change time still tells.
cp "$T/good.db" "$T/marked.db"
expect_rc 0 "a copy opens and is marked" "$MINUTES" --db "$T/marked.db" list
touch -r "$T/marked.db" "$T/stamp"
printf '\000' | dd of="$T/marked.db" bs=1 seek=$(( (root - 1) * 4096 )) conv=notrunc 2>/dev/null
touch -r "$T/stamp" "$T/marked.db"
damaged "damaged behind minutes' back" "$T/marked.db"

# An empty file is not made a database.
: >"$T/empty.db"
for cmd in list "import $FIX/vi-monthly.md"; do
	# shellcheck disable=SC2086
	expect_rc 1 "an empty file: $cmd: exit 1" "$MINUTES" --db "$T/empty.db" $cmd
	one_line_error "an empty file: $cmd: one line"
done
like "$(cat "$T/err")" "$T/empty.db: an empty file, not a minutes database" "the message says so"
is "$(stat -c %s "$T/empty.db")" 0 "and the file stays empty"
MINUTES_DB="$T/empty.db" expect_rc 1 "MINUTES_DB naming an empty file: exit 1" "$MINUTES" list
is "$(stat -c %s "$T/empty.db")" 0 "still empty"

# A journal left without its database is never read into a new one.
printf 'old WAL' >"$T/orphan.db-wal"
expect_rc 1 "a journal without its database: exit 1" "$MINUTES" --db "$T/orphan.db" list
one_line_error "one line"
like "$(cat "$T/err")" "its journal $T/orphan.db-wal is there" "it names the journal"
[ -e "$T/orphan.db" ] && _result 1 "and makes no database" || _result 0 "and makes no database"

# A new name is made a database, never half-made: nothing but the
# database is left beside it.
expect_rc 0 "a new name" "$MINUTES" --db "$T/new/m.db" list
is "$(ls "$T/new")" "m.db" "is created, with nothing left beside it"
done_testing
