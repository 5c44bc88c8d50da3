#!/bin/sh
# Units and the office on one PostgreSQL store (issue 16): the store's
# owner (district) creates it and grants it to ward_a, ward_b and office,
# a role that is granted both wards.  Each role then sees exactly its
# own meetings (the office: every ward's), and is refused, changing
# nothing, where it should be; the statements the store runs cannot step
# around the policies when typed by hand either.  Every check runs as
# the role in question, never as the tables' owner or a superuser.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/pg/pglib.sh"
pg_start

pg_sql -c "CREATE ROLE district LOGIN" -c "CREATE ROLE ward_a LOGIN" \
    -c "CREATE ROLE ward_b LOGIN" -c "CREATE ROLE office LOGIN" \
    -c "GRANT ward_a, ward_b TO office" -c "CREATE ROLE stranger LOGIN" \
    -c "CREATE DATABASE quan OWNER district" \
    -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC"
uri() {
	echo "postgresql://$1@/quan?host=$PGT"
}
as() {	# as ROLE minutes-arguments...
	_r=$1
	shift
	"$MINUTES" --db "$(uri "$_r")" "$@"
}
sql_as() {	# sql_as ROLE SQL: psql as ROLE; rows on stdout
	PGOPTIONS="-c search_path=minutes" psql -X -q -At "$(uri "$1")" -c "$2" 2>"$T/psql.err"
}

# A URI is never a file name, even mistyped.
(cd "$T" && "$MINUTES" --db "postgresql:/quan" list) >"$T/out" 2>"$T/err"
is "$?" 2 "a mistyped URI is refused"
one_line_error "a mistyped URI: one line"
is "$(ls "$T" | grep -c postgres)" 0 "and no file or folder is made of it"
expect_rc 1 "a server that is not there: exit 1" "$MINUTES" --db "postgresql:///quan?host=$T/nothere" list
like "$(cat "$T/err")" 'cannot connect to the server' "says it cannot connect"
is "$(ls "$T" | grep -c quan)" 0 "and makes no file"
expect_rc 1 "a server that is not there, with a password in the URI" "$MINUTES" --db "postgresql://ward_a:s3cr3t@/quan?host=$T/nothere&password=t0p" list
if grep -q 's3cr3t\|t0p' "$T/err"; then _result 1 "the password is never shown"; else _result 0 "the password is never shown"; fi
like "$(cat "$T/err")" 'postgresql://ward_a@/quan\?host=' "the URI is shown without it"
expect_rc 1 "a role that may not create the store is refused" as ward_a list
like "$(cat "$T/err")" 'may not create one' "and told who may"
expect_rc 0 "the owner's first use creates the store" as district list
expect_rc 1 "a role not granted the store is refused" as ward_a list
like "$(cat "$T/err")" 'minutes --db URI grant ward_a' "and told the command that lets it"
expect_rc 0 "the owner grants it" as district grant ward_a ward_b office
expect_rc 2 "grant of an unknown role: exit 2" as district grant nobody_here
one_line_error "grant of an unknown role: one line"
expect_rc 1 "grant by another role: exit 1" as ward_a grant stranger
like "$(cat "$T/err")" 'only the store.s owner \(district\)' "names the owner"
is "$(pg_sql -d quan -c "SELECT count(*) FROM minutes.grantee WHERE role = 'stranger'")" 0 "and grants nothing"

a=$(as ward_a import "$FIX/vi-monthly.md")
b=$(as ward_b import "$FIX/en-liaison.md")
like "$a $b" '^[0-9]+ [0-9]+$' "each ward imports its minutes"

