#!/bin/sh
# A series by its name, exactly: "Giao ban thường trực Thành uỷ" (the
# tone mark in its old place), "giao ban THƯỜNG TRỰC thành ủy" and
# "Giao ban  thường trực Thành ủy" are the series stored as "Giao ban
# thường trực Thành ủy".  A meeting imported under a variant is stored
# under the series' spelling, so the list shows one series and
# `actions --series` finds its tasks however the name is typed.
. "${top_srcdir:-.}/tests/cli/lib.sh"

meeting() {	# series date task
	printf -- '---\ntemplate: giaoban\nseries: %s\ntitle: Giao ban %s\ndate: %s\n---\n\n## Nhiệm vụ được giao {#tasks}\n\n| Người thực hiện | Nội dung | Hạn | Trạng thái |\n|---|---|---|---|\n| Thành đoàn | %s | 2024-09-30 | open |\n' \
	    "$1" "$2" "$2" "$3" >"$T/m.md"
	expect_rc 0 "import, series \"$1\"" "$MINUTES" import "$T/m.md"
}

meeting "Giao ban thường trực Thành ủy" 2024-07-03 "Ra quân hè"
meeting "Giao ban thường trực Thành uỷ" 2024-08-07 "Tổng kết hè"
meeting "giao ban  THƯỜNG TRỰC thành Ủy" 2024-09-04 "Khai giảng"
meeting "Giao ban Ủy ban" 2024-09-05 "Việc khác"

expect_rc 0 "list" "$MINUTES" list --json
is "$(grep -o '"series":"[^"]*"' "$T/out" | sort | uniq -c | sed 's/^ *//')" \
'3 "series":"Giao ban thường trực Thành ủy"
1 "series":"Giao ban Ủy ban"' "one series, under its first spelling"

for s in "Giao ban thường trực Thành uỷ" "giao ban thường trực thành ủy" \
    " Giao ban   thường trực Thành ủy " "Giao ban thường trực Thành ủy"; do
	expect_rc 0 "actions --series \"$s\"" "$MINUTES" actions --series "$s" --json
	is "$(grep -o '"task":"[^"]*"' "$T/out" | tr '\n' ' ')" \
	    '"task":"Ra quân hè" "task":"Tổng kết hè" "task":"Khai giảng" ' \
	    "actions --series \"$s\": the series' tasks, as the list names it"
done
expect_rc 0 "another series" "$MINUTES" actions --series "Giao ban Uỷ ban" --json
is "$(grep -o '"task":"[^"]*"' "$T/out")" '"task":"Việc khác"' "Uỷ ban is Ủy ban, not Thành ủy"
expect_rc 0 "a name with other marks" "$MINUTES" actions --series "Giao ban thuong truc Thanh uy" --json
is "$(cat "$T/out")" "[]" "marks other than the tone's place still count"

# The review of the second meeting carries the first one's task (the
# carry-over matches the stored name).
expect_rc 0 "export of the second" "$MINUTES" export 2 --format text
like "$(cat "$T/out")" 'Thành đoàn: Ra quân hè' "the second meeting reviews the first one's task"
done_testing
