#!/bin/sh
# The same fixtures on both stores give byte-identical `export --format
# md` and the same `actions --json`; `minutes copy` moves every meeting
# with its tasks (their UUIDs), histories and revisions from SQLite to
# PostgreSQL and back, adds nothing when run twice, and writes nothing
# when it fails.
# Skipped (77) where PostgreSQL is not installed.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/pg/pglib.sh"
pg_start
export MINUTES_TODAY=2025-11-15
sq="$T/one.db"
pq=$(pg_newdb parity)
fixtures="vi-monthly en-liaison vi-decomposed vi-empty-sections vi-long vi-pipes-hash vi-quarterly vi-state-long"

for f in $fixtures; do
	i=$("$MINUTES" --db "$sq" import "$FIX/$f.md")
	j=$("$MINUTES" --db "$pq" import "$FIX/$f.md")
	is "$j" "$i" "$f: the same id on both"
	"$MINUTES" --db "$sq" export "$i" --format md >"$T/sq.md"
	"$MINUTES" --db "$pq" export "$j" --format md >"$T/pg.md"
	same_file "$T/pg.md" "$T/sq.md" "$f: export --format md byte-identical"
done
# Status changes on both, the same way.
for st in "1 done" "3 dropped" "5 doing"; do
	# shellcheck disable=SC2086
	"$MINUTES" --db "$sq" action $st --note "ghi chú" >/dev/null
	# shellcheck disable=SC2086
	"$MINUTES" --db "$pq" action $st --note "ghi chú" >/dev/null
done
for scope in --open --overdue --all; do
	"$MINUTES" --db "$sq" actions $scope --json >"$T/sq.json"
	"$MINUTES" --db "$pq" actions $scope --json >"$T/pg.json"
	same_file "$T/pg.json" "$T/sq.json" "actions $scope --json the same"
done
"$MINUTES" --db "$sq" actions --assignee 'uy ban' --json >"$T/sq.json"
"$MINUTES" --db "$pq" actions --assignee 'uy ban' --json >"$T/pg.json"
same_file "$T/pg.json" "$T/sq.json" "actions --assignee (folded) the same"
"$MINUTES" --db "$sq" list >"$T/sq.txt"
"$MINUTES" --db "$pq" list >"$T/pg.txt"
same_file "$T/pg.txt" "$T/sq.txt" "list the same"
for q in 'dang vien' 'Đảng' '"ủy ban nhân dân"' 'hoi nong dan' 'phuong*'; do
	"$MINUTES" --db "$sq" search --json "$q" | grep -o '"id": *[0-9]*' >"$T/sq.ids"
	"$MINUTES" --db "$pq" search --json "$q" | grep -o '"id": *[0-9]*' >"$T/pg.ids"
	same_file "$T/pg.ids" "$T/sq.ids" "search $q: the same meetings in the same order"
done

# Copy up, copy again, copy back; a text saved several times keeps its
# revision, so an editor's base stays right.
sqlite3 "$sq" "UPDATE section SET rev = 7 WHERE id = 2"
up=$(pg_newdb up)
expect_rc 0 "copy a SQLite file to PostgreSQL" "$MINUTES" copy --from "$sq" --to "$up"
like "$(cat "$T/out")" '^copied 8 meetings; 0 were already there' "every meeting copied"
expect_rc 0 "copy it again" "$MINUTES" copy --from "$sq" --to "$up"
like "$(cat "$T/out")" '^copied 0 meetings; 8 were already there' "the second copy adds nothing"
is "$(pg_sql -d up -c 'SELECT count(*) FROM minutes.meeting')" 8 "8 meetings there, not 16"
back="$T/back.db"
expect_rc 0 "copy PostgreSQL back to a new file" "$MINUTES" copy --from "$up" --to "$back"
for i in 1 2 3 4 5 6 7 8; do
	"$MINUTES" --db "$sq" export "$i" --format md >"$T/a.md"
	"$MINUTES" --db "$up" export "$i" --format md >"$T/b.md"
	"$MINUTES" --db "$back" export "$i" --format md >"$T/c.md"
	cmp -s "$T/a.md" "$T/b.md" && cmp -s "$T/a.md" "$T/c.md" || break
