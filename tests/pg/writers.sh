#!/bin/sh
# Many writers on one PostgreSQL store: parallel imports and status
# changes, by two units at once, all succeed, lose nothing and take no
# longer than a moment each; and the schema's versioning rule: a newer
# schema is refused and left untouched, another program's schema
# "minutes" too.  Skipped (77) where PostgreSQL is not installed.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/pg/pglib.sh"
pg_start

pg_sql -c "CREATE ROLE ward_a LOGIN" -c "CREATE ROLE ward_b LOGIN" \
    -c "CREATE DATABASE many"
u=$(echo "postgresql:///many?host=$PGT")
"$MINUTES" --db "$u" grant ward_a ward_b >/dev/null
ua="postgresql://ward_a@/many?host=$PGT"
ub="postgresql://ward_b@/many?host=$PGT"
seed=$("$MINUTES" --db "$ua" import "$FIX/vi-monthly.md")
tasks=$("$MINUTES" --db "$ua" actions --all --json | grep -o '"id": *[0-9]*' | tr -dc '0-9\n' | head -3)

# Four importers (two per unit) and two status changers, all at once.
start=$(date +%s)
for w in 1 2 3 4; do
	if [ $((w % 2)) -eq 0 ]; then db=$ub; else db=$ua; fi
	(
		for i in 1 2 3 4 5 6 7 8 9 10; do
			"$MINUTES" --db "$db" import "$FIX/vi-quarterly.md" >/dev/null 2>>"$T/fail.$w" ||
			    echo "import $i failed" >>"$T/fail.$w"
		done
	) &
done
for w in 5 6; do
	(
		for i in 1 2 3 4 5; do
			for t in $tasks; do
				st=doing
				[ $((i % 2)) -eq 0 ] && st=open
				"$MINUTES" --db "$ua" action "$t" $st >/dev/null 2>>"$T/fail.$w" ||
				    echo "action $t failed" >>"$T/fail.$w"
			done
		done
	) &
done
wait
took=$(( $(date +%s) - start ))
is "$(cat "$T"/fail.* 2>/dev/null)" "" "every import and status change succeeded"
is "$(pg_sql -d many -c 'SELECT count(*) FROM minutes.meeting')" 41 "no meeting lost: 1 + 4 x 10"
is "$(pg_sql -d many -c "SELECT count(*) FROM minutes.meeting m JOIN pg_roles r ON r.oid = m.owner WHERE r.rolname = 'ward_b'")" 20 "each unit owns its imports"
is "$(pg_sql -d many -c "SELECT count(*) FROM minutes.search_doc")" 41 "every meeting indexed"
# No lost update: each history row starts from the status the one before
# it left, and each task's status is its last row's.
is "$(pg_sql -d many -c "SELECT count(*) FROM (SELECT old_status, lag(new_status) OVER (PARTITION BY action_id ORDER BY id) AS prev FROM minutes.action_history) x WHERE prev IS NOT NULL AND old_status IS DISTINCT FROM prev")" 0 "every status change starts from the one before"
is "$(pg_sql -d many -c "SELECT count(*) FROM minutes.action a WHERE a.status <> (SELECT h.new_status FROM minutes.action_history h WHERE h.action_id = a.id ORDER BY h.id DESC LIMIT 1)")" 0 "every task's status is its history's last"
if [ "$took" -le 60 ]; then _result 0 "no writer waited long ($took s for 70 commands)"; else _result 1 "no writer waited long ($took s for 70 commands)"; fi

# Versioning: a newer schema is refused, untouched.
pg_sql -c "CREATE DATABASE newer"
"$MINUTES" --db "postgresql:///newer?host=$PGT" list >/dev/null
pg_sql -d newer -c "UPDATE minutes.meta SET value = '99' WHERE key = 'schema_version'"
before=$(pg_sql -d newer -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'minutes'")
expect_rc 1 "a newer schema is refused" "$MINUTES" --db "postgresql:///newer?host=$PGT" import "$FIX/vi-monthly.md"
like "$(cat "$T/err")" 'schema version 99, newer' "and says so"
is "$(pg_sql -d newer -c "SELECT count(*) FROM minutes.meeting")" 0 "nothing written"
is "$(pg_sql -d newer -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'minutes'")" "$before" "nothing in the schema changed"
pg_sql -c "CREATE DATABASE other"
pg_sql -d other -c "CREATE SCHEMA minutes" -c "CREATE TABLE minutes.t (x int)"
expect_rc 1 "another program's schema \"minutes\" is refused" "$MINUTES" --db "postgresql:///other?host=$PGT" list
is "$(pg_sql -d other -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'minutes'")" 1 "and left alone"
done_testing
