#!/bin/sh
# The Vietnamese catalogue is complete: every message in the sources has a
# translation, none fuzzy, and the catalogue compiles with format checks.
. "${top_srcdir:-.}/tests/cli/lib.sh"

needs xgettext "gettext tools not installed"
grep -v '^#' "$top_srcdir/po/POTFILES.in" | grep . >"$T/files"
(cd "$top_srcdir" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
    --language=C -o "$T/m.pot" -f "$T/files")
expect_rc 0 "xgettext reads the sources" test -s "$T/m.pot"
msgmerge -q --no-fuzzy-matching "$top_srcdir/po/vi.po" "$T/m.pot" -o "$T/vi.po"
# Counts entries: a long message starts with msgid "" and goes on in the
# next line, which the header's msgid "" does not.
count() {
	msgattrib "$1" --no-obsolete "$T/vi.po" | awk '
	    /^msgid / { if ($0 != "msgid \"\"") n++; else m = 1; next }
	    m && /^"/ { n++ }
	    { m = 0 }
	    END { print n + 0 }'
}
n=$(count --untranslated)
is "$n" 0 "no untranslated message in po/vi.po"
if [ "$n" -ne 0 ]; then
	msgattrib --untranslated --no-obsolete "$T/vi.po" | grep -A2 '^msgid' | sed -n '4,30p' | sed 's/^/#   /'
fi
n=$(count --only-fuzzy)
is "$n" 0 "no fuzzy message in po/vi.po"
expect_rc 0 "po/vi.po compiles with format checks" msgfmt -c -o /dev/null "$top_srcdir/po/vi.po"
done_testing
