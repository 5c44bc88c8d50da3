#!/bin/sh
# export: JSON is valid and complete, -o writes atomically with mode 0600,
# show and list read well, templates are listed.
. "${top_srcdir:-.}/tests/cli/lib.sh"

expect_rc 0 "import" "$MINUTES" import "$FIX/vi-quarterly.md"
id=$(cat "$T/out")

expect_rc 0 "export json" "$MINUTES" export "$id" --format json
cp "$T/out" "$T/m.json"
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/m.json" 2>"$T/jerr"; then
	_result 0 "JSON parses"
else
	_result 1 "JSON parses"; sed 's/^/#   /' "$T/jerr"
fi
q() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$T/m.json"; }
is "$(q 'd["title"]')" "$(sed -n 's/^title: //p' "$FIX/vi-quarterly.md")" "title survives"
is "$(q 'd["template"]')" giaoban "template"
is "$(q 'd["date"]')" 2025-09-18 "date"
is "$(q 'len(d["attendees"])')" "$(sed -n '/{#attendees}/,/{#results}/p' "$FIX/vi-quarterly.md" | grep -c '^| ' | awk '{print $1-1}')" "every attendee"
is "$(q 'len(d["tasks"])')" 6 "every task"
is "$(q 'all(isinstance(t["id"], int) and t["id"] > 0 for t in d["tasks"])')" True "tasks carry ids"
is "$(q '",".join(t["status"] for t in d["tasks"])')" "$(sed -n '/{#tasks}/,$p' "$FIX/vi-quarterly.md" | grep '^| ' | tail -n +2 | awk -F' [|] ' '{s=$NF; sub(/ [|]$/,"",s); printf "%s%s", (NR>1?",":""), s}')" "task statuses"
is "$(q '[s["key"] for s in d["sections"]]')" "['attendees', 'results', 'limitations', 'opinions', 'conclusions', 'tasks']" "sections in template order"
is "$(q 'len(d["recipients"]) > 1')" True "recipients are a list"

is "$(q 'd["locality"]')" None "no locality given: null (the biên bản derives it)"

# The place of issue: in the Markdown format, the store and the JSON; a
# version-2 database gains its column.
sed 's/^place: .*/&\nlocality: Quận Bình Giang/' "$FIX/vi-quarterly.md" >"$T/loc.md"
expect_rc 0 "import with a locality" "$MINUTES" import "$T/loc.md"
lid=$(cat "$T/out")
expect_rc 0 "export it as md" "$MINUTES" export "$lid" --format md
same_file "$T/out" "$T/loc.md" "locality round-trips through the store"
expect_rc 0 "export it as json" "$MINUTES" export "$lid" --format json
is "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["locality"])' <"$T/out")" "Quận Bình Giang" "locality in the JSON"
expect_rc 0 "export it as text" "$MINUTES" export "$lid"
like "$(head -3 "$T/out")" 'Quận Bình Giang, ngày 18 tháng 9 năm 2025' "the biên bản's date line takes it"
if ! on_pg; then
	cp "$MINUTES_DB" "$T/v2.db"
	sqlite3 "$T/v2.db" "DROP TABLE search_pending; DROP INDEX section_rev; ALTER TABLE section DROP COLUMN rev; ALTER TABLE meeting DROP COLUMN locality; DROP TRIGGER action_uuid; DROP INDEX action_by_uuid; DROP INDEX action_open; ALTER TABLE action DROP COLUMN uuid; PRAGMA user_version = 2;"
	expect_rc 0 "a version-2 database opens" "$MINUTES" --db "$T/v2.db" export 1 --format json
	is "$(sqlite3 "$T/v2.db" 'PRAGMA user_version')" 5 "and is upgraded to the latest version"
	is "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["locality"])' <"$T/out")" None "its meetings have no locality"
fi

expect_rc 0 "export -o" "$MINUTES" export "$id" --format md -o "$T/exp.md"
is "$(cat "$T/out")" "" "-o prints nothing"
same_file "$T/exp.md" "$FIX/vi-quarterly.md" "-o writes the export"
is "$(stat -c %a "$T/exp.md")" 600 "-o file mode 0600"
ls "$T" | grep -q 'tmp' && _result 1 "no temporary file left" || _result 0 "no temporary file left"
echo "old" >"$T/keep.md"
expect_rc 2 "bad format: exit 2" "$MINUTES" export "$id" --format pdf -o "$T/keep.md"
one_line_error "bad format: one line"
is "$(cat "$T/keep.md")" old "a failed export leaves the old file"
expect_rc 1 "unwritable -o: exit 1" "$MINUTES" export "$id" -o "$T/no/such/dir/x.md"
one_line_error "unwritable -o: one line"
expect_rc 2 "export of a missing meeting" "$MINUTES" export 4242 -o "$T/keep.md"
is "$(cat "$T/keep.md")" old "still the old file"

# Binary formats: never to a terminal; -o FILE, or -o - into a pipe.
for f in docx odt; do
	expect_rc 2 "export --format $f without -o" "$MINUTES" export "$id" --format $f
	one_line_error "$f without -o: one line"
	like "$(cat "$T/err")" '-o FILE' "$f without -o: the message names -o"
	"$MINUTES" export "$id" --format $f -o - | head -c 2 >"$T/magic"
	is "$(cat "$T/magic")" PK "$f -o - writes a zip into a pipe"
	if command -v script >/dev/null 2>&1; then
		script -qec "'$MINUTES' export $id --format $f -o -" /dev/null >"$T/tty" 2>&1
		like "$(cat "$T/tty")" 'not written to a terminal' "$f -o - on a terminal is refused"
	fi
