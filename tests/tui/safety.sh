#!/bin/sh
# Never lose a word: autosave within a second, then kill -9 loses nothing;
# SIGTERM, SIGHUP and SIGINT save and exit 0 at once; a save that fails
# (database locked past the busy timeout, or read-only) is shown, the text
# stays in memory and is saved once the database can be written again;
# a second instance opening the same meeting is warned.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

id=$(new_meeting_md "Giao ban tháng 10")
is "$id" 1 "a meeting to edit"

# Autosave, then kill -9.
start "$MINUTES edit 1 --section results"
shows '2/6  Kết quả đạt được' "edit --section opens that section"
typing 'Phường Lạch Tray đạt 100% chỉ tiêu'
t0=$(date +%s)
stored 1 'Phường Lạch Tray đạt 100% chỉ tiêu$' "saved without any key" 3
t1=$(date +%s)
ok_fast=$(( t1 - t0 <= 2 ))
is "$ok_fast" 1 "within a second or so of the last key"
kill -9 "$(app_pid)"
exited 137 "killed with -9"
stored 1 'Phường Lạch Tray đạt 100% chỉ tiêu$' "kill -9 lost nothing" 1

# A dialog opened at once after typing (here the help) does not hold the
# text back: it is saved as the dialog opens, so kill -9 meanwhile loses
# nothing.
start "$MINUTES edit 1 --section opinions"
shows '4/6  Ý kiến đại biểu' "editor open for the dialog test"
typing 'Gõ rồi mở trợ giúp ngay'
keys F1
shows 'Keys of the meeting editor' "the help is open"
sleep 1
kill -9 "$(app_pid)"
exited 137 "killed with -9 while the help is open"
stored 1 '^Gõ rồi mở trợ giúp ngay$' "what was typed before the dialog is saved" 1
start "$MINUTES edit 1 --section opinions"
shows 'Gõ rồi mở trợ giúp ngay' "reopened after the dialog test"
keys C-End
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23; do keys BSpace; done
becomes 0 "the dialog test's text removed again" sh -c '"$MINUTES" export 1 --format md | grep -c "trợ giúp ngay"'
keys F10
exited 0 "left after the dialog test"

# The cursor goes to the end of the section with --section.
start "$MINUTES edit 1 --section results"
shows 'đạt 100% chỉ tiêu' "the text is back"
typing '.'
stored 1 'đạt 100% chỉ tiêu\.$' "typing continues at the end of the section"
keys F10
exited 0 "left"

# Each signal saves what was typed and exits 0 at once.
for sig in TERM HUP INT; do
	start "$MINUTES edit 1 --section limitations"
	shows '3/6  Hạn chế' "editor open for SIG$sig"
	typing "Tồn tại $sig"
	shows "Tồn tại $sig" "typed before SIG$sig"
	kill -$sig "$(app_pid)"
	exited 0 "SIG$sig: exit 0" 2
	stored 1 "^Tồn tại $sig\$" "SIG$sig: the text was saved" 1
	# Leave the section empty for the next round.
	"$MINUTES" export 1 --format md >/dev/null
	start "$MINUTES edit 1 --section limitations"
	shows "Tồn tại $sig" "reopened after SIG$sig"
	keys C-End; keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	stored 1 '^## Hạn chế, khó khăn \{#limitations\}$' "section emptied again"
	keys C-q
	exited 0 "Ctrl-Q leaves"
done

# Closing the terminal itself (tmux hangs up the pane's terminal).
start "$MINUTES edit 1 --section limitations"
shows '3/6  Hạn chế' "editor open for closing the terminal"
typing 'Đóng cửa sổ giữa chừng'
shows 'Đóng cửa sổ giữa chừng' "typed before closing the terminal"
p=$(app_pid)
tm kill-session -t t
deadline=$(( $(date +%s) + $(secs 3) ))
while kill -0 "$p" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.05; done
kill -0 "$p" 2>/dev/null
is "$?" 1 "the program ends when its terminal closes"
stored 1 '^Đóng cửa sổ giữa chừng$' "and what was typed is saved" 1
start "$MINUTES edit 1 --section limitations"
shows 'Đóng cửa sổ giữa chừng' "reopened after closing the terminal"
keys C-End
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22; do keys BSpace; done
stored 1 '^## Hạn chế, khó khăn \{#limitations\}$' "section emptied again"
keys F10
exited 0 "left"