expect_rc 0 "ward_a lists" as ward_a list --json
is "$(grep -o '"id": *[0-9]*' "$T/out" | tr -dc '0-9\n')" "$a" "ward_a sees only its own meeting"
expect_rc 0 "ward_b lists" as ward_b list --json
is "$(grep -o '"id": *[0-9]*' "$T/out" | tr -dc '0-9\n')" "$b" "ward_b sees only its own meeting"
expect_rc 0 "the office lists" as office list --json
is "$(grep -o '"id": *[0-9]*' "$T/out" | tr -dc '0-9\n' | sort | tr '\n' ' ')" "$(printf '%s\n' "$a" "$b" | sort | tr '\n' ' ')" "the office sees both wards"
expect_rc 2 "ward_b cannot show ward_a's meeting" as ward_b show "$a"
expect_rc 2 "nor export it" as ward_b export "$a" --format md
expect_rc 0 "ward_b searches for ward_a's words" as ward_b search --json 'Hòa Phong'
is "$(cat "$T/out")" "[]" "and finds nothing"
expect_rc 0 "the office searches the same words" as office search --json 'Hoa Phong'
like "$(cat "$T/out")" "\"id\": *$a" "and finds ward_a's meeting"
count_tasks() {
	as "$1" actions --all --json | grep -o '"meeting_id"' | wc -l
}
n_a=$(count_tasks ward_a)
n_b=$(count_tasks ward_b)
n_o=$(count_tasks office)
is "$n_o" "$((n_a + n_b))" "the office reviews every ward's tasks ($n_a + $n_b)"
task_a=$(as ward_a actions --all --json | grep -o '"id": *[0-9]*' | head -1 | tr -dc '0-9')
before=$(sql_as ward_a "SELECT status FROM action WHERE id = $task_a")
expect_rc 2 "ward_b cannot change ward_a's task" as ward_b action "$task_a" dropped
is "$(sql_as ward_a "SELECT status FROM action WHERE id = $task_a")" "$before" "and it is unchanged"
expect_rc 0 "the office changes ward_a's task status" as office action "$task_a" done --note "Văn phòng quận đã kiểm tra"
expect_rc 0 "ward_a reads the task" as ward_a action "$task_a"
like "$(cat "$T/out")" '\[office\] [^ ]+ -> ' "its history shows the office did it"
is "$(sql_as ward_a "SELECT status FROM action WHERE id = $task_a")" "done" "and the status is the office's"

# The statements the store runs, typed by hand as each role.
is "$(sql_as ward_b "UPDATE meeting SET title = 'x' WHERE id = $a RETURNING id")" "" "ward_b: UPDATE of ward_a's meeting changes nothing"
sql_as ward_b "INSERT INTO section (meeting_id, key, body) VALUES ($a, 'x', 'y')" >/dev/null
like "$(cat "$T/psql.err")" 'row-level security|null value' "ward_b: a section added to ward_a's meeting is refused"
is "$(sql_as ward_b "DELETE FROM action WHERE meeting_id = $a RETURNING id")" "" "ward_b: DELETE of ward_a's tasks deletes nothing"
is "$(sql_as ward_b "SELECT count(*) FROM search_doc")" 1 "ward_b: the search index holds only its own"
is "$(sql_as ward_b "SELECT count(*) FROM action_history h JOIN action a ON a.id = h.action_id WHERE a.meeting_id = $a")" 0 "ward_b: nor any of ward_a's history"
sql_as office "UPDATE action SET task = 'x' WHERE id = $task_a" >/dev/null
like "$(cat "$T/psql.err")" "only the status of another unit" "office: a task's text is not the office's to change"
is "$(sql_as office "UPDATE meeting SET title = 'x' WHERE id = $a RETURNING id")" "" "office: nor a meeting's header"
sql_as office "INSERT INTO attendee (meeting_id, pos, name, role, presence) VALUES ($a, 9, 'x', 'guest', 'present')" >/dev/null
like "$(cat "$T/psql.err")" 'row-level security' "office: nor its roster"
is "$(sql_as ward_a "INSERT INTO meeting (template, title, date, owner) VALUES ('giaoban', 'x', '2025-01-01', (SELECT oid FROM pg_roles WHERE rolname = 'ward_b')) RETURNING pg_get_userbyid(owner)")" ward_a "ward_a: a meeting filed under ward_b is filed under ward_a"
is "$(sql_as ward_a "UPDATE meeting SET owner = (SELECT oid FROM pg_roles WHERE rolname = 'ward_b') WHERE id = $a RETURNING pg_get_userbyid(owner)")" ward_a "ward_a: a meeting cannot be given away"
is "$(sql_as ward_a "INSERT INTO action_history (action_id, new_status, by_role) VALUES ($task_a, 'open', 'ward_b') RETURNING by_role")" ward_a "ward_a: history names who wrote it, whatever the statement says"
is "$(sql_as district "SELECT count(*) FROM meeting")" 0 "district (the tables' owner) sees no ward's meetings either"

# Through the store's interface: refusals that leave everything as it
# was, the office's status change, edit locks, a server restart.
restart_cmd="$pg_as $PGBIN/pg_ctl -D $PGT/data -m fast -w restart -o '$pg_opts' -l $PGT/server.log >/dev/null 2>&1"
relay t_pg env MINUTES_TEST_PG_A="$(uri ward_a)" MINUTES_TEST_PG_B="$(uri ward_b)" \
    MINUTES_TEST_PG_O="$(uri office)" MINUTES_TEST_PG_RESTART="$restart_cmd" \
    "${top_builddir:-.}/tests/unit/t_pg"
done_testing
