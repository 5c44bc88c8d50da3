#!/bin/sh
# The manual tells the truth: every command --help lists is documented in
# man/minutes.1, its sections come in the order of mdoc(7) (with EXIT
# STATUS, AUTHORS and BUGS), COLUMNS is described once, and the page is
# lint-clean where mandoc is installed and sets without groff's "cannot
# adjust" warnings where groff is.
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
# The sections: mdoc's order for the standard ones (NAME, SYNOPSIS,
# DESCRIPTION, ..., ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES, SEE ALSO,
# AUTHORS, BUGS); ours stand between DESCRIPTION and ENVIRONMENT.
sections=$(sed -n 's/^\.SH "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$MAN" | tr '\n' '|')
is "$(printf '%s' "$sections" | tr '|' '\n' | grep -E '^(NAME|SYNOPSIS|DESCRIPTION|ENVIRONMENT|FILES|EXIT STATUS|EXAMPLES|SEE ALSO|AUTHORS|BUGS)$' | tr '\n' '|')" \
    "NAME|SYNOPSIS|DESCRIPTION|ENVIRONMENT|FILES|EXIT STATUS|EXAMPLES|SEE ALSO|AUTHORS|BUGS|" \
    "the standard sections, all there, in mdoc order"
for sec in OPTIONS COMMANDS KEYS SETTINGS; do
	like "$sections" "\|DESCRIPTION\|(.*\|)?$sec\|.*ENVIRONMENT\|" "$sec stands between DESCRIPTION and ENVIRONMENT"
done
is "$(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$MAN" | grep -c '^\.B COLUMNS$')" 1 \
    "COLUMNS is described once"
like "$(sed -n '/^\.SH BUGS/,$p' "$MAN")" 'Report bugs' "BUGS says where to report them"
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -W warning "$MAN" >"$T/lint" 2>&1
	is "$(cat "$T/lint")" "" "mandoc -Tlint finds nothing"
fi
if command -v groff >/dev/null 2>&1; then
	for ll in 58 78 98; do
		groff -k -man -Tutf8 -ww -z -rLL=${ll}n "$MAN" >"$T/groff" 2>&1
		is "$(grep -c 'cannot adjust' "$T/groff")" 0 "groff sets it at $ll columns without \"cannot adjust\""
	done
else
	skipped groff "groff is not installed"
fi
done_testing
