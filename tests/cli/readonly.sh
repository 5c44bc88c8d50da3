#!/bin/sh
# A database in a folder minutes may not write is reported as such: SQLite
# keeps its journal beside the file, so the folder must be writable even
# to read.  The message names the folder and says what to do, instead of
# "unable to open database file".  Run as root, the commands run as the
# user nobody (setpriv), for whom permission bits hold.
. "${top_srcdir:-.}/tests/cli/lib.sh"

expect_rc 0 "a database" "$MINUTES" --db "$T/ro/m.db" import "$FIX/vi-monthly.md"
chmod 666 "$T/ro/m.db"
chmod 555 "$T/ro"
if [ "$(id -u)" -eq 0 ]; then
	needs setpriv \
	    "setpriv (util-linux) is needed to test as another user"
	chmod 755 "$T"
	as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	as() { "$@"; }
fi

expect_rc 1 "in a read-only folder: list: exit 1" as "$MINUTES" --db "$T/ro/m.db" list
one_line_error "one line"
like "$(cat "$T/err")" "the folder $T/ro is read-only" "it names the read-only folder"
like "$(cat "$T/err")" "make the folder writable" "and says what to do"
grep -q "unable to open" "$T/err" && _result 1 "not \"unable to open database file\"" || _result 0 "not \"unable to open database file\""

expect_rc 1 "a new database in a read-only folder: exit 1" as "$MINUTES" --db "$T/ro/new.db" list
one_line_error "one line"
like "$(cat "$T/err")" "the folder $T/ro is read-only" "it names the read-only folder"
[ -e "$T/ro/new.db" ] && _result 1 "and nothing is made" || _result 0 "and nothing is made"
chmod 755 "$T/ro"
done_testing
