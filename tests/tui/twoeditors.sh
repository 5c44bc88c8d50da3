#!/bin/sh
# Never lose a word to a second writer (issue 12): an editor killed with
# -9 leaves no lock that stops the next one, so what is typed into the
# next at once reaches the section, even the r, e and q that would answer
# the "Open elsewhere" question; two editors on one meeting merge what
# each types, in one section and in one roster, and where both change
# the same words both versions are kept and the status line says so; a
# question that opens while typing goes on never takes a typed key as its
# answer.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

id=$(new_meeting_md "Giao ban tháng 11")
is "$id" 1 "a meeting to edit"

# ready NAME: polls until the program in the pane handles SIGHUP (its
# handler is in place; its screen may not be drawn yet).  Under valgrind
# the kernel sees valgrind's handlers from the start, so the screen is
# waited for instead.
ready() {
	deadline=$(( $(date +%s) + $(secs 10) ))
	while :; do
		p=$(app_pid)
		if [ -n "$VG" ]; then
			screen | grep -q '2/6' && break
		elif [ -n "$p" ]; then
			m=$(awk '/^SigCgt:/ { print $2 }' "/proc/$p/status" 2>/dev/null)
			[ -n "$m" ] && [ $(( 0x$m & 1 )) -eq 1 ] && break
		fi
		[ "$(date +%s)" -ge "$deadline" ] && break
		sleep 0.02
	done
	[ "$(date +%s)" -lt "$deadline" ]
	_result $? "$1"
}

# kill -9, then the same meeting opened again at once and typed into,
# SIGHUP 0.1 s after the last key.
start "$MINUTES edit 1 --section results"
shows '2/6  Kết quả đạt được' "the editor is open"
typing 'Trước khi máy treo.'
stored 1 'Trước khi máy treo\.$' "saved before the crash" 3
kill -9 "$(app_pid)"
exited 137 "killed with -9"
start "$MINUTES edit 1 --section results"
ready "opened again at once"
typing ' Chủ trì yêu cầu rà soát quy chế; quận đề nghị sớm.'
sleep 0.1	# the scenario: a hang-up 0.1 s after the last key
kill -HUP "$(app_pid)"
exited 0 "SIGHUP: exit 0"
stored 1 '^Trước khi máy treo\. Chủ trì yêu cầu rà soát quy chế; quận đề nghị sớm\.$' \
    "every character typed after the crash is in the section"

# Keys typed that the program has not read yet when a signal comes (a
# loaded machine reads late) still reach the section: the program is
# stopped, typed to, sent SIGHUP and let go on.
start "$MINUTES edit 1 --section results"
shows '2/6  Kết quả đạt được' "the editor is open again"
keys C-End
pid=$(app_pid)
kill -STOP "$pid"
typing ' Đã rà soát xong.'
tm display-message -p x >/dev/null	# the keys are in the terminal
kill -HUP "$pid"
kill -CONT "$pid"
exited 0 "SIGHUP while keys wait: exit 0"
stored 1 'sớm\. Đã rà soát xong\.$' "the keys that waited are in the section"

# second CMD: the same program in window 1 of the session.
second() {
	tm kill-window -t t:1 2>/dev/null
	rm -f "$T/exit2"
	tm new-window -d -t t:1 -n w2 "env TERM=screen LC_ALL=C.UTF-8 MINUTES_DB='$MINUTES_DB' MINUTES_DATADIR='${MINUTES_DATADIR:-}' $VG $*; echo \$? >'$T/exit2'; sleep 30"
}
two() { tm capture-pane -p -t t:1; }
# shows2 REGEX NAME [SECONDS]: shows, for window 1.
shows2() {
	deadline=$(( $(date +%s) + $(secs "${3:-10}") ))
	until two | grep -Eq -- "$1" || [ "$(date +%s)" -ge "$deadline" ]; do
		sleep 0.05
	done
	if two | grep -Eq -- "$1"; then
		_result 0 "$2"
	else
		_result 1 "$2"
		echo "#   window 1 never showed: $1"
		two | sed 's/^/#   | /'
	fi
}
exited2() {
	deadline=$(( $(date +%s) + $(secs 10) ))
	until [ -f "$T/exit2" ] || [ "$(date +%s)" -ge "$deadline" ]; do
		sleep 0.05
	done
	is "$(cat "$T/exit2" 2>/dev/null)" "$1" "$2"
}