done
expect_rc 2 "actions --xlsx without -o" "$MINUTES" actions --xlsx
like "$(cat "$T/err")" '-o FILE' "actions --xlsx: the message names -o"
expect_rc 2 "--excel without --csv" "$MINUTES" actions --excel --json
one_line_error "--excel without --csv: one line"
expect_rc 0 "actions --csv --excel" "$MINUTES" actions --csv --excel
is "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" efbbbf "--excel: a UTF-8 byte order mark"
like "$(head -1 "$T/out")" 'id;meeting_id;meeting_title;meeting_date;assignee;task;due;due_text;status;overdue' "--excel: ; between fields"
like "$(sed -n 2p "$T/out")" ';Rà soát các chỉ tiêu trong chương trình công tác Thường trực Quận ủy đã giao, báo cáo Văn phòng Quận ủy;2025-10-15;' "--excel: a comma needs no quotes"
expect_rc 0 "actions --csv -o" "$MINUTES" actions --csv -o "$T/a.csv"
like "$(head -1 "$T/a.csv")" '^id,meeting_id,' "actions -o writes the file"

expect_rc 0 "show" "$MINUTES" show "$id"
like "$(cat "$T/out")" 'Kết quả đạt được' "show has the section headings"
like "$(cat "$T/out")" 'Bình Giang' "show has the organisation"
expect_rc 0 "export text" "$MINUTES" export "$id" --format text --width 60
w=$(widest "$T/out")
like "$w" '^([0-5]?[0-9]|60)$' "text export fits 60 columns (widest $w)"

expect_rc 0 "list" "$MINUTES" list
like "$(cat "$T/out")" "^ *$id +2025-09-18 +6 +Hội nghị giao ban quý III" "list shows id, date, open tasks, title"
expect_rc 0 "list --json" "$MINUTES" list --json
is "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["open_tasks"], d[0]["date"])' <"$T/out")" "6 2025-09-18" "list --json"

expect_rc 0 "templates" "$MINUTES" templates
like "$(cat "$T/out")" '^giaoban +vi' "templates lists giaoban"
like "$(cat "$T/out")" '^liaison +en' "templates lists liaison"

# A user template in $XDG_CONFIG_HOME overrides and adds.
mkdir -p "$XDG_CONFIG_HOME/minutes/templates"
cat >"$XDG_CONFIG_HOME/minutes/templates/club.tmpl" <<'TMPL'
name: Club committee
lang: en
[notes]
kind: text
heading: Notes
prompt: Anything said.
TMPL
expect_rc 0 "templates with a user template" "$MINUTES" templates
like "$(cat "$T/out")" '^club +en +Club committee' "the user template is found"
printf -- '---\ntemplate: club\ntitle: Committee\ndate: 2026-01-05\nstatus: draft\n---\n\n## Notes {#notes}\n\nAll well.\n' >"$T/club.md"
expect_rc 0 "import with the user template" "$MINUTES" import "$T/club.md"
cid=$(cat "$T/out")
expect_rc 0 "export with the user template" "$MINUTES" export "$cid" --format md
same_file "$T/out" "$T/club.md" "user template round-trips"
printf 'name: Broken\n[x]\nkind: nonsense\n' >"$XDG_CONFIG_HOME/minutes/templates/broken.tmpl"
expect_rc 2 "a broken user template is reported" "$MINUTES" templates
like "$(cat "$T/err")" 'broken.tmpl: line 3: kind' "with its file and line"

# Exporting onto the database (by any name) is refused: it would destroy
# every meeting.
# (A PostgreSQL store has no file to overwrite.)
on_pg || ln -s "$MINUTES_DB" "$T/link.db"
on_pg || for target in "$MINUTES_DB" "$T/link.db"; do
	expect_rc 2 "export -o the database ($(basename "$target")) is refused" "$MINUTES" export 1 -o "$target"
	one_line_error "a one-line error for $(basename "$target")"
done
expect_rc 0 "the database still works" "$MINUTES" list

# Control characters in stored text reach a file as they are, a terminal
# only as ^X: an escape sequence in the minutes cannot drive the terminal.
rm -f "$XDG_CONFIG_HOME/minutes/templates/broken.tmpl"
printf -- '---\ntemplate: giaoban\ntitle: Điều khiển\ndate: 2025-10-01\n---\n\n## Kết luận của chủ trì {#conclusions}\n\nChữ \033[31mđỏ\033[0m và chuông\007.\n' >"$T/ctl.md"
cid=$("$MINUTES" import "$T/ctl.md")
expect_rc 0 "export with control characters to a pipe" "$MINUTES" export "$cid" --format md
grep "^Chữ " "$T/ctl.md" >"$T/want"
grep "^Chữ " "$T/out" >"$T/got"
same_file "$T/got" "$T/want" "a pipe gets the bytes as stored"
if command -v script >/dev/null 2>&1; then
	for f in md text html; do
		script -qec "'$MINUTES' export $cid --format $f" /dev/null >"$T/tty" 2>&1
		# HTML has no place for control characters: the page leaves
		# them out; the others show them.
		if [ $f = html ]; then
			like "$(cat "$T/tty")" 'Chữ \[31mđỏ\[0m và chuông\.' "export --format html leaves control characters out"
		else
			like "$(cat "$T/tty")" 'Chữ \^\[\[31mđỏ\^\[\[0m và chuông\^G' "export --format $f to a terminal shows ^X"
		fi
		is "$(tr -d '\r\n' <"$T/tty" | tr -d '[:print:]' | LC_ALL=C tr -d '\200-\377' | od -An -c | tr -d ' ')" "" "export --format $f to a terminal sends no control character"
	done
	script -qec "'$MINUTES' show $cid" /dev/null >"$T/tty" 2>&1
	like "$(cat "$T/tty")" 'Chữ \^\[\[31mđỏ' "show on a terminal shows ^X too"
fi
done_testing
