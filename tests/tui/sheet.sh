#!/bin/sh
# X on the action review writes the rows it shows to an XLSX sheet: after
# a filter, only the rows left; the name is asked for, with a default.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

export MINUTES_TODAY=2025-11-08
import_actions thang-9 thang-10 quy-4
cd "$T" || exit 1
start "MINUTES_TODAY=2025-11-08 $MINUTES"
shows 'Meetings \(3\)' "the list shows the meetings"
typing a
shows 'Open action items \(13\)' "a opens the review"
typing /
typing 'mttq'
keys Enter
wait_for 'Open action items \([0-9]\)'
shown=$(screen | sed -n 's/.*Open action items (\([0-9]*\)).*/\1/p')
like "$shown" '^[1-9]$' "the filter leaves a few rows ($shown)"
typing X
shows 'Write the rows shown to a spreadsheet' "X asks where to write the sheet"
shows 'File +tasks-2025-11-08\.xlsx' "with a default name"
keys Enter
shows "$shown rows written to tasks-2025-11-08\\.xlsx" "the rows shown are written"
is "$(head -c 2 "$T/tasks-2025-11-08.xlsx")" PK "an XLSX (zip) file"
is "$(stat -c %a "$T/tasks-2025-11-08.xlsx")" 600 "written with mode 0600"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	n=$(/usr/bin/python3 -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(ws.max_row-1)' "$T/tasks-2025-11-08.xlsx")
	is "$n" "$shown" "the sheet holds the rows shown, no more"
fi
# An existing file is replaced only when the secretary says so; the
# database never.
before=$(cksum <"$T/tasks-2025-11-08.xlsx")
typing X
wait_for 'Write the rows shown to a spreadsheet'
keys Enter
shows 'already exists.  Replace it\? \(y/n\)' "an existing sheet: asks first"
typing n
wait_for 'Write the rows shown to a spreadsheet'
press 30 BSpace
typing "$MINUTES_DB"
keys Enter
shows 'is the database; export to' "the database is never written"
keys Enter
wait_for 'Write the rows shown to a spreadsheet'
keys Escape
is "$(cksum <"$T/tasks-2025-11-08.xlsx")" "$before" "n leaves the sheet as it was"
typing q
wait_for 'Meetings \(3\)'
typing q
exited 0 "quits with status 0"
done_testing
