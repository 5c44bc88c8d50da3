#!/bin/sh
# One option parser for every subcommand, read from the command table:
# each subcommand refuses what it does not take with one line naming the
# option as typed, checks values by their type, and the export formats
# of the manual page are those of the program's table.
. "${top_srcdir:-.}/tests/cli/lib.sh"

# Every subcommand names an option it does not take, as typed (export
# and actions take -o FILE).  "-o" was
# accepted by list, show, import and templates and its value reported as
# the unknown option.
for cmd in list show import templates search extract action new edit; do
	expect_rc 2 "$cmd -o foo: exit 2" "$MINUTES" $cmd -o foo
	one_line_error "$cmd -o foo: one line"
	like "$(cat "$T/err")" "^minutes: $cmd: unknown option \"-o\"" \
	    "$cmd -o foo: names -o"
	expect_rc 2 "$cmd --frob: exit 2" "$MINUTES" $cmd --frob
	like "$(cat "$T/err")" "^minutes: $cmd: unknown option \"--frob\"" \
	    "$cmd --frob: names --frob"
done
[ ! -e "$MINUTES_DB" ]; _result $? "refused options create no database"

expect_rc 2 "a missing value" "$MINUTES" export 1 --format
one_line_error "a missing value: one line"
like "$(cat "$T/err")" 'option "--format" needs a value' "names the option"
expect_rc 2 "a value given to a flag" "$MINUTES" actions --json=yes
like "$(cat "$T/err")" 'option "--json" takes no value' "a flag takes no value"
expect_rc 2 "a number out of range" "$MINUTES" search --width 5 x
like "$(cat "$T/err")" '^minutes: search: --width must be a number from 20 to 1000$' \
    "the range is named"
expect_rc 2 "not a number" "$MINUTES" export 1 --width 80x
like "$(cat "$T/err")" '^minutes: export: --width must be a number' "the same message"
expect_rc 2 "a date that is none" "$MINUTES" new --date 2025-02-30
like "$(cat "$T/err")" '^minutes: new: --date: "2025-02-30": month 2 of 2025 has 28 days$' \
    "dates are checked alike everywhere"
expect_rc 2 "a choice not offered" "$MINUTES" extract --lang fr
like "$(cat "$T/err")" '^minutes: extract: --lang: "fr" is not one of vi\|en\|auto$' \
    "the choices are named"
printf 'x\377' >"$T/bad"
expect_rc 2 "text options must be UTF-8" "$MINUTES" actions --series "$(cat "$T/bad")"
like "$(cat "$T/err")" '^minutes: actions: --series: not valid UTF-8$' "says which option"
expect_rc 2 "options of one group" "$MINUTES" actions --csv --ics
like "$(cat "$T/err")" '^minutes: actions: --csv and --ics cannot be used together$' \
    "names both"
expect_rc 2 "too many operands" "$MINUTES" show 1 2
like "$(cat "$T/err")" '^minutes: show: unexpected argument "2"$' "names the first extra one"
expect_rc 2 "edit with a bad id" "$MINUTES" edit x1
like "$(cat "$T/err")" '^minutes: edit: "x1" is not a meeting ID$' "says what it is not"

# Options after operands, "--name=value" and -o FILE, all as before.
run "$MINUTES" import "$FIX/vi-quarterly.md"
id=$(cat "$T/out")
expect_rc 0 "--format=md -o FILE after the id" "$MINUTES" export "$id" --format=md -o "$T/x.md"
[ -s "$T/x.md" ]; _result $? "-o wrote the file"
expect_rc 0 "--output FILE" "$MINUTES" export --output "$T/y.md" "$id" --format md
same_file "$T/y.md" "$T/x.md" "--output is -o"

# The manual lists the formats of the table, in its order.
expect_rc 2 "an unknown format lists the table" "$MINUTES" export 1 --format nosuch
table=$(sed -n 's/.* is not one of \([a-z|]*\)$/\1/p' "$T/err")
like "$table" '^text\|' "the table's formats, text first"
man=$(sed -n '/^\.\\" The formats, in the order/,/^\.RE/p' "$top_srcdir/man/minutes.1" |
    awk 'prev == ".TP" && $1 == ".B" { printf "%s%s", sep, $2; sep = "|" } { prev = $0 }')
is "$man" "$table" "the manual's formats are the table's, in order"
done_testing