# lock_db NAME: another program (sqlite3) takes the database's write lock
# and holds it until unlock_db; a TAP result says it was taken.  The
# locker reads its statements from a FIFO, so the lock is held and
# released when the test says, not for a guessed time.
lock_db() {
	rm -f "$T/lock.fifo" "$T/lock.held"
	mkfifo "$T/lock.fifo" || return 1
	sqlite3 "$MINUTES_DB" <"$T/lock.fifo" >"$T/lock.out" 2>&1 &
	lockpid=$!
	exec 9>"$T/lock.fifo"
	printf '.bail on\n.timeout 5000\nBEGIN IMMEDIATE;\n.system touch %s\n' \
	    "$T/lock.held" >&9
	deadline=$(( $(date +%s) + $(secs 10) ))
	while ! [ -f "$T/lock.held" ] && [ "$(date +%s)" -lt "$deadline" ]; do
		sleep 0.05
	done
	[ -f "$T/lock.held" ]
	_result $? "$1"
}
unlock_db() {
	echo 'COMMIT;' >&9
	exec 9>&-
	wait "$lockpid"
}

# A database locked by another program: the save fails, says so, keeps
# the text and succeeds once the lock is gone.
if command -v sqlite3 >/dev/null 2>&1; then
	start "$MINUTES edit 1 --section opinions"
	shows '4/6  Ý kiến' "editor open for the lock test"
	lock_db "another program holds the lock"
	typing 'Ý kiến khi cơ sở dữ liệu bị khóa'
	shows 'NOT SAVED:.*locked' "a locked database shows in the status line" 15
	shows 'Ý kiến khi cơ sở dữ liệu bị khóa' "the text is still there"
	typing ', vẫn gõ được'
	shows 'bị khóa, vẫn gõ được' "typing does not wait for the lock" 1
	unlock_db
	shows 'Saved at' "saved once the lock is gone" 15
	stored 1 '^Ý kiến khi cơ sở dữ liệu bị khóa, vẫn gõ được$' "the text reached the database"
	keys F10
	exited 0 "left after the lock test"

	# A signal while the database stays locked: a rescue file keeps the
	# text, and the program ends with status 1 (the database lacks it).
	start "$MINUTES edit 1 --section opinions"
	shows '4/6  Ý kiến' "editor open for the rescue test"
	lock_db "another program holds the lock again"
	keys C-End
	typing ' Chữ cứu hộ'
	shows 'NOT SAVED:.*locked' "the save fails while locked" 15
	# Typed after the failed save, before its retry (two seconds on).
	typing ' Chữ sau cùng'
	shows 'Chữ sau cùng' "typed after the failed save"
	kill -TERM "$(app_pid)"
	exited 1 "SIGTERM while locked: exit 1 (after one wait for the lock)" 5
	shows 'unsaved text is in' "it says where the text went"
	f=$(ls "$T"/minutes-rescue-1-*.md 2>/dev/null | head -1)
	like "$(cat "$f" 2>/dev/null)" 'Chữ cứu hộ' "the rescue file holds the text"
	like "$(cat "$f" 2>/dev/null)" 'Chữ cứu hộ Chữ sau cùng' "with what was typed after the last failed save"
	unlock_db
	expect_rc 0 "the rescue file imports" "$MINUTES" import "$f"
else
	echo "ok $((tap_n = tap_n + 1)) # SKIP sqlite3 not installed"
fi

# A read-only database file.  Root writes to any file, so as root the
# program runs as nobody over files nobody owns, when setpriv can do that
# and nobody can reach the binary and its data.
as_user=
ro_test=1
if [ "$(id -u)" -eq 0 ]; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
	if ! command -v setpriv >/dev/null 2>&1 ||
	    ! $as_user env MINUTES_DATADIR="${MINUTES_DATADIR:-}" "$MINUTES" --version >/dev/null 2>&1 ||
	    ! chown -R 65534:65534 "$T" 2>/dev/null; then
		ro_test=0
	fi
fi
if [ "$ro_test" -eq 1 ]; then
	chmod 0444 "$MINUTES_DB"
	start "$as_user $MINUTES edit 1 --section conclusions"
	shows '5/6  Kết luận' "editor open on a read-only database"
	typing 'Kết luận khi chỉ đọc'
	shows 'NOT SAVED:.*read-only' "a read-only database shows in the status line"
	chmod 0644 "$MINUTES_DB"
	shows 'Saved at' "saved once it is writable again" 15
	stored 1 '^Kết luận khi chỉ đọc$' "the text reached the database"
	keys F10
	exited 0 "left after the read-only test"
