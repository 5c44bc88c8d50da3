#!/bin/sh
# Where the database lives and how bad databases are refused: the XDG
# default, MINUTES_DB and --db, modes 0600/0700, a file that is not SQLite,
# another program's database, and a schema newer than the program.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset MINUTES_DB
expect_rc 0 "list on a fresh XDG_DATA_HOME" "$MINUTES" list
is "$(cat "$T/out")" "" "an empty database lists nothing"
db="$XDG_DATA_HOME/minutes/minutes.db"
if [ -f "$db" ]; then _result 0 "created at \$XDG_DATA_HOME/minutes/minutes.db"; else _result 1 "created at \$XDG_DATA_HOME/minutes/minutes.db"; fi
is "$(stat -c %a "$db")" 600 "database mode 0600"
is "$(stat -c %a "$XDG_DATA_HOME/minutes")" 700 "folder mode 0700"

expect_rc 0 "HOME fallback" env -u XDG_DATA_HOME "$MINUTES" import "$FIX/vi-monthly.md"
if [ -f "$HOME/.local/share/minutes/minutes.db" ]; then _result 0 "falls back to ~/.local/share/minutes"; else _result 1 "falls back to ~/.local/share/minutes"; fi

expect_rc 0 "MINUTES_DB wins over XDG" env MINUTES_DB="$T/env.db" "$MINUTES" import "$FIX/vi-monthly.md"
if [ -f "$T/env.db" ]; then _result 0 "MINUTES_DB file created"; else _result 1 "MINUTES_DB file created"; fi
expect_rc 0 "--db wins over MINUTES_DB" env MINUTES_DB="$T/env.db" "$MINUTES" --db "$T/opt.db" import "$FIX/en-liaison.md"
n=$(sqlite3 "$T/opt.db" "SELECT count(*) FROM meeting")
is "$n" 1 "--db got the meeting"
n=$(sqlite3 "$T/env.db" "SELECT count(*) FROM meeting")
is "$n" 1 "MINUTES_DB did not"

# Pragmas and schema.
is "$(sqlite3 "$T/opt.db" 'PRAGMA journal_mode')" wal "WAL mode"
is "$(sqlite3 "$T/opt.db" 'PRAGMA user_version')" 5 "schema version 5"
for t in meeting attendee section action action_history edit_lock suggestion_seen; do
	n=$(sqlite3 "$T/opt.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '$t'")
	is "$n" 1 "table $t exists"
done
for c in series style number recipients; do
	n=$(sqlite3 "$T/opt.db" "SELECT count(*) FROM pragma_table_info('meeting') WHERE name = '$c'")
	is "$n" 1 "meeting.$c exists"
done
for c in src_section src_start src_end due_text; do
	n=$(sqlite3 "$T/opt.db" "SELECT count(*) FROM pragma_table_info('action') WHERE name = '$c'")
	is "$n" 1 "action.$c exists"
done
n=$(sqlite3 "$T/opt.db" "SELECT count(*) FROM action_history")
is "$n" 5 "each imported task has its first history entry"

# A file that is not SQLite: refused, untouched.
printf 'minutes of the last meeting, not a database\n' >"$T/notdb"
sum=$(cksum <"$T/notdb")
expect_rc 1 "not a database: exit 1" "$MINUTES" --db "$T/notdb" list
one_line_error "not a database: one line"
like "$(cat "$T/err")" 'notdb' "the error names the file"
is "$(cksum <"$T/notdb")" "$sum" "the file is untouched"
expect_rc 1 "import into a non-database: exit 1" "$MINUTES" --db "$T/notdb" import "$FIX/vi-monthly.md"
is "$(cksum <"$T/notdb")" "$sum" "still untouched"

# Another program's SQLite database.
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
expect_rc 1 "another program's database: exit 1" "$MINUTES" --db "$T/other.db" list
like "$(cat "$T/err")" 'not a minutes database' "another program's database is refused"
is "$(sqlite3 "$T/other.db" "SELECT count(*) FROM sqlite_schema")" 1 "and left alone"

# A newer schema.
cp "$T/opt.db" "$T/new.db"
sqlite3 "$T/new.db" "PRAGMA user_version = 99"
sum=$(cksum <"$T/new.db")
expect_rc 1 "newer schema: exit 1" "$MINUTES" --db "$T/new.db" list
one_line_error "newer schema: one line"
like "$(cat "$T/err")" 'schema version 99' "newer schema is named"
is "$(cksum <"$T/new.db")" "$sum" "newer database untouched"

# A folder where the database should be.
mkdir "$T/dir.db"
expect_rc 1 "a folder is not a database" "$MINUTES" --db "$T/dir.db" list
one_line_error "a folder: one line"

# Unknown meeting ids.
expect_rc 2 "show of a missing meeting: exit 2" "$MINUTES" --db "$T/opt.db" show 999
like "$(cat "$T/err")" 'no meeting 999' "names the missing id"
expect_rc 2 "show of a bad id: exit 2" "$MINUTES" --db "$T/opt.db" show abc
expect_rc 2 "show without an id: exit 2" "$MINUTES" --db "$T/opt.db" show

# libpq is loaded when a PostgreSQL store is opened, never for a file (it
# and its libraries cost every command time at start); where it cannot be
# loaded, a PostgreSQL store is refused in one line that names it.
if ! on_pg; then
	LD_DEBUG=libs "$MINUTES" --db "$T/opt.db" list >/dev/null 2>"$T/ld"
	is "$(grep -c 'libpq' "$T/ld")" 0 "a SQLite file does not load libpq"
	mkdir "$T/nolib"
	: >"$T/nolib/libpq.so.5"
	expect_rc 1 "a libpq that cannot be loaded: exit 1" \
	    env LD_LIBRARY_PATH="$T/nolib" "$MINUTES" \
	    --db "postgresql:///none?host=$T/nowhere" list
	one_line_error "a libpq that cannot be loaded: one line"
	like "$(cat "$T/err")" 'needs the libpq library' "and it says so"
fi
done_testing
