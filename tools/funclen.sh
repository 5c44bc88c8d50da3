#!/bin/sh
# Lists the C functions of the given folders (src, tests and bench by
# default) with their length in lines, longest first, as issue 10 measures
# them: from the line of the function's name to its closing brace, by
# Universal Ctags (ctags --fields=+ne).  The style's limits are 80 lines,
# 120 at the most; `tools/funclen.sh | awk '$1 > 80'` lists what is over.
#
#   tools/funclen.sh [DIR...]
command -v ctags >/dev/null 2>&1 || {
	echo "funclen.sh: needs Universal Ctags (Debian: universal-ctags)" >&2
	exit 1
}
[ $# -gt 0 ] || set -- src tests bench
ctags --langmap=C:+.h --languages=C --c-kinds=f --fields=+ne --sort=no -f - -R "$@" |
awk -F '\t' '$4 == "f" {
	line = end = ""
	for (i = 5; i <= NF; i++) {
		if ($i ~ /^line:/)
			line = substr($i, 6)
		if ($i ~ /^end:/)
			end = substr($i, 5)
	}
	if (line != "" && end != "")
		print end - line + 1, $2 ":" line, $1
}' | sort -rn
