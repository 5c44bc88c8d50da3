#!/bin/sh
# The include boundaries of src/README, checked on the tree, then on a
# copy with violations planted, so the check is known to bite.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
check="$top_srcdir/tests/layers/check_layers.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/minutes-layers.XXXXXX")
trap 'rm -rf "$T"' EXIT
n=0
failed=0
result() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

sh "$check" "$top_srcdir/src" >"$T/out" 2>&1
rc=$?
result $rc "src/ keeps its layers"
[ $rc -eq 0 ] || sed 's/^/#   /' "$T/out"

# plant FILE LINE WHAT: a copy of src/ with LINE added to FILE must be
# refused, with FILE named in the report.
plant() {
	rm -rf "$T/src" && cp -R "$top_srcdir/src" "$T/src"
	printf '%s\n' "$2" >>"$T/src/$1"
	sh "$check" "$T/src" >"$T/out" 2>&1
	rc=$?
	grep -q "^$1" "$T/out"
	result $(( rc == 1 && $? == 0 ? 0 : 1 )) "$3"
}
plant store/store.c '#include <curses.h>' "a store file including curses is refused"
plant core/model.c '#include "store/store.h"' "a core file including the store is refused"
plant core/series.c '#include <sqlite3.h>' "a core file including sqlite3.h is refused"
plant export/export_json.c '#include "extract/extract.h"' "export including the extractor (a sibling) is refused"
plant core/tmpl.c 'static void f(void) { printf("x"); }' "a core file that prints is refused"
plant lib/buf.c '#include "core/model.h"' "lib including core is refused"
plant store/store_action.c '#include <pcre2.h>' "pcre2.h outside the extractor is refused"
plant core/search.c '#include <utf8proc.h>' "utf8proc.h outside lib/utf8.c is refused"
plant tui/tui.c '#include "buf.h"' "an include that names no layer is refused"

echo "1..$n"
[ $failed -eq 0 ]
