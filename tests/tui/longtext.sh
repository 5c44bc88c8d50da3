#!/bin/sh
# Typing into a long section (issue 12, point 6): a text of megabytes is
# saved on a thread of its own while typing goes on, and keys that cannot
# be taken meanwhile (Tab to the next section) wait: every key still
# lands where and in the order it was typed.  The rounds type for about a
# second, long enough for a timed save of the long text to start, then
# press Tab and type on at once, so some Tabs come while a save runs.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

md="$T/long.md"
{
	printf -- '---\ntemplate: giaoban\ntitle: Báo cáo dài\ndate: 2024-12-05\n---\n\n'
	printf '## Kết quả đạt được {#results}\n\n'
	yes 'Các phường hoàn thành chỉ tiêu thu ngân sách, đạt kế hoạch năm.' |
	    head -n 110000
	printf '\nCuối.\n'
} >"$md"
expect_rc 0 "a meeting with an 8 MB section" "$MINUTES" import "$md"

start "$MINUTES edit 1 --section results"
shows '2/6  Kết quả đạt được' "the long section is open" 30
want_results='Cuối.'
want_limits=''
round=1
for n in 45 55 65 75 85 95 105 115; do
	# n keys into the results, a Tab, then a word in the limitations,
	# and back.
	i=0
	while [ "$i" -lt "$n" ]; do
		keys x
		sleep 0.015	# the scenario: a typist's pace
		i=$((i + 1))
	done
	keys Tab
	typing "h$round "
	keys BTab
	want_results="$want_results$(printf "%${n}s" '' | tr ' ' x)"
	want_limits="${want_limits}h$round "
	round=$((round + 1))
done
keys C-s
shows 'Saved at' "saved" 30
keys F10
exited 0 "left" 30
got=$("$MINUTES" export 1 --format md)
like "$got" "^$want_results\$" "every x is in the results, none elsewhere"
like "$got" "^${want_limits% } ?\$" "the words after each Tab are in the limitations, in order"
done_testing
