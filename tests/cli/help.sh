#!/bin/sh
# Help where users look for it: every subcommand answers --help and -h
# with its own usage from the command table (exit 0, nothing created),
# `minutes help [COMMAND]` says the same, -V is --version.
. "${top_srcdir:-.}/tests/cli/lib.sh"

expect_rc 0 "--help" "$MINUTES" --help
cp "$T/out" "$T/usage"
sed -n '/^Commands:/,/^$/p' "$T/usage" | awk '/^  [a-z]/ {print $1}' >"$T/cmds"
like "$(wc -l <"$T/cmds")" '^ *1[0-9]$' "the usage lists the commands"
while read -r cmd; do
	expect_rc 0 "$cmd --help exits 0" "$MINUTES" "$cmd" --help
	like "$(head -2 "$T/out" | tail -1)" "^  minutes $cmd( |\$)" "$cmd --help shows its own usage"
	is "$(cat "$T/err")" "" "$cmd --help: nothing on stderr"
	cp "$T/out" "$T/long"
	expect_rc 0 "$cmd -h exits 0" "$MINUTES" "$cmd" -h
	same_file "$T/out" "$T/long" "$cmd -h is $cmd --help"
	expect_rc 0 "help $cmd" "$MINUTES" help "$cmd"
	same_file "$T/out" "$T/long" "help $cmd is $cmd --help"
done <"$T/cmds"
[ ! -e "$MINUTES_DB" ]; _result $? "asking for help creates no database"

run "$MINUTES" actions --help
like "$(cat "$T/out")" '  --assignee TEXT' "an option with its value"
like "$(cat "$T/out")" 'ignoring case and diacritics' "and what it does"
run "$MINUTES" export 1 --format md --help
is "$rc" 0 "--help after other options"
like "$(sed -n '/^Formats:/,$p' "$T/out")" '^  html' "export --help lists the formats of the table"
expect_rc 0 "help" "$MINUTES" help
same_file "$T/out" "$T/usage" "help is --help"
expect_rc 2 "help of no such command" "$MINUTES" help frob
one_line_error "help frob: one line"
expect_rc 2 "help takes one command" "$MINUTES" help list show
expect_rc 0 "-V" "$MINUTES" -V
like "$(cat "$T/out")" '^minutes [0-9]+\.[0-9]+' "-V prints the version"
expect_rc 0 "-h" "$MINUTES" -h
same_file "$T/out" "$T/usage" "-h is --help"
expect_rc 2 "a subcommand's unknown option points to its help" "$MINUTES" list --frob
like "$(cat "$T/err")" 'see minutes list --help' "names the help to read"
expect_rc 0 "Vietnamese help" "$MINUTES" --lang vi actions --help
like "$(head -1 "$T/out")" '^Cách dùng:' "the help is translated"
like "$(cat "$T/out")" 'hiện trợ giúp này' "and so are its lines"
done_testing
