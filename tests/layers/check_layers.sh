#!/bin/sh
# check_layers.sh SRCDIR: prints one line for each #include in SRCDIR that
# crosses a layer boundary, and for each call that prints from a layer
# that must not print; exits 1 if there is any.  The rules are those of
# src/README: a layer includes its own headers and those of the layers
# below it, and only one layer includes each outside library's header.
# Run by tests/layers/includes.sh on the real tree and on planted copies.
set -u
src=${1:?usage: check_layers.sh SRCDIR}
bad=0

# allowed LAYER: the layers whose headers a file of LAYER may include.
allowed() {
	case $1 in
	lib) echo "lib" ;;
	core) echo "lib core" ;;
	store) echo "lib core store" ;;
	extract) echo "lib core extract" ;;
	export) echo "lib core export" ;;
	tui) echo "lib core store extract export tui" ;;
	cli) echo "lib core store extract export tui cli" ;;
	main) echo "cli" ;;
	esac
}

# owner HEADER: the only layer (or file) that may include an outside
# library's header; empty for the C library and POSIX.
owner() {
	case $1 in
	curses.h|ncurses.h|ncursesw/*|term.h) echo tui ;;
	sqlite3.h|libpq-fe.h) echo store ;;
	pcre2.h) echo extract ;;
	zip.h|xlsxwriter.h|xlsxwriter/*) echo export ;;
	utf8proc.h) echo lib/utf8.c ;;
	esac
}

say() {
	echo "$1"
	bad=1
}

for f in $(cd "$src" && find . -name '*.[ch]' | sed 's|^\./||' | sort); do
	case $f in
	main.c) layer=main ;;
	*/*) layer=${f%%/*} ;;
	*) say "$f: a source file at the top of src/ (only main.c belongs there)"; continue ;;
	esac
	ok=$(allowed "$layer")
	if [ -z "$ok" ]; then
		say "$f: folder \"$layer\" is not a known layer (see src/README)"
		continue
	fi
	# Our own headers: "layer/name.h".
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$src/$f" |
	    sed 's/^\([0-9]*\):.*"\([^"]*\)".*/\1 \2/' >"${TMPDIR:-/tmp}/layers.$$"
	while read -r line inc; do
		case $inc in config.h) continue ;; esac
		to=${inc%%/*}
		[ "$to" = "$inc" ] && { say "$f:$line: \"$inc\" names no layer: write \"layer/$inc\""; continue; }
		case " $ok " in *" $to "*) ;; *) say "$f:$line: a $layer file includes \"$inc\" from the $to layer" ;; esac
	done <"${TMPDIR:-/tmp}/layers.$$"
	# Outside libraries: <name.h>.
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' "$src/$f" |
	    sed 's/^\([0-9]*\):.*<\([^>]*\)>.*/\1 \2/' >"${TMPDIR:-/tmp}/layers.$$"
	while read -r line inc; do
		o=$(owner "$inc")
		[ -z "$o" ] && continue
		case $o in
		*.c) [ "$f" = "$o" ] || say "$f:$line: <$inc> is included only by src/$o" ;;
		*) [ "$layer" = "$o" ] || say "$f:$line: <$inc> belongs to the $o layer, not $layer" ;;
		esac
	done <"${TMPDIR:-/tmp}/layers.$$"
	rm -f "${TMPDIR:-/tmp}/layers.$$"
	# lib and core never print: they return an error code and message.
	# The one exception is xmalloc's message before it aborts.
	case $layer:$f in
	lib:lib/xmalloc.c) ;;
	lib:*|core:*)
		grep -nE '(^|[^_[:alnum:]])(printf|fprintf|vprintf|vfprintf|puts|fputs|putchar|perror)[[:space:]]*\(' "$src/$f" |
		while IFS=: read -r line rest; do
			echo "$f:$line: a $layer file prints; return an error (lib/err.h) instead"
		done | grep . && bad=1
		;;
	esac
done
exit $bad
