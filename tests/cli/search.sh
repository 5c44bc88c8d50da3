#!/bin/sh
# search: folding of case and diacritics including đ/Đ, words in any order,
# quoted phrases, exact diacritics ranked first, the index kept through
# imports, header edits and deletes, an old database upgraded by migration,
# and bad queries refused with one line and exit 2.
. "${top_srcdir:-.}/tests/cli/lib.sh"

for f in vi-quarterly vi-monthly vi-state-long en-liaison; do
	expect_rc 0 "import $f" "$MINUTES" import "$FIX/$f.md"
	eval "id_$(echo $f | tr - _)=\$(cat \"\$T/out\")"
done

# ids FILE: the meeting ids of search output, one line each.
ids() { awk '{print $1}' "$T/out" | tr '\n' ' ' | sed 's/ $//'; }

expect_rc 0 "search without diacritics" "$MINUTES" search --width 200 dan van kheo
is "$(ids)" "$id_vi_quarterly" "\"dan van kheo\" finds “Dân vận khéo”"
expect_rc 0 "search đ folded" "$MINUTES" search --width 200 Do Minh Duc
like "$(ids)" "^$id_vi_state_long( |$)" "\"Do Minh Duc\" finds Đỗ Minh Đức, first"
like "$(cat "$T/out")" '»Đỗ Minh Đức«' "the match is marked in the original text"
expect_rc 0 "search upper case" "$MINUTES" search --width 200 'DO MINH DUC'
like "$(ids)" "^$id_vi_state_long( |$)" "case folds"
expect_rc 0 "search đ typed" "$MINUTES" search --width 200 'đỗ minh đức'
like "$(ids)" "^$id_vi_state_long( |$)" "\"đỗ minh đức\" as typed"
expect_rc 0 "words in any order" "$MINUTES" search --width 200 Duc Minh Do
like "$(ids)" "(^| )$id_vi_state_long( |$)" "words in any order"
expect_rc 0 "a phrase in the wrong order" "$MINUTES" search --width 200 '"Duc Minh Do"'
is "$(cat "$T/out")" "" "a quoted phrase keeps its order"
expect_rc 0 "typographic quotes" "$MINUTES" search --width 200 '“đỗ minh đức”'
is "$(ids)" "$id_vi_state_long" "“…” quote a phrase too"
expect_rc 0 "English text" "$MINUTES" search --width 200 street lighting
is "$(ids)" "$id_en_liaison" "English words"
expect_rc 0 "prefix" "$MINUTES" search --width 200 'Northbr*'
is "$(ids)" "$id_en_liaison" "a trailing * matches a prefix"
expect_rc 0 "roster" "$MINUTES" search --width 200 Phan Dinh Giot
is "$(ids)" "$id_vi_state_long" "the roster is searched (a proxy's name)"
expect_rc 0 "tasks" "$MINUTES" search --width 200 trong giu xe
like "$(ids)" "^$id_vi_state_long" "the tasks are searched"
expect_rc 0 "header" "$MINUTES" search --width 200 215/BB-UBND
is "$(ids)" "$id_vi_state_long" "the header is searched (number)"
expect_rc 0 "document numbers" "$MINUTES" search --width 200 'nd-cp OR ('
is "$(cat "$T/out")" "" "FTS5 syntax typed is just words"

