# Shared helpers for the shell tests: a throwaway home, database and config
# for each test, and TAP output that automake's tap-driver reads.
# Sourced by tests/cli/*.sh and tests/tui/*.sh.

set -u
: "${MINUTES:?MINUTES must name the binary under test}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
FIX="$top_srcdir/tests/fixtures"

T=$(mktemp -d "${TMPDIR:-/tmp}/minutes-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/home" "$T/data" "$T/config"
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache"
# tests/pg/cli.sh runs these tests again against a PostgreSQL store: it
# names a fresh database in MINUTES_TEST_DB.
export MINUTES_DB="${MINUTES_TEST_DB:-$T/test.db}"
export LC_ALL=C.UTF-8 LANGUAGE=
unset MINUTES_TODAY LANG LC_MESSAGES 2>/dev/null || true

# on_pg: true when the test runs against a PostgreSQL store.
on_pg() {
	[ -n "${MINUTES_TEST_DB:-}" ]
}

# db_sql SQL: runs SQL (written to mean the same to both) on the test's
# store, with sqlite3 or psql; rows one a line, columns split by "|".
db_sql() {
	if on_pg; then
		PGOPTIONS="-c search_path=minutes" psql -X -q -At \
		    -v ON_ERROR_STOP=1 "$MINUTES_DB" -c "$1"
	else
		sqlite3 "$MINUTES_DB" "$1"
	fi
}

tap_n=0
tap_failed=0

# ok COND-STATUS NAME: records a result from a previous command's status.
_result() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# skip_all WHY: the test cannot run here (a package or a privilege is
# missing): an empty plan saying why, and exit status 77 (tests/skip77.sh).
skip_all() {
	echo "1..0 # SKIP $1"
	exit 77
}

# needs CMD WHY: skip_all WHY unless CMD is on the PATH.
needs() {
	command -v "$1" >/dev/null 2>&1 || skip_all "$2"
}

# skipped NAME WHY: one result that cannot be checked here.
skipped() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# run CMD...: runs a command, keeping stdout in $T/out, stderr in $T/err
# and the exit status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect_rc N NAME CMD...: the command exits with status N.
expect_rc() {
	_want=$1 _name=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$_want" ]; then
		_result 0 "$_name"
	else
		_result 1 "$_name"
		echo "#   exit $rc, wanted $_want; stderr: $(head -c 400 "$T/err")"
	fi
}

# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then
		_result 0 "$3"
	else
		_result 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2" | head -20
	fi
}

# like TEXT REGEX NAME (grep -E)
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		_result 0 "$3"
	else
		_result 1 "$3"
		printf '#   %s\n#   does not match: %s\n' "$(printf '%s' "$1" | head -c 400)" "$2"
	fi
}

# same_file A B NAME: byte-identical files.
same_file() {
	if cmp -s "$1" "$2"; then
		_result 0 "$3"
	else
		_result 1 "$3"
		diff -u "$2" "$1" | head -20 | sed 's/^/#   /'
	fi
}

# one_line_error NAME: stderr is exactly one line starting with "minutes: ".
one_line_error() {
	n=$(wc -l <"$T/err")
	if [ "$n" -eq 1 ] && grep -q '^minutes: ' "$T/err"; then
		_result 0 "$1"
	else
		_result 1 "$1"
		sed 's/^/#   stderr: /' "$T/err" | head -5
	fi
}

# widest FILE: the display width of the widest line of FILE (combining
# marks 0 columns, East Asian wide and full-width characters 2), 0 when
# it is empty.
widest() {
	python3 -c 'import sys,unicodedata
m=0
for l in open(sys.argv[1], encoding="utf-8"):
    l=l.rstrip("\n"); m=max(m, sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l))
print(m)' "$1"
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