# Two editors in one section: the first types at the end of one
# paragraph, the second at the end of another; both are kept, and each
# editor comes to show the other's words.
start "$MINUTES edit 1 --section opinions"
shows '4/6  Ý kiến đại biểu' "first editor open"
typing 'Phường An Biên: đã xong.'
keys Enter
typing 'Phường Cát Dài: còn vướng.'
stored 1 '^Phường Cát Dài: còn vướng\.$' "the first editor's paragraphs are saved"
second "$MINUTES edit 1 --section opinions"
shows2 'being edited by another minutes' "the second editor is warned"
tm send-keys -t t:1 e
shows2 'also open in another minutes' "and edits anyway"
tm send-keys -t t:1 C-End
tm send-keys -t t:1 -l ' Đề nghị hỗ trợ mặt bằng.'
keys C-Home End
typing ' Kiến nghị thêm vốn.'
stored 1 '^Phường An Biên: đã xong\. Kiến nghị thêm vốn\.$' "the first editor's words are kept"
stored 1 '^Phường Cát Dài: còn vướng\. Đề nghị hỗ trợ mặt bằng\.$' "so are the second's"
# An idle editor takes in the other's saves every 10 s (25: one beat may
# find the database busy and come a second later, on a loaded machine).
shows 'Đề nghị hỗ trợ mặt bằng' "the first editor shows the second's words" 25
shows2 'đã xong\. Kiến nghị thêm vốn' "the second editor shows the first's" 25

# Both change the same words at once: both versions kept, between
# marker lines, and the status line of the one that saved second says
# so.  The keys go to both before either saves (half a second after the
# last key), so both start from the same text.
keys C-End
tm send-keys -t t:1 C-End
for i in 1 2 3 4 5 6 7 8 9; do keys BSpace; tm send-keys -t t:1 BSpace; done
typing 'mặt bằng sạch.'
tm send-keys -t t:1 -l 'kinh phí.'
either() { screen | grep -q "$1" || two | grep -q "$1"; }
deadline=$(( $(date +%s) + $(secs 15) ))
until either 'Conflict: both versions kept' || [ "$(date +%s)" -ge "$deadline" ]; do
	sleep 0.05
done
either 'Conflict: both versions kept'
_result $? "the editor that saved second says both versions were kept"
# Each side's saves while it types merge with the other's (a word one
# side retyped as it was is unchanged to the merge), so the words each
# added are what is sure to be kept.
stored 1 'bằng sạch\.' "the first editor's words are kept"
stored 1 'kinh phí\.' "and the second's"
stored 1 'Also saved at the same time elsewhere' "between marker lines"
shows 'kinh phí' "the first editor shows both versions" 25
shows2 'bằng sạch' "so does the second" 25

# Two editors in one roster: each adds an attendee; both are kept.
tm send-keys -t t:1 F10
exited2 0 "the second editor leaves"
keys F10
exited 0 "the first editor leaves"
start "$MINUTES edit 1"
keys F2; wait_for 'Go to section'; typing 1
shows '1/6  Thành phần tham dự' "first editor on the roster"
second "$MINUTES edit 1"
shows2 'being edited by another minutes' "the second editor is warned again"
tm send-keys -t t:1 e
shows2 'also open in another minutes' "and edits anyway again"
tm send-keys -t t:1 F2
shows2 'Go to section' "its section menu"
tm send-keys -t t:1 1
shows2 '1/6  Thành phần tham dự' "second editor on the roster"
typing a
shows 'Họ và tên' "the first adds an attendee"
typing 'Nguyễn Văn Hải'; keys Enter; typing 'Chủ tịch'; keys Enter Enter
keys C-s
tm send-keys -t t:1 a
shows2 'Họ và tên' "the second adds one too"
tm send-keys -t t:1 -l 'Trần Thị Rạng'; tm send-keys -t t:1 Enter
tm send-keys -t t:1 -l 'Phó chủ tịch'; tm send-keys -t t:1 Enter Enter
tm send-keys -t t:1 C-s
stored 1 'Nguyễn Văn Hải' "the first editor's attendee is stored"
stored 1 'Trần Thị Rạng' "so is the second's"
shows 'Trần Thị Rạng' "the first editor shows the second's attendee" 25
tm send-keys -t t:1 F10
exited2 0 "the second editor leaves the roster"
keys F10
exited 0 "the first editor leaves the roster"

# The question of a second editor meets a secretary typing: the r, e
# and q of the words are not its answer, and after "e" the words reach
# the section.
start "$MINUTES edit 1 --section conclusions"
shows '5/6  Kết luận' "an editor holds the meeting"
second "$MINUTES edit 1 --section conclusions"
tm send-keys -t t:1 -l 'Chủ trì kết luận: quận rà soát'
shows2 'being edited by another minutes' "the question opens while typing"
shows2 'r  open read-only' "and waits for an answer"
sleep 0.4	# the scenario: a person reads the question before answering
tm send-keys -t t:1 e
shows2 'also open in another minutes' "e, after a pause, answers it"
shows2 'Chủ trì kết luận: quận rà soát' "what was typed reached the section"
tm send-keys -t t:1 F10
exited2 0 "the second editor leaves"
stored 1 'Chủ trì kết luận: quận rà soát' "and it is saved"
keys F10
exited 0 "the first editor leaves"
done_testing
