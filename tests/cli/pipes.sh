#!/bin/sh
# Pipes keep whole fields: off a terminal the tables and lines of
# `actions`, `action` and `search` are not cut to the terminal's width
# (nor to $COLUMNS), so `minutes actions | grep WORD` finds a word at the
# end of a long task; --width N still fits them to N columns.
. "${top_srcdir:-.}/tests/cli/lib.sh"

export MINUTES_TODAY=2025-11-08 COLUMNS=80
long="Rà soát, tổng hợp và báo cáo danh sách hộ cận nghèo của từng khu dân cư trên địa bàn phường, kèm đề xuất hỗ trợ cụ thể cho quý tới"
sed "s/^| Ủy ban MTTQ quận | Rà soát danh sách hộ cận nghèo |/| Ủy ban MTTQ quận | $long |/" \
    "$FIX/actions/thang-9.md" >"$T/long.md"
grep -q "$long" "$T/long.md"; _result $? "a meeting with a long task"
"$MINUTES" import "$T/long.md" >/dev/null; _result $? "imported"
id=$(db_sql "SELECT id FROM action WHERE task LIKE 'Rà soát, tổng hợp%'" 2>/dev/null)

"$MINUTES" actions | grep -F "cho quý tới" >"$T/hit"
is "$(grep -c '' "$T/hit")" 1 "actions | grep finds the last words of a long task"
like "$(cat "$T/hit")" "$long" "the task is whole on its line"
grep -q '…' "$T/hit"; [ $? -ne 0 ]; _result $? "nothing is cut off a terminal"
"$MINUTES" actions --width 60 >"$T/cut"
! grep -q "cho quý tới" "$T/cut"; _result $? "--width 60 cuts it"
grep -q '…' "$T/cut"; _result $? "with an ellipsis"
"$MINUTES" actions --all | grep -F "quý tới" >"$T/all"
is "$(grep -c '' "$T/all")" 1 "and --all too"
if [ -n "$id" ]; then
	"$MINUTES" action "$id" >"$T/one"
	like "$(grep '^Task' "$T/one")" "$long" "action ID off a terminal: the task on one line"
	"$MINUTES" action "$id" --width 50 >"$T/wrapped"
	! grep -q "cho quý tới" "$T/wrapped" || [ "$(grep -c '' "$T/wrapped")" -gt "$(grep -c '' "$T/one")" ]
	_result $? "action ID --width 50 wraps it"
fi
"$MINUTES" search ho can ngheo >"$T/s"
like "$(cat "$T/s")" "Giao ban tháng 9" "search off a terminal: the whole title"

# A long review goes to standard output in pieces as it is made (64 KB
# each): the same bytes as the one piece written to a file, whether the
# reader takes it all or stops early.
{
	sed -n '1,/^|---/p' "$FIX/actions/thang-9.md"
	i=0
	while [ $i -lt 900 ]; do
		i=$((i + 1))
		printf '| Tổ dân phố số %d | Rà soát hộ cận nghèo và báo cáo kết quả đợt %d | 2025-12-%02d | open |\n' \
		    $i $i $((i % 28 + 1))
	done
} >"$T/many.md"
"$MINUTES" import "$T/many.md" >/dev/null; _result $? "a meeting with 900 open tasks"
"$MINUTES" actions -o "$T/whole.txt"; _result $? "actions -o FILE"
"$MINUTES" actions >"$T/pieces.txt"; _result $? "actions to a pipe"
[ "$(wc -c <"$T/whole.txt")" -gt 200000 ]; _result $? "more than three pieces long"
same_file "$T/pieces.txt" "$T/whole.txt" "the pieces are the file's bytes"
"$MINUTES" actions | head -3 >"$T/head"
is "$(sed -n 3p "$T/head")" "$(sed -n 3p "$T/whole.txt")" "a reader that stops early gets the start"
done_testing
