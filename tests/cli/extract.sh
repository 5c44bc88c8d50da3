#!/bin/sh
# extract: JSON lines for items and for deadlines, byte spans into the
# input, the reference date, user rules (added, overriding, broken),
# --check-rules, and the exit status of bad usage and bad input.
. "${top_srcdir:-.}/tests/cli/lib.sh"

cat >"$T/in.txt" <<'TEXT'
Chiều ngày 13/9, Thường trực Quận ủy tổ chức hội nghị giao ban (12/12 phường, đạt 92,3% kế hoạch).
Đề nghị Hội Phụ nữ quận khẩn trương rà soát danh sách hội viên trước ngày 30/9; tổ chức hội thi (tháng 12/2023).
Các đơn vị cần báo cáo kết quả trong vòng 10 ngày.
TEXT

expect_rc 0 "extract a file" "$MINUTES" extract --date 2023-09-13 "$T/in.txt"
cp "$T/out" "$T/items.jsonl"
is "$(wc -l <"$T/items.jsonl" | tr -d ' ')" 3 "three items"
is "$(sed -n 1p "$T/items.jsonl")" '{"sentence":2,"start":129,"end":234,"assignee":"Hội Phụ nữ quận","task":"khẩn trương rà soát danh sách hội viên","deadline_text":"trước ngày 30/9","due":"2023-09-30"}' "first item, exactly"
is "$(sed -n 2p "$T/items.jsonl")" '{"sentence":2,"start":236,"end":274,"assignee":"Hội Phụ nữ quận","task":"tổ chức hội thi","deadline_text":"tháng 12/2023","due":"2023-12-31"}' "the list clause inherits the assignee"
is "$(sed -n 3p "$T/items.jsonl")" '{"sentence":3,"start":276,"end":340,"assignee":"Các đơn vị","task":"báo cáo kết quả","deadline_text":"trong vòng 10 ngày","due":"2023-09-23"}' "subject and modal"
# The spans are byte offsets into the file as given.
is "$(head -c 234 "$T/in.txt" | tail -c 105)" "Đề nghị Hội Phụ nữ quận khẩn trương rà soát danh sách hội viên trước ngày 30/9" "span 129-234 is the directive"

expect_rc 0 "extract from stdin" sh -c "\"$MINUTES\" extract --date 2023-09-13 - <\"$T/in.txt\""
same_file "$T/out" "$T/items.jsonl" "stdin gives the same"

expect_rc 0 "--deadlines" "$MINUTES" extract --deadlines --date 2023-09-13 "$T/in.txt"
is "$(cat "$T/out")" '{"start":215,"end":234,"text":"trước ngày 30/9","due":"2023-09-30"}
{"start":259,"end":273,"text":"tháng 12/2023","due":"2023-12-31"}
{"start":320,"end":340,"text":"trong vòng 10 ngày","due":"2023-09-23"}' "deadlines without the distractors"

export MINUTES_TODAY=2023-12-29
expect_rc 0 "default date is today" "$MINUTES" extract --deadlines "$T/in.txt"
like "$(sed -n 1p "$T/out")" '"due":"2024-09-30"' "year-less date after today moves to next year"
unset MINUTES_TODAY

printf 'Alice will send the minutes by Friday.\n' >"$T/en.txt"
expect_rc 0 "English" "$MINUTES" extract --lang en --date 2023-09-13 "$T/en.txt"
is "$(cat "$T/out")" '{"sentence":1,"start":0,"end":37,"assignee":"Alice","task":"send the minutes","deadline_text":"by Friday","due":"2023-09-15"}' "English item"
expect_rc 0 "auto picks English" "$MINUTES" extract --date 2023-09-13 "$T/en.txt"
like "$(cat "$T/out")" '"assignee":"Alice"' "auto language on English text"

