#!/bin/sh
# Dates as a Vietnamese secretary writes them, on the command line: every
# date option takes dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd alike (one reader,
# cal_read_date), and a refusal says which form is wanted, in the
# interface's language, without calling a real date unreal or naming a
# field in English inside a Vietnamese message.  Files and JSON stay ISO.
. "${top_srcdir:-.}/tests/cli/lib.sh"

expect_rc 0 "a meeting with tasks" "$MINUTES" import "$FIX/actions/thang-10.md"

# --due-before: items due before the date, whichever way it is written.
for d in 15/11/2025 15/11/2025 2025-11-15 15.11.2025 15-11-2025; do
	expect_rc 0 "--due-before $d" "$MINUTES" actions --due-before "$d" --json
	is "$(grep -o '"due":"[0-9-]*"' "$T/out" | sort | tr '\n' ' ')" \
	    '"due":"2025-10-30" "due":"2025-11-10" ' "--due-before $d: the same items"
done
expect_rc 0 "d/m/yyyy" "$MINUTES" actions --due-before 1/11/2025 --json
is "$(grep -o '"due":"[0-9-]*"' "$T/out")" '"due":"2025-10-30"' "1/11/2025 is the first of November"

# --since and extract --date take the same forms.
expect_rc 0 "--since 01/10/2025" "$MINUTES" actions --since 01/10/2025
printf 'Giao Quận đoàn tổ chức ngày hội trong 10 ngày.\n' >"$T/t.txt"
expect_rc 0 "extract --date 03/07/2024" "$MINUTES" extract --date 03/07/2024 "$T/t.txt"
like "$(cat "$T/out")" '"due":"2024-07-13"' "the reference date read as 3 July: the JSON stays ISO"

# Refusals: one line, the form wanted, the reason a day does not exist.
expect_rc 2 "no such day" "$MINUTES" actions --due-before 31/02/2024
one_line_error "no such day: one line"
is "$(cat "$T/err")" 'minutes: actions: --due-before: "31/02/2024": month 2 of 2024 has 29 days' \
    "no such day: why"
expect_rc 2 "no year" "$MINUTES" actions --due-before 15/9
is "$(cat "$T/err")" 'minutes: actions: --due-before: "15/9" has no year: write the date as 03/07/2024' \
    "a day and month alone: no meeting gives the year"
expect_rc 2 "no date" "$MINUTES" actions --due-before "thứ Sáu"
is "$(cat "$T/err")" 'minutes: actions: --due-before: "thứ Sáu" is not a date: write 03/07/2024 or 2024-07-03' \
    "not a date: the forms"
expect_rc 2 "a two-digit year" "$MINUTES" actions --since 03/07/24
like "$(cat "$T/err")" 'is not a date' "two-digit years are not guessed"

# In Vietnamese.
expect_rc 2 "no such day, in Vietnamese" "$MINUTES" --lang vi actions --due-before 31/02/2024
is "$(cat "$T/err")" 'minutes: actions: --due-before: "31/02/2024": tháng 2 năm 2024 chỉ có 29 ngày' \
    "the reason, in Vietnamese"
expect_rc 2 "no date, in Vietnamese" "$MINUTES" --lang vi actions --due-before "hôm qua"
is "$(cat "$T/err")" 'minutes: actions: --due-before: "hôm qua" không phải ngày; ghi như 03/07/2024' \
    "the form wanted, in Vietnamese"
expect_rc 2 "new --date, in Vietnamese" "$MINUTES" --lang vi new --date 30/02/2025
like "$(cat "$T/err")" 'tháng 2 năm 2025 chỉ có 28 ngày$' "new --date: the same reader"

# The usage names DATE, not one form.
expect_rc 0 "actions --help" "$MINUTES" actions --help
like "$(cat "$T/out")" '--due-before DATE' "the usage says DATE"

# The Markdown format stays ISO: a file with 03/07/2024 is refused with
# the form it needs, the field by its name in the interface's language.
printf -- '---\ntemplate: giaoban\ntitle: Giao ban\ndate: 03/07/2024\n---\n' >"$T/d.md"
expect_rc 2 "a file's date in another form" "$MINUTES" --lang vi import "$T/d.md"
is "$(cat "$T/err")" "minutes: import: $T/d.md: dòng 4: Ngày: \"03/07/2024\" ở đây phải ghi dạng yyyy-mm-dd: 2024-07-03" \
    "the file's form, with the date written so, in Vietnamese"
expect_rc 2 "the same in English" "$MINUTES" import "$T/d.md"
like "$(cat "$T/err")" 'line 4: Date: "03/07/2024" is to be written yyyy-mm-dd here: 2024-07-03$' \
    "in English"
printf -- '---\ntemplate: giaoban\ntitle: Giao ban\ndate: 2024-07-03\nstart: 14h30\n---\n' >"$T/t.md"
expect_rc 2 "a file's time in another form" "$MINUTES" --lang vi import "$T/t.md"
like "$(cat "$T/err")" 'dòng 5: Bắt đầu: "14h30" ở đây phải ghi dạng GG:PP: 14:30$' \
    "a time: the form the file needs, in Vietnamese"
done_testing
