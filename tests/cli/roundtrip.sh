#!/bin/sh
# Import then export --format md gives back the same bytes for every
# canonical fixture, and the exported file is a fixed point; decomposed
# input is stored as NFC.
. "${top_srcdir:-.}/tests/cli/lib.sh"

for f in "$FIX"/*.md; do
	name=$(basename "$f" .md)
	want=$f
	[ "$name" = vi-decomposed ] && want="$FIX/vi-decomposed.nfc.md"
	expect_rc 0 "$name: import" "$MINUTES" import "$f"
	id=$(cat "$T/out")
	like "$id" '^[0-9]+$' "$name: import prints the new id"
	expect_rc 0 "$name: export md" "$MINUTES" export "$id" --format md
	cp "$T/out" "$T/$name.out.md"
	same_file "$T/$name.out.md" "$want" "$name: export gives back the same bytes"
	expect_rc 0 "$name: re-import the export" "$MINUTES" import "$T/$name.out.md"
	id2=$(cat "$T/out")
	expect_rc 0 "$name: export again" "$MINUTES" export "$id2" --format md
	same_file "$T/out" "$T/$name.out.md" "$name: the export is a fixed point"
done

# Standard input works as a file.
expect_rc 0 "import from stdin" sh -c '"$MINUTES" import - < "$1"' sh "$FIX/vi-monthly.md"
id=$(cat "$T/out")
expect_rc 0 "export the stdin import" "$MINUTES" export "$id" --format md
same_file "$T/out" "$FIX/vi-monthly.md" "stdin import round-trips"

# The decomposed title is stored composed: the database holds NFC.
if on_pg; then
	n=$(db_sql "SELECT count(*) FROM meeting WHERE normalize(title, NFC) <> title")
	is "$n" 0 "no combining marks stored in titles"
	n=$(db_sql "SELECT count(*) FROM section WHERE normalize(body, NFC) <> body")
	is "$n" 0 "no combining marks stored in sections"
elif command -v sqlite3 >/dev/null 2>&1; then
	n=$(sqlite3 "$MINUTES_DB" "SELECT count(*) FROM meeting WHERE title LIKE '%' || char(0x0301) || '%' OR title LIKE '%' || char(0x0303) || '%' OR title LIKE '%' || char(0x0323) || '%'")
	is "$n" 0 "no combining marks stored in titles"
	n=$(sqlite3 "$MINUTES_DB" "SELECT count(*) FROM section WHERE body LIKE '%' || char(0x0300) || '%' OR body LIKE '%' || char(0x0301) || '%' OR body LIKE '%' || char(0x0323) || '%'")
	is "$n" 0 "no combining marks stored in sections"
fi
done_testing