done
is "$i" 8 "every meeting exports the same after going up and back"
is "$(sqlite3 "$back" "SELECT count(*), group_concat(at || old_status || new_status || coalesce(note, ''), '|') FROM (SELECT * FROM action_history ORDER BY action_id, id)")" \
    "$(sqlite3 "$sq" "SELECT count(*), group_concat(at || old_status || new_status || coalesce(note, ''), '|') FROM (SELECT * FROM action_history ORDER BY action_id, id)")" \
    "histories come back with their times and notes"
is "$(sqlite3 "$back" "SELECT group_concat(created || updated || uuid, '|') FROM (SELECT * FROM action ORDER BY id)")" \
    "$(sqlite3 "$sq" "SELECT group_concat(created || updated || uuid, '|') FROM (SELECT * FROM action ORDER BY id)")" \
    "tasks keep their stamps and UUIDs"
is "$(pg_sql -d up -c "SELECT string_agg(uuid, '|' ORDER BY id) FROM minutes.action")" \
    "$(sqlite3 "$sq" "SELECT group_concat(uuid, '|') FROM (SELECT * FROM action ORDER BY id)")" \
    "on the shared store too"
is "$(pg_sql -d up -c "SELECT string_agg(rev::text, ',' ORDER BY id) FROM minutes.section")" \
    "$(sqlite3 "$sq" "SELECT group_concat(rev) FROM (SELECT * FROM section ORDER BY id)")" \
    "sections keep their revisions up"
is "$(sqlite3 "$back" "SELECT group_concat(rev) FROM (SELECT * FROM section ORDER BY id)")" \
    "$(sqlite3 "$sq" "SELECT group_concat(rev) FROM (SELECT * FROM section ORDER BY id)")" \
    "and back"

# All or nothing: a destination that fails at the third meeting keeps
# nothing of the first two.
bad=$(pg_newdb bad)
"$MINUTES" --db "$bad" list >/dev/null
pg_sql -d bad -c "CREATE FUNCTION minutes.boom() RETURNS trigger LANGUAGE plpgsql AS
  \$\$BEGIN IF (SELECT count(*) FROM minutes.meeting) >= 2 THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END\$\$" \
    -c "CREATE TRIGGER boom BEFORE INSERT ON minutes.meeting FOR EACH ROW EXECUTE FUNCTION minutes.boom()"
expect_rc 1 "a copy that fails half way: exit 1" "$MINUTES" copy --from "$sq" --to "$bad"
one_line_error "and says why in one line"
is "$(pg_sql -d bad -c 'SELECT count(*) FROM minutes.meeting')" 0 "and leaves nothing behind"
cp "$back" "$T/bad.db"
sqlite3 "$T/bad.db" "DELETE FROM meeting; CREATE TRIGGER boom BEFORE INSERT ON meeting WHEN (SELECT count(*) FROM meeting) >= 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END;"
expect_rc 1 "the same into a SQLite file" "$MINUTES" copy --from "$up" --to "$T/bad.db"
is "$(sqlite3 "$T/bad.db" 'SELECT count(*) FROM meeting')" 0 "leaves nothing behind either"
expect_rc 1 "a copy from a store that is not there" "$MINUTES" copy --from "$T/nosuch.db" --to "$T/new.db"
if [ -e "$T/new.db" ]; then _result 1 "creates no file"; else _result 0 "creates no file"; fi
expect_rc 2 "copy without --to" "$MINUTES" copy --from "$sq"
one_line_error "copy without --to: one line"
expect_rc 2 "a store onto itself" "$MINUTES" copy --from "$sq" --to "$sq"
done_testing
