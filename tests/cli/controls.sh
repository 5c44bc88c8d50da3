#!/bin/sh
# Raw controls never reach a terminal: stored text with a C1 control
# (U+009B is an 8-bit CSI, which starts an escape sequence) or a
# bidirectional override (U+202E turns the rest of the line around) is
# written escaped -- \u009b and \u202e in JSON, <9B> and <RLO> on a
# terminal -- by list, search, show and actions.  The Markdown export to a
# file or a pipe keeps the text as stored; JSON is escaped everywhere.
. "${top_srcdir:-.}/tests/cli/lib.sh"

c1=$(printf '\302\233')
rlo=$(printf '\342\200\256')
lri=$(printf '\342\201\246')
{
	printf -- '---\ntemplate: giaoban\n'
	printf 'title: Giao ban %s31m %sexe.txt\n' "$c1" "$rlo"
	printf 'date: 2025-10-28\n---\n\n'
	printf '## Kết quả đạt được {#results}\n\n'
	printf 'Văn bản %s2J có %schữ ngược và %scô lập.\n\n' "$c1" "$rlo" "$lri"
	printf '## Nhiệm vụ được giao {#tasks}\n\n'
	printf '| Người thực hiện | Nội dung | Hạn | Trạng thái |\n'
	printf '|---|---|---|---|\n'
	printf '| Ủy ban %s0m | Rà soát %schỉ tiêu | 2025-12-31 | open |\n' "$c1" "$rlo"
} >"$T/c.md"
expect_rc 0 "import text with controls" "$MINUTES" import "$T/c.md"
id=$(cat "$T/out")

# raw FILE: whether FILE holds a C1 control or a bidi control as is.
raw() {
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')\|$(printf '\342\200[\252-\256]')\|$(printf '\342\201[\246-\251]')" "$1"
}

for cmd in "list --json" "search --json ngược" "actions --json"; do
	# shellcheck disable=SC2086
	expect_rc 0 "$cmd" "$MINUTES" $cmd
	if raw "$T/out"; then
		_result 1 "$cmd: no raw control in JSON"
	else
		_result 0 "$cmd: no raw control in JSON"
	fi
	like "$(cat "$T/out")" '\\u009b' "$cmd: U+009B written as \\u009b"
	like "$(cat "$T/out")" '\\u202e' "$cmd: U+202E written as \\u202e"
done
expect_rc 0 "export --format json" "$MINUTES" export "$id" --format json
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if "\u009b" in d["title"] and "\u202e" in d["title"] else 1)' "$T/out"
_result $? "a JSON reader gets the controls back"

# tty_run CMD...: runs CMD on a pseudo-terminal; what it showed in $T/tty.
tty_run() {
	/usr/bin/python3 -c '
import os, pty, sys
out = b""
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
' "$@" >"$T/tty"
}
for cmd in "list" "show $id" "actions" "action 1" "search ngược"; do
	# shellcheck disable=SC2086
	tty_run "$MINUTES" $cmd
	if raw "$T/tty"; then
		_result 1 "$cmd on a terminal: no raw control"
	else
		_result 0 "$cmd on a terminal: no raw control"
	fi
	like "$(cat "$T/tty")" '<RLO>' "$cmd on a terminal: the override is shown as <RLO>"
done
tty_run "$MINUTES" show "$id"
like "$(cat "$T/tty")" '<9B>2J' "show: the C1 control is shown as <9B>"
like "$(cat "$T/tty")" '<LRI>' "show: an isolate is shown too"

# The review's table escapes its cells wherever it goes: each field is
# measured once, and only those found plain are copied as they are.
expect_rc 0 "actions to a pipe" "$MINUTES" actions
like "$(cat "$T/out")" 'Ủy ban <9B>0m  ' "actions table: the assignee's C1 control escaped"
like "$(cat "$T/out")" 'Rà soát <RLO>chỉ tiêu' "actions table: the task's override escaped"
like "$(cat "$T/out")" "$id Giao ban <9B>31m <RLO>exe.txt\$" "actions table: the meeting's title escaped"
if raw "$T/out"; then
	_result 1 "actions table: no raw control"
else
	_result 0 "actions table: no raw control"
fi

# The Markdown export to a pipe or a file keeps the text as stored, so
# that nothing is lost on the way back in.
expect_rc 0 "export --format md to a pipe" "$MINUTES" export "$id" --format md
if raw "$T/out"; then
	_result 0 "a pipe gets the text as stored"
else
	_result 1 "a pipe gets the text as stored"
fi
done_testing
