#!/bin/sh
# NO_COLOR (no-color.org) is honoured by the screens as by the command
# line: the review draws overdue items in red, and with NO_COLOR set
# (not empty) in no colour at all, the words still saying it.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

export MINUTES_TODAY=2025-11-08
expect_rc 0 "import" "$MINUTES" import "$FIX/actions/thang-9.md"
# colours: lines of the screen with an SGR colour (30-38, 40-48, 90-97,
# 100-107; not 39 and 49, which restore the terminal's own).
colours() {
	tm capture-pane -p -e -t t:0 | /usr/bin/python3 -c '
import re, sys
n = 0
for line in sys.stdin:
    codes = [c for m in re.findall(r"\x1b\[([0-9;]*)m", line) for c in m.split(";") if c]
    n += any(c.isdigit() and (30 <= int(c) <= 38 or 40 <= int(c) <= 48 or 90 <= int(c) <= 107) for c in codes)
print(n)'
}

start "MINUTES_TODAY=2025-11-08 $MINUTES"
typing a
shows 'Open action items' "the review"
shows '^ overdue ' "with an overdue item"
n=$(colours)
if [ "$n" -gt 0 ]; then _result 0 "in colour without NO_COLOR ($n lines)"; else _result 1 "in colour without NO_COLOR"; fi
typing q
typing q
exited 0 "the screens end"

start "NO_COLOR=1 MINUTES_TODAY=2025-11-08 $MINUTES"
typing a
shows 'Open action items' "the review with NO_COLOR"
shows '^ overdue ' "the overdue item is still marked by its word"
is "$(colours)" 0 "no colour with NO_COLOR"
typing q
typing q
exited 0 "the screens end"
done_testing
