#!/bin/sh
# The Vietnamese catalogue is complete: every message in the sources has a
# translation, none fuzzy, and the catalogue compiles with format checks.
. "${top_srcdir:-.}/tests/cli/lib.sh"

if ! command -v xgettext >/dev/null 2>&1; then
	echo "1..0 # SKIP gettext tools not installed"
	exit 0
fi
grep -v '^#' "$top_srcdir/po/POTFILES.in" | grep . >"$T/files"
(cd "$top_srcdir" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
    --language=C -o "$T/m.pot" -f "$T/files")
expect_rc 0 "xgettext reads the sources" test -s "$T/m.pot"
msgmerge -q --no-fuzzy-matching "$top_srcdir/po/vi.po" "$T/m.pot" -o "$T/vi.po"
n=$(msgattrib --untranslated --no-obsolete "$T/vi.po" | grep -c '^msgid "[^"]')
is "$n" 0 "no untranslated message in po/vi.po"
if [ "$n" -ne 0 ]; then
	msgattrib --untranslated --no-obsolete "$T/vi.po" | grep '^msgid' | head -10 | sed 's/^/#   /'
fi
n=$(msgattrib --only-fuzzy --no-obsolete "$T/vi.po" | grep -c '^msgid "[^"]')
is "$n" 0 "no fuzzy message in po/vi.po"
expect_rc 0 "po/vi.po compiles with format checks" msgfmt -c -o /dev/null "$top_srcdir/po/vi.po"
done_testing
