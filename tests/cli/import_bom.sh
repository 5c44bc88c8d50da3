#!/bin/sh
# A file that starts with a UTF-8 byte order mark (as Windows Notepad
# saves) imports as the same file without it; the mark is not kept.
. "${top_srcdir:-.}/tests/cli/lib.sh"

{ printf '\357\273\277'; cat "$FIX/vi-monthly.md"; } >"$T/bom.md"
expect_rc 0 "a file with a byte order mark imports" "$MINUTES" import "$T/bom.md"
id=$(cat "$T/out")
expect_rc 0 "export" "$MINUTES" export "$id" --format md
same_file "$T/out" "$FIX/vi-monthly.md" "as the same file without the mark"
{ printf '\357\273\277'; sed 's/$/\r/' "$FIX/vi-monthly.md"; } >"$T/bomcrlf.md"
expect_rc 0 "with Windows line ends too" "$MINUTES" import "$T/bomcrlf.md"
{ printf 'x\357\273\277'; cat "$FIX/vi-monthly.md"; } >"$T/late.md"
expect_rc 2 "a mark anywhere else is text, and the front matter must come first" "$MINUTES" import "$T/late.md"
one_line_error "one line"
done_testing