# Every line fits the width, by display width.
expect_rc 0 "search --width 60" "$MINUTES" search --width 60 giam sat
w=$(python3 -c 'import sys,unicodedata
print(max([sum(0 if unicodedata.combining(c) else 1 for c in l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$T/out")
like "$w" '^([1-5]?[0-9]|60)$' "hits fit 60 columns (widest $w)"
like "$(head -1 "$T/out")" '^ *[0-9]+  20[0-9-]{8}  ' "a hit starts with id and date"
COLUMNS=45 expect_rc 0 "search with COLUMNS=45, not on a terminal" "$MINUTES" search giam sat
w=$(python3 -c 'import sys,unicodedata
print(max([sum(0 if unicodedata.combining(c) else 1 for c in l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$T/out")
like "$w" '^([5-9][0-9]|[1-9][0-9][0-9]+)$' "off a terminal the lines are not cut to COLUMNS (widest $w)"
expect_rc 0 "search --json" "$MINUTES" search --json Phan Dinh Giot
like "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["part"], d[0]["exact"], d[0]["snippet"])' <"$T/out")" '^roster False .*Hội Cựu chiến binh phường \(»Phan Đình Giót«\)$' "--json names the part, exactness and a marked snippet"

# Ranking: a meeting with the exact diacritics comes before one that only
# matches once folded ("đảng viên" vs "đang viên").
printf -- '---\ntemplate: giaoban\ntitle: Họp chi bộ A\ndate: 2026-01-05\n---\n\n## Kết quả đạt được {#results}\n\nSố đang viên ở khu phố mới tăng.\n' >"$T/a.md"
printf -- '---\ntemplate: giaoban\ntitle: Họp chi bộ B\ndate: 2026-01-04\n---\n\n## Kết quả đạt được {#results}\n\nKết nạp đảng viên mới cho khu phố.\n' >"$T/b.md"
expect_rc 0 "import A" "$MINUTES" import "$T/a.md"; a=$(cat "$T/out")
expect_rc 0 "import B" "$MINUTES" import "$T/b.md"; b=$(cat "$T/out")
expect_rc 0 "search đảng viên" "$MINUTES" search --width 200 '"đảng viên"'
is "$(ids)" "$b $a" "the exact phrase ranks before the folded match"
expect_rc 0 "search dang vien" "$MINUTES" search --width 200 '"dang vien"'
is "$(ids | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')" "$(printf '%s\n' $a $b | sort | tr '\n' ' ' | sed 's/ $//')" "\"dang vien\" finds both"
expect_rc 0 "words together first" "$MINUTES" search --width 200 'khu phố mới'
like "$(ids)" "^$a " "words standing together rank first"

# The index follows deletes, whoever deletes (here: the sqlite3 shell).
if on_pg; then
	db_sql "DELETE FROM meeting WHERE id = $b"
	expect_rc 0 "search after a delete" "$MINUTES" search --width 200 '"đảng viên"'
	is "$(ids)" "$a" "a deleted meeting is no longer found"
	is "$(db_sql 'SELECT count(*) FROM search_doc')" "$(db_sql 'SELECT count(*) FROM meeting')" "one index row per meeting"
elif command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$MINUTES_DB" "PRAGMA foreign_keys = ON; DELETE FROM meeting WHERE id = $b"
	expect_rc 0 "search after a delete" "$MINUTES" search --width 200 '"đảng viên"'
	is "$(ids)" "$a" "a deleted meeting is no longer found"
	is "$(sqlite3 "$MINUTES_DB" "INSERT INTO search (search) VALUES ('integrity-check'); SELECT count(*) FROM search;")" "$(sqlite3 "$MINUTES_DB" 'SELECT count(*) FROM meeting')" "one index row per meeting, index intact"
	is "$(sqlite3 "$MINUTES_DB" 'SELECT count(*) FROM search_stale')" 1 "the deleted meeting's text waits to be unfolded"
	# The next write forgets its folded rows; the id is then reused.
	expect_rc 0 "import after a delete" "$MINUTES" import "$T/a.md"
	is "$(sqlite3 "$MINUTES_DB" 'SELECT count(*) FROM search_stale')" 0 "and the next write does it"
	like "$(cat "$T/out")" "^$b\$" "the id of the deleted meeting is reused"
	expect_rc 0 "search after the next write" "$MINUTES" search --width 200 ket nap
	is "$(ids)" "" "the deleted meeting's words are gone, even with its id reused"

	# A change of folding (a new utf8proc) refolds the index at open.
	sqlite3 "$MINUTES_DB" "UPDATE search_meta SET value = 'utf8proc 0.0' WHERE key = 'fold'"
	expect_rc 0 "search after the folding changed" "$MINUTES" search --width 200 Do Minh Duc
	like "$(ids)" "^$id_vi_state_long( |\$)" "the refolded index finds what it found"
	like "$(sqlite3 "$MINUTES_DB" "SELECT value FROM search_meta WHERE key = 'fold'")" '^utf8proc [0-9]' "and records the folding it was built with"

	# A version-1 database (before the index) is upgraded and searchable.
	cp "$MINUTES_DB" "$T/old.db"
	sqlite3 "$T/old.db" "DROP TRIGGER search_meeting_gone; DROP TABLE search; DROP TABLE search_fold; DROP TABLE search_stale; DROP TABLE search_meta; DROP TABLE search_pending; DROP INDEX section_rev; ALTER TABLE section DROP COLUMN rev; ALTER TABLE meeting DROP COLUMN locality; DROP TRIGGER action_uuid; DROP INDEX action_by_uuid; DROP INDEX action_open; ALTER TABLE action DROP COLUMN uuid; PRAGMA user_version = 1;"
	is "$(sqlite3 "$T/old.db" "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search%'")" 0 "the old database has no index"
	expect_rc 0 "search an old database" "$MINUTES" --db "$T/old.db" search --width 200 Do Minh Duc
	like "$(ids)" "^$id_vi_state_long( |$)" "migration 2 indexes the meetings already there"
	is "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" 5 "and the schema is the latest (5)"
fi

# Bad queries: one line, exit 2, no crash, database untouched.
for q in '"unbalanced' '“open' '( * : ^ -' '""' '   '; do
	expect_rc 2 "bad query [$q]: exit 2" "$MINUTES" search "$q"
	one_line_error "bad query [$q]: one line"
done
expect_rc 2 "no query" "$MINUTES" search
one_line_error "no query: one line"
expect_rc 2 "bad --limit" "$MINUTES" search --limit 0 x
expect_rc 2 "invalid UTF-8" "$MINUTES" search "$(printf 'a\377b')"
one_line_error "invalid UTF-8: one line"
many=$(seq 1 40 | tr '\n' ' ')
expect_rc 2 "too many words" "$MINUTES" search $many
like "$(cat "$T/err")" '32' "the limit is named"
expect_rc 0 "--limit" "$MINUTES" search --limit 1 --width 200 phường
is "$(wc -l <"$T/out" | tr -d ' ')" 1 "--limit 1 gives one hit"
done_testing
