#!/bin/sh
# The manual tells the truth: every command --help lists is documented in
# man/minutes.1, and the page is lint-clean where mandoc is installed.
. "${top_srcdir:-.}/tests/cli/lib.sh"

MAN="$top_srcdir/man/minutes.1"
expect_rc 0 "--help" "$MINUTES" --help
sed -n '/^Commands:/,/^$/p' "$T/out" | awk '/^  [a-z]/ {print $1}' >"$T/cmds"
like "$(wc -l <"$T/cmds")" '[1-9]' "--help lists commands"
while read -r cmd; do
	if grep -Eq "^\.(B|BI|BR) \"?$cmd\b" "$MAN"; then
		_result 0 "man page documents $cmd"
	else
		_result 1 "man page documents $cmd"
	fi
done <"$T/cmds"
for sec in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS FILES ENVIRONMENT "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	if grep -q "^\.SH \"\\{0,1\\}$sec" "$MAN"; then _result 0 "section $sec"; else _result 1 "section $sec"; fi
done
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -W warning "$MAN" >"$T/lint" 2>&1
	is "$(cat "$T/lint")" "" "mandoc -Tlint finds nothing"
fi
done_testing
