#!/bin/sh
# A settings file, $XDG_CONFIG_HOME/minutes/config ("key = value"):
# language, default template, date style, default export format and
# width, the review's default filter.  Options on the command line win;
# a mistake is one line naming the file and the line.
. "${top_srcdir:-.}/tests/cli/lib.sh"

export MINUTES_TODAY=2025-11-08
CFG="$XDG_CONFIG_HOME/minutes/config"
mkdir -p "$XDG_CONFIG_HOME/minutes"
"$MINUTES" import "$FIX/actions/thang-9.md" >/dev/null
settings() { printf '%s\n' "$@" >"$CFG"; }

settings "# mine" "language = vi"
expect_rc 0 "language = vi" "$MINUTES" help
like "$(head -1 "$T/out")" '^Cách dùng' "the settings' language"
expect_rc 0 "--lang en wins" "$MINUTES" --lang en help
like "$(head -1 "$T/out")" '^Usage' "the option wins over the file"
expect_rc 2 "an error in the settings' language" "$MINUTES" show 99
like "$(cat "$T/err")" 'không' "messages follow the settings too"

settings "review = all"
expect_rc 0 "review = all" "$MINUTES" actions --json
all=$("$MINUTES" actions --all --json)
is "$(cat "$T/out")" "$all" "actions lists every item"
expect_rc 0 "--open wins" "$MINUTES" actions --open --json
is "$(cat "$T/out")" "$(env XDG_CONFIG_HOME=/nonexistent "$MINUTES" actions --json)" \
    "--open wins over the file"

settings "export_format = md" "width = 60"
expect_rc 0 "export_format = md" "$MINUTES" export 1
"$MINUTES" export 1 --format md >"$T/md"
same_file "$T/out" "$T/md" "export writes the settings' format"
expect_rc 0 "width = 60, --format text" "$MINUTES" export 1 --format text
w=$(awk '{ print length($0) }' "$T/out" | sort -n | tail -1)
"$MINUTES" export 1 --format text --width 60 >"$T/t60"
same_file "$T/out" "$T/t60" "the settings' width applies to text (widest $w)"
"$MINUTES" export 1 --format text --width 90 >"$T/t90"
! cmp -s "$T/t90" "$T/t60"; _result $? "--width wins"

settings "date_style = dmy"
expect_rc 0 "date_style = dmy" "$MINUTES" list
like "$(sed -n 2p "$T/out")" '^ *1  [0-9]{2}/[0-9]{2}/[0-9]{4}  ' "list shows dd/mm/yyyy"
expect_rc 0 "date_style = dmy: actions" "$MINUTES" actions
like "$(sed -n 2p "$T/out")" ' 10/10/2025  ' "the review shows dd/mm/yyyy"
expect_rc 0 "date_style = dmy: JSON" "$MINUTES" actions --json
like "$(cat "$T/out")" '"due":"2025-10-10"' "JSON keeps ISO dates"

settings "template = nosuch"
expect_rc 2 "a template that is not installed" "$MINUTES" new
one_line_error "one line"
like "$(cat "$T/err")" "config:1: template \"nosuch\" is not installed" "names file, line and value"
settings "export_format = docz"
expect_rc 2 "an export format that does not exist" "$MINUTES" export 1
like "$(cat "$T/err")" 'config:1: export_format "docz" is not one of the export formats' \
    "names the file and line"
expect_rc 0 "other commands still run" "$MINUTES" list

settings "language = vi" "colour = red"
expect_rc 2 "an unknown key" "$MINUTES" list
one_line_error "an unknown key: one line"
like "$(cat "$T/err")" "^minutes: $CFG:2: unknown key \"colour\" \\(the keys are language, template, date_style, export_format, width, review\\)$" \
    "names the file, the line and the keys"
settings "width = wide"
expect_rc 2 "a bad value" "$MINUTES" list
like "$(cat "$T/err")" "$CFG:1: width must be a number from 20 to 1000" "names file and line"
expect_rc 0 "--help still works with a broken file" "$MINUTES" --help

# The manual documents every key of the table, in its order.
man=$(sed -n '/^\.\\" The settings, in the order/,/^\.RE/p' "$top_srcdir/man/minutes.1" |
    awk 'prev == ".TP" && $1 == ".B" { printf "%s%s", sep, $2; sep = ", " } { prev = $0 }')
is "$man" "language, template, date_style, export_format, width, review" \
    "the manual lists the keys of the table"
done_testing
