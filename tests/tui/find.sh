#!/bin/sh
# The meeting list's own keys for finding and filing: `/` searches every
# meeting as one types (folding diacritics, the last word a prefix) and
# Enter opens the meeting at the section that matched; `e` exports the
# selected meeting in a chosen format to a file.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

export MINUTES_TODAY=2025-11-08
import_actions thang-9 thang-10 quy-4

start "MINUTES_TODAY=2025-11-08 $MINUTES"
shows 'Meetings \(3\)' "the list shows the meetings"
typing /
shows 'Search \(0\)' "/ opens the search"
typing 'ho can ngh'
shows 'Search \(1\)' "the hits follow the typing, folded, the last word a prefix"
shows '2025-09-25 Giao ban tháng 9' "the hit names its meeting"
shows '\[hộ cận nghèo\]' "the snippet marks the match"
typing '"'
shows 'Search \(1\)' "an open quote keeps the hits"
keys BSpace
keys Enter
shows 'Kết luận của chủ trì' "Enter opens the meeting at the matching section"
keys F10
shows 'Search \(1\)' "back in the search after the editor"
keys Escape
shows 'Meetings \(3\)' "Esc goes back to the list"

typing q
exited 0 "quits with status 0"

# e exports the selected meeting (the newest first: quy-4, id 3) into
# the program's working folder.
cd "$T" || exit 1
start "MINUTES_TODAY=2025-11-08 $MINUTES"
wait_for 'Meetings \(3\)'
typing e
shows 'Export the meeting' "e asks for format and file name"
# The name: the kind of document, the date, the first words of the title.
N=minutes-2025-11-20-community-liaison-fourth-quarter
shows 'File +minutes-2025-11-20-community' "the file name has a default"
shows "│ Folder: $T +│" "the dialog says which folder"
keys Right
shows "File +$N\\.md" "the default name follows the format as it is turned"
keys Enter
keys Enter
shows 'Written to' "written under the name shown, at the first Enter"
keys Enter
wait_for 'Meetings \(3\)'
"$MINUTES" export 3 --format md >"$T/want.md"
same_file "$T/$N.md" "$T/want.md" "the file holds the Markdown export"
is "$(stat -c %a "$T/$N.md")" 600 "written with mode 0600"
typing e
wait_for 'Export the meeting'
keys Enter
press 60 BSpace
typing 'nodir/x.json'
keys Enter
shows 'nodir/x.json: No such file' "a file that cannot be written is reported"
keys Enter
keys Escape
wait_for 'Meetings \(3\)'
is "$(ls "$T" | grep -c tmp)" 0 "no temporary file is left"
# An existing file is replaced only when the secretary says so; the
# database itself never.
echo "giữ nguyên" >"$T/$N.md"
typing e
wait_for 'Export the meeting'
keys Right
wait_for "File +$N\\.md"
keys Enter
keys Enter
shows 'already exists.  Replace it\? \(y/n\)' "an existing file: asks first"
typing n
wait_for 'Export the meeting'
keys Escape
wait_for 'Meetings \(3\)'
is "$(cat "$T/$N.md")" "giữ nguyên" "n leaves it as it was"
typing e
wait_for 'Export the meeting'
keys Enter
press 60 BSpace
typing "$MINUTES_DB"
keys Enter
shows 'test.db is the database; export to' "the database is refused"
keys Enter
keys Escape
wait_for 'Meetings \(3\)'
expect_rc 0 "the database is untouched" "$MINUTES" list
typing q
exited 0 "quits with status 0 after exporting"

# F6 exports from inside the editor, after saving what was just typed.
start "MINUTES_TODAY=2025-11-08 $MINUTES edit 3 --section conclusions"
shows "5/6  Chair's conclusions" "the editor is open on the conclusions"
typing ' Thêm một câu trước khi xuất.'
keys F6
shows 'Export the meeting' "F6 asks for format and file name"
keys Enter
keys Enter
shows 'Written to' "F6 writes the export"
keys Enter
like "$(cat "$T/$N.txt")" 'Thêm một câu trước khi xuất' "the export has the text just typed"
keys F10
exited 0 "leaves the editor after exporting"
done_testing
