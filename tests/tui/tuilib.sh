# Helpers for the screen tests: a private tmux server (its own socket, no
# user configuration) running the program in an 80x24 pane, and polling of
# the pane's text with a deadline instead of fixed sleeps.
# Sourced after tests/cli/lib.sh.

TMUX_CMD=${TMUX_BIN:-}
[ -n "$TMUX_CMD" ] || TMUX_CMD=$(command -v tmux 2>/dev/null || true)
if [ -z "$TMUX_CMD" ] || ! [ -x "$TMUX_CMD" ]; then
	echo "1..0 # SKIP tmux is not installed"
	exit 77
fi
unset TMUX TMUX_PANE
SOCK="minutes-test-$$-$(basename "$0" .sh)"
tm() { "$TMUX_CMD" -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

# A session that only keeps the server alive between the program's runs.
tm new-session -d -s keep -x 80 -y 24 "sleep 3600" || exit 1

# With MINUTES_VALGRIND set (make check-valgrind), the program runs in the
# panes under valgrind: what it reports (memory errors, leaks) goes to one
# file per process, and done_testing adds a result that fails on any.  The
# folder is open to all: one test runs the program as another user.
VG=
SLOW=1
if [ -n "${MINUTES_VALGRIND:-}" ]; then
	# Everything the program does takes several times longer, its exit
	# (the leak check) most of all: deadlines stretch by this much.
	SLOW=5
	VGDIR=$(mktemp -d "${TMPDIR:-/tmp}/minutes-vg.XXXXXX") || exit 1
	chmod 1777 "$VGDIR"
	VG="valgrind -q --suppressions=$top_srcdir/tests/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --log-file=$VGDIR/vg.%p"
	trap 'tm kill-server 2>/dev/null; rm -rf "$T" "$VGDIR"' EXIT
	_done_testing() {
		sleep 1	# processes killed with their pane write their log
		if [ -n "$(find "$VGDIR" -type f -size +0 2>/dev/null)" ]; then
			_result 1 "valgrind: no memory errors or leaks"
			cat "$VGDIR"/vg.* | head -60 | sed 's/^/#   /'
		else
			_result 0 "valgrind: no memory errors or leaks"
		fi
		echo "1..$tap_n"
		[ "$tap_failed" -eq 0 ]
	}
	done_testing() { _done_testing; }
fi

# secs N: a deadline of N seconds, stretched under valgrind.
secs() { echo $(( $1 * SLOW )); }

# start CMD...: runs the command in a new 80x24 session "t" (window 0;
# commands address it as t:0 so other windows never catch the keys).
start() {
	tm kill-session -t t 2>/dev/null
	rm -f "$T/exit-status"
	cmd=$*
	if [ -n "$VG" ]; then
		cmd=$(printf '%s' "$cmd" | sed "s|$MINUTES|$VG $MINUTES|")
	fi
	tm new-session -d -s t -x 80 -y 24 \
	    "env TERM=screen LC_ALL=${TUI_LOCALE:-C.UTF-8} HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' MINUTES_DB='$MINUTES_DB' MINUTES_DATADIR='${MINUTES_DATADIR:-}' LANGUAGE=${TUI_LANGUAGE:-} $cmd; rc=\$?; echo \$rc >'$T/exit-status.tmp' && mv '$T/exit-status.tmp' '$T/exit-status'; printf '\\nEXIT=%s\\n' \$rc; sleep 30"
	tm set-option -t t remain-on-exit on >/dev/null 2>&1
}

screen() { tm capture-pane -p -t t:0 2>/dev/null; }

# wait_for REGEX [SECONDS]: true once the pane shows text matching REGEX.
wait_for() {
	deadline=$(( $(date +%s) + $(secs "${2:-10}") ))
	while :; do
		if screen | grep -Eq -- "$1"; then
			return 0
		fi
		if [ "$(date +%s)" -ge "$deadline" ]; then
			return 1
		fi
		sleep 0.05
	done
}

# shows REGEX NAME [SECONDS]: a TAP result for wait_for.
shows() {
	if wait_for "$1" "${3:-10}"; then
		_result 0 "$2"
	else
		_result 1 "$2"
		echo "#   the screen never showed: $1"
		screen | sed 's/^/#   | /'
	fi
}

keys() { tm send-keys -t t:0 "$@"; }
# press N KEY: sends KEY N times, one key a time as a typist would (N may
# be 0).
press() {
	_n=$1
	while [ "$_n" -gt 0 ]; do
		keys "$2"
		_n=$((_n - 1))
	done
}
# typing TEXT: sends literal text.
typing() { tm send-keys -t t:0 -l -- "$1"; }

# The pid of the program in the pane (the child of the pane's shell).
app_pid() {
	sh_pid=$(tm display-message -p -t t:0 '#{pane_pid}')
	pgrep -P "$sh_pid" | head -1
}

# import_actions NAME...: imports tests/fixtures/actions/NAME.md, the
# meetings of the action-review tests, each a TAP result.
import_actions() {
	for f in "$@"; do
		expect_rc 0 "import $f" "$MINUTES" import "$FIX/actions/$f.md"
	done
}

# new_meeting_md TITLE: creates a meeting through the command line's import
# and prints its id.
new_meeting_md() {
	printf -- '---\ntemplate: giaoban\ntitle: %s\ndate: 2023-09-13\n---\n' "$1" |
	    "$MINUTES" import - 2>>"$T/err"
}

# section ID KEY: the text of one section, from the Markdown export.
export_md() { "$MINUTES" export "$1" --format md; }

# stored ID REGEX NAME [SECONDS]: the Markdown export of meeting ID comes
# to match REGEX (grep -E) within the deadline.
stored() {
	deadline=$(( $(date +%s) + $(secs "${4:-10}") ))
	while :; do
		if "$MINUTES" export "$1" --format md 2>/dev/null | grep -Eq -- "$2"; then
			_result 0 "$3"
			return 0
		fi
		if [ "$(date +%s)" -ge "$deadline" ]; then
			_result 1 "$3"
			echo "#   the export never matched: $2"
			"$MINUTES" export "$1" --format md 2>&1 | head -30 | sed 's/^/#   | /'
			return 1
		fi
		sleep 0.1
	done
}

# becomes WANT NAME CMD...: the output of CMD comes to equal WANT within
# 10 s: a screen can say "saved" a moment before a slow run has saved.
becomes() {
	_want=$1 _name=$2
	shift 2
	deadline=$(( $(date +%s) + $(secs 10) ))
	while _got=$("$@" 2>&1); [ "$_got" != "$_want" ] &&
	    [ "$(date +%s)" -lt "$deadline" ]; do
		sleep 0.1
	done
	is "$_got" "$_want" "$_name"
}

# exited STATUS NAME [SECONDS]: the program ended with that status.  The
# status is read from a file the pane's shell writes, not from the screen:
# a program killed mid-draw leaves the cursor anywhere, and the shell's own
# "Killed" message can wrap the status line across the pane's edge.
exited() {
	deadline=$(( $(date +%s) + $(secs "${3:-10}") ))
	while ! [ -f "$T/exit-status" ] && [ "$(date +%s)" -lt "$deadline" ]; do
		sleep 0.05
	done
	got=$(cat "$T/exit-status" 2>/dev/null || echo "still running")
	if [ "$got" = "$1" ]; then
		_result 0 "$2"
	else
		_result 1 "$2"
		echo "#   exit status: expected $1, got $got"
		screen | sed 's/^/#   | /'
	fi
}
