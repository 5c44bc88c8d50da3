#!/bin/sh
# The libraries loaded on first use (lib/dl.c): libzip, libxlsxwriter and
# libpq are not linked into the program, so no command pays for them at
# start; an export that needs libzip or libxlsxwriter loads it, and where
# it cannot be loaded fails in one line that names it and the package to
# install, writing nothing.
. "${top_srcdir:-.}/tests/cli/lib.sh"

: "${top_builddir:?}"
# The sonames configure read from the -dev packages (config.h).
soname() {
	sed -n "s/^#define $1_SONAME \"\\(.*\\)\"\$/\\1/p" \
	    "$top_builddir/config.h"
}
zip_so=$(soname ZIP)
xlsx_so=$(soname XLSXWRITER)
like "$zip_so" '^libzip\.so\.[0-9]' "configure found libzip's soname"
like "$xlsx_so" '^libxlsxwriter\.so\.[0-9]' \
    "configure found libxlsxwriter's soname"

# Not linked: the program's NEEDED entries name none of them.
if command -v objdump >/dev/null 2>&1; then
	objdump -p "$MINUTES" | awk '$1 == "NEEDED" { print $2 }' >"$T/needed"
	like "$(cat "$T/needed")" '^libc\.so' "objdump reads the NEEDED list"
	is "$(grep -c -E '^lib(zip|xlsxwriter|pq)\.' "$T/needed")" 0 \
	    "libzip, libxlsxwriter and libpq are not linked in"
else
	skipped "libzip, libxlsxwriter and libpq are not linked in" \
	    "needs objdump (apt-get install binutils)"
fi

expect_rc 0 "import a meeting" "$MINUTES" import "$FIX/vi-quarterly.md"

# loads NAME CMD...: the libraries the command opened (LD_DEBUG), one a
# line, in $T/ld, and the command's status in $rc.
loads() {
	LD_DEBUG=libs LD_DEBUG_OUTPUT="$T/lddebug" "$@" >/dev/null 2>&1
	rc=$?
	cat "$T"/lddebug.* 2>/dev/null |
	    sed -n 's/.*calling init: //p' >"$T/ld"
	rm -f "$T"/lddebug.*
}
loads "$MINUTES" --version
is "$(grep -c -E 'lib(zip|xlsxwriter)\.' "$T/ld")" 0 \
    "--version loads neither library"
loads "$MINUTES" list
is "$(grep -c -E 'lib(zip|xlsxwriter)\.' "$T/ld")" 0 \
    "list loads neither library"
loads "$MINUTES" export 1 --format docx -o "$T/a.docx"
is "$rc/$(grep -c "/$zip_so" "$T/ld")" 0/1 "export --format docx loads libzip"
loads "$MINUTES" actions --xlsx -o "$T/a.xlsx"
is "$rc/$(grep -c "/$xlsx_so" "$T/ld")" 0/1 \
    "actions --xlsx loads libxlsxwriter"
is "$(head -c 2 "$T/a.xlsx")" PK "and writes the sheet"

# Where the library is not a library (an empty file found first), each
# export fails in one line and leaves no file.
mkdir "$T/nolib"
: >"$T/nolib/$zip_so"
: >"$T/nolib/$xlsx_so"
for f in docx odt; do
	expect_rc 1 "$f without libzip: exit 1" env \
	    LD_LIBRARY_PATH="$T/nolib" "$MINUTES" export 1 --format $f \
	    -o "$T/no.$f"
	one_line_error "$f without libzip: one line"
	like "$(cat "$T/err")" \
	    "need the libzip library.*apt-get install libzip[0-9]+$" \
	    "$f without libzip: names the library and the package"
	is "$(ls -A "$T" | grep -c "no\\.$f")" 0 "$f without libzip: no file"
done
expect_rc 1 "xlsx without libxlsxwriter: exit 1" env \
    LD_LIBRARY_PATH="$T/nolib" "$MINUTES" actions --xlsx -o "$T/no.xlsx"
one_line_error "xlsx without libxlsxwriter: one line"
like "$(cat "$T/err")" \
    "need the libxlsxwriter library.*apt-get install libxlsxwriter[0-9]+$" \
    "xlsx without libxlsxwriter: names the library and the package"
is "$(ls -A "$T" | grep -c 'no\.xlsx')" 0 "xlsx without libxlsxwriter: no file"
echo old >"$T/keep.docx"
expect_rc 1 "over an older file: exit 1" env LD_LIBRARY_PATH="$T/nolib" \
    "$MINUTES" export 1 --format docx -o "$T/keep.docx"
is "$(cat "$T/keep.docx")" old "the older file is kept"
expect_rc 1 "in Vietnamese: exit 1" env LD_LIBRARY_PATH="$T/nolib" \
    "$MINUTES" --lang vi export 1 --format docx -o "$T/no.docx"
like "$(cat "$T/err")" \
    "tài liệu DOCX và ODT cần thư viện libzip.*apt-get install libzip[0-9]+$" \
    "in Vietnamese: the message is translated"

# A library by that name that lacks the functions (another library in
# its place): refused the same way, with the missing function named.
lib=$(grep '/libsqlite3\.so' "$T/ld" | head -1)
if [ -n "$lib" ] && [ -f "$lib" ]; then
	mkdir "$T/wrong"
	cp "$lib" "$T/wrong/$zip_so"
	expect_rc 1 "a libzip without its functions: exit 1" env \
	    LD_LIBRARY_PATH="$T/wrong" "$MINUTES" export 1 --format odt \
	    -o "$T/no.odt"
	one_line_error "a libzip without its functions: one line"
	like "$(cat "$T/err")" \
	    'need the libzip library.*undefined symbol: zip_' \
	    "a libzip without its functions: names the first missing"
else
	skipped "a libzip without its functions" "libsqlite3 not found"
fi
done_testing