# User rules: one added file, one broken rule in it.
mkdir -p "$XDG_CONFIG_HOME/minutes/rules"
cat >"$XDG_CONFIG_HOME/minutes/rules/vi-local.rules" <<'RULES'
# extra phrasing of this office
due.date  i  \bhẹn\s+(?<day>\d{1,2})/(?<month>\d{1,2})
verb      i  \b(?:broken
RULES
printf 'Đề nghị Hội Nông dân nộp kế hoạch hẹn 5/10.\n' >"$T/local.txt"
expect_rc 0 "a broken user rule does not stop extraction" "$MINUTES" extract --date 2023-09-13 "$T/local.txt"
one_line_error "the broken rule: one line on stderr"
like "$(cat "$T/err")" 'vi-local.rules:3: .*offset [0-9]+.*missing closing parenthesis' "file, line, offset and PCRE2's message"
like "$(cat "$T/out")" '"deadline_text":"hẹn 5/10","due":"2023-10-05"' "the user's deadline rule works"
expect_rc 2 "--check-rules fails on it" "$MINUTES" extract --check-rules
like "$(cat "$T/err")" 'vi-local.rules:3:' "--check-rules names it"
sed -i '/broken/d' "$XDG_CONFIG_HOME/minutes/rules/vi-local.rules"
expect_rc 0 "--check-rules passes once fixed" "$MINUTES" extract --check-rules
like "$(cat "$T/out")" 'rules compiled, no problems' "--check-rules says so"
is "$(cat "$T/err")" "" "nothing on stderr"

# A rule stopped by the match limit is told once, with file and line.
printf 'cue - (a+)+$\n' >"$XDG_CONFIG_HOME/minutes/rules/vi-slow.rules"
awk 'BEGIN { s = ""; for (i = 0; i < 20000; i++) s = s "a"; print s "b" }' >"$T/slow.txt"
expect_rc 0 "a rule at the match limit does not stop extraction" "$MINUTES" extract --lang vi --date 2023-09-13 "$T/slow.txt"
one_line_error "the limit: one line on stderr"
like "$(cat "$T/err")" 'vi-slow.rules:1: .*match limit' "names the rule's file and line"
rm "$XDG_CONFIG_HOME/minutes/rules/vi-slow.rules"

# --section: results need a cue, conclusions hold directives.
printf 'Hội Nông dân cần rà soát hộ nghèo trước ngày 30/9.\n' >"$T/sec.txt"
expect_rc 0 "--section results" "$MINUTES" extract --section results --date 2023-09-13 "$T/sec.txt"
is "$(cat "$T/out")" "" "results: a subject and a modal make no task"
expect_rc 0 "--section conclusions" "$MINUTES" extract --section conclusions --date 2023-09-13 "$T/sec.txt"
like "$(cat "$T/out")" '"assignee":"Hội Nông dân"' "conclusions: they do"

# A same-named user file replaces the shipped one.
printf 'cue i \\bnhờ\\b\n' >"$XDG_CONFIG_HOME/minutes/rules/vi.rules"
expect_rc 0 "user vi.rules overrides" "$MINUTES" extract --lang vi --date 2023-09-13 "$T/in.txt"
is "$(cat "$T/out")" "" "shipped rules no longer apply"
rm -r "$XDG_CONFIG_HOME/minutes/rules"

expect_rc 2 "bad --date" "$MINUTES" extract --date 2023-02-30 "$T/in.txt"
one_line_error "bad --date: one line"
expect_rc 2 "bad --lang" "$MINUTES" extract --lang fr "$T/in.txt"
one_line_error "bad --lang: one line"
expect_rc 2 "unknown option" "$MINUTES" extract --frob
one_line_error "unknown option: one line"
expect_rc 2 "two files" "$MINUTES" extract a b
printf 'Đề nghị \377 rà soát\n' >"$T/bad.txt"
expect_rc 2 "invalid UTF-8 is bad input" "$MINUTES" extract "$T/bad.txt"
one_line_error "invalid UTF-8: one line"
like "$(cat "$T/err")" 'bad.txt: line 1: invalid UTF-8' "says where"
expect_rc 2 "missing file" "$MINUTES" extract "$T/nope.txt"
one_line_error "missing file: one line"
expect_rc 2 "a directory is bad input" "$MINUTES" extract "$T"
one_line_error "directory: one line"
if [ -w /dev/full ]; then
	expect_rc 1 "a full disk is a runtime failure" sh -c "\"$MINUTES\" extract --date 2023-09-13 \"$T/in.txt\" >/dev/full"
	one_line_error "full disk: one line"
else
	skipped "a full disk is a runtime failure" "no /dev/full"
	skipped "full disk: one line" "no /dev/full"
fi
done_testing
