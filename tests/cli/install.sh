#!/bin/sh
# `make install DESTDIR=...` installs the program with what it needs, and
# the program looks for its data where configure put it: the directories
# are compiled in from a header that changes when they change, so a new
# --prefix rebuilds what uses them.  The bash completion goes where
# configure chose, and bash registers it.
. "${top_srcdir:-.}/tests/cli/lib.sh"

: "${top_builddir:?}" "${pkgdatadir:?}" "${bindir:?}" "${localedir:?}"
D="$T/dest"
# This runs inside `make check`: the outer make's job server is not ours.
expect_rc 0 "make install DESTDIR=..." env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
    ${MAKE:-make} -C "$top_builddir" install DESTDIR="$D"
[ -x "$D$bindir/minutes" ]; _result $? "the program is installed"
[ -f "$D$pkgdatadir/templates/giaoban.tmpl" ]; _result $? "the templates are installed"
[ -f "$D$pkgdatadir/rules/vi.rules" ]; _result $? "the rules are installed"
[ -f "$D$localedir/vi/LC_MESSAGES/minutes.mo" ]; _result $? "the Vietnamese messages are installed"
[ -f "$D$mandir/man1/minutes.1" ]; _result $? "the manual is installed"

if [ -n "${no_bash_completion:-}" ]; then
	skipped "the bash completion" "configured --without-bash-completion-dir"
else
	comp="$D${bashcompletiondir:?}/minutes"
	[ -f "$comp" ]; _result $? "the bash completion is installed in $bashcompletiondir"
	is "$(bash -c ". '$comp'; complete -p minutes" 2>&1)" "complete -F _minutes minutes" \
	    "bash registers it"
fi
if [ -n "${no_zsh_completion:-}" ]; then
	skipped "the zsh completion" "configured --without-zsh-completion-dir"
else
	[ -f "$D${zshcompletiondir:?}/_minutes" ]; _result $? "the zsh completion is installed"
fi

# The installed program looks where configure said (here only under
# DESTDIR, so it finds nothing, and says where it looked).
run env -u MINUTES_DATADIR "$D$bindir/minutes" templates
is "$rc" 1 "no templates where configure put them (they are under DESTDIR)"
like "$(cat "$T/err")" "no templates found in .*$pkgdatadir/templates" \
    "the message names the folders searched, the configured one among them"
run env MINUTES_DATADIR="$D$pkgdatadir" "$D$bindir/minutes" templates
like "$(cat "$T/out")" '^giaoban ' "with its data, the installed program works"
h="$top_builddir/src/lib/paths_dirs.h"
grep -qF "#define PKGDATADIR \"$pkgdatadir\"" "$h"
_result $? "the compiled-in data folder is the configured one"
grep -qF "#define LOCALEDIR \"$localedir\"" "$h"
_result $? "the compiled-in locale folder is the configured one"
dep=$(ls "$top_builddir"/src/lib/.deps/*paths.Po 2>/dev/null | head -1)
if [ -n "$dep" ]; then
	grep -q 'paths_dirs\.h' "$dep"
	_result $? "the object that uses them depends on that header"
else
	skipped "the object depends on the header" "no dependency tracking"
fi
done_testing