else
	echo "ok $((tap_n = tap_n + 1)) # SKIP cannot run as another user to make the file read-only"
fi

# Two instances on one meeting: the second is warned and can look only.
start "$MINUTES edit 1 --section conclusions"
shows '5/6  Kết luận' "first instance open"
tm new-window -d -t t:1 -n w2 "env TERM=screen LC_ALL=C.UTF-8 MINUTES_DB='$MINUTES_DB' MINUTES_DATADIR='${MINUTES_DATADIR:-}' $MINUTES edit 1 --section conclusions; echo EXIT2=\$?; sleep 30"
two() { tm capture-pane -p -t t:1; }
deadline=$(( $(date +%s) + $(secs 10) ))
until two | grep -q 'another minutes' || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.05; done
like "$(two)" 'being edited by another minutes' "the second instance is warned"
tm send-keys -t t:1 r
deadline=$(( $(date +%s) + $(secs 10) ))
until two | grep -q 'read-only' || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.05; done
tm send-keys -t t:1 -l 'chữ lạ'
deadline=$(( $(date +%s) + $(secs 5) ))
until two | grep -q 'Read-only: this meeting' || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.05; done
like "$(two)" 'Read-only: this meeting is open in another minutes' "typing in the read-only copy is refused"
typing 'Kết luận của người thứ nhất'
stored 1 'Kết luận của người thứ nhất$' "the first instance keeps saving (after the earlier tests' text)"
tm send-keys -t t:1 F10
deadline=$(( $(date +%s) + $(secs 5) ))
until two | grep -q 'EXIT2=0' || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.05; done
like "$(two)" 'EXIT2=0' "the second instance leaves"
# The first instance renews its mark (every 10 s), so a third is warned.
first=$(app_pid)
if command -v sqlite3 >/dev/null 2>&1; then
	deadline=$(( $(date +%s) + $(secs 15) ))
	until [ "$(sqlite3 "$MINUTES_DB" 'SELECT pid FROM edit_lock WHERE meeting_id = 1' 2>/dev/null)" = "$first" ] ||
	    [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.2; done
else
	sleep 11	# one renewal period; nothing to poll without sqlite3
fi
tm new-window -d -t t:2 -n w3 "env TERM=screen LC_ALL=C.UTF-8 MINUTES_DB='$MINUTES_DB' MINUTES_DATADIR='${MINUTES_DATADIR:-}' $MINUTES edit 1; echo EXIT3=\$?; sleep 30"
deadline=$(( $(date +%s) + $(secs 10) ))
until tm capture-pane -p -t t:2 | grep -q 'another minutes' || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.05; done
like "$(tm capture-pane -p -t t:2)" 'being edited by another minutes' "a third instance is warned too"
tm send-keys -t t:2 q
keys F10
exited 0 "the first instance leaves"
like "$("$MINUTES" export 1 --format md)" 'Kết luận của người thứ nhất' "the first instance's text is intact"

# A signal while a form is open keeps what was typed in it: the task
# being added is saved, not cancelled.
start "$MINUTES edit 1 --section tasks"
shows 'Nhiệm vụ được giao' "the tasks table, for the form test"
typing a
shows 'New task' "a opens the task form"
typing 'Văn phòng'; keys Enter
typing 'Gửi công văn trước khi tắt máy'
shows 'Gửi công văn trước khi tắt máy' "typed into the form"
kill -HUP "$(app_pid)"
exited 0 "SIGHUP with the form open: exit 0"
stored 1 '^\| Văn phòng \| Gửi công văn trước khi tắt máy \|' "the task typed in the form is saved"

# A signal while a header field holds what cannot be stored (a bad time):
# the rest is saved, and the meeting with the field as typed goes to a
# rescue file, where it can be corrected.
rm -f "$T"/minutes-rescue-*.md
start "$MINUTES edit 1"
keys F2; wait_for 'Go to section'; typing 0
shows 'Meeting details' "the header form, for the signal test"
keys Down Down Down Down Down
typing '25:99'
keys Up
shows 'End: "25:99": hours go from 0 to 23' "the bad time is refused"
kill -TERM "$(app_pid)"
exited 1 "SIGTERM with a field that cannot be stored: exit 1"
shows 'could not be stored as it was' "it says why the rescue file was written"
like "$(cat "$T"/minutes-rescue-1-*.md 2>/dev/null)" '^end: 25:99$' "the field, as typed, is in a rescue file"
done_testing
