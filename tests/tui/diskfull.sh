#!/bin/sh
# Never lose a word on a full disk: with the database on a small file
# system that fills up, a save fails and says so in the status line, the
# text stays on screen, and it is saved once space is freed.  Needs root
# to mount a small tmpfs; skipped elsewhere.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/tuilib.sh"

mnt="$T/small"
mkdir -p "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=4m tmpfs "$mnt" 2>/dev/null; then
	skip_all "needs root and a mountable tmpfs for a full disk"
fi
trap 'tm kill-server 2>/dev/null; umount "$mnt" 2>/dev/null; rm -rf "$T"' EXIT
export MINUTES_DB="$mnt/full.db"

id=$(new_meeting_md "Giao ban khi đầy đĩa")
is "$id" 1 "a meeting on the small file system"
start "$MINUTES edit 1 --section conclusions"
shows '5/6  Kết luận' "editor open"
typing 'Trước khi đầy.'
stored 1 '^Trước khi đầy\.$' "saved while there is room"

# Fill the file system to the last block.
dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
dd if=/dev/zero of="$mnt/filler2" bs=1k 2>/dev/null
typing ' Gõ khi đĩa đầy, không được mất chữ nào.'
shows 'NOT SAVED:' "the failed save shows in the status line" 15
shows 'không được mất chữ nào' "the text stays on screen"
keys F6
shows 'The export would miss what is not saved' "F6 says the export would miss the unsaved text"
typing n
shows 'NOT SAVED:' "n goes back to the editor"
expect_rc 0 "the database is still sound" sqlite3 "$MINUTES_DB" "PRAGMA integrity_check"
is "$(cat "$T/out")" ok "integrity_check says ok"

rm -f "$mnt/filler" "$mnt/filler2"
shows 'Saved at' "saved once there is room again" 15
stored 1 '^Trước khi đầy\. Gõ khi đĩa đầy, không được mất chữ nào\.$' "every word reached the database"
keys F10
exited 0 "leaves normally"

# Nowhere to write at all: the database, $HOME and $TMPDIR all on the full
# file system.  Leaving is refused until the secretary insists; then the
# minutes are printed in the terminal, and the exit status says so.
id=$(new_meeting_md "Giao ban khi không còn chỗ")
is "$id" 2 "a second meeting"
start "HOME=$mnt TMPDIR=$mnt $MINUTES edit 2 --section conclusions"
shows '5/6  Kết luận' "editor open on the second meeting"
dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
dd if=/dev/zero of="$mnt/filler2" bs=1k 2>/dev/null
typing 'Chữ không còn chỗ nào để ghi.'
shows 'NOT SAVED:' "the failed save shows" 15
keys F10
shows 'goes to a rescue file' "F10 offers a rescue file"
typing y
shows 'No rescue file could be written either' "which cannot be written either"
typing n
shows 'Chữ không còn chỗ nào để ghi\.' "n keeps the editor open with the text"
keys F10
wait_for 'goes to a rescue file'
typing y
wait_for 'No rescue file could be written either'
typing y
exited 1 "leaving anyway exits with status 1"
like "$(tm capture-pane -p -J -S -100 -t t:0)" 'the unsaved minutes follow' "the terminal says why (above the minutes)"
shows '^Chữ không còn chỗ nào để ghi\.$' "and holds the text, to copy"
shows 'the minutes above could not be saved' "ending with a one-line error"

# The same when a signal ends the program: the minutes go to the terminal.
start "HOME=$mnt TMPDIR=$mnt $MINUTES edit 2 --section conclusions"
shows '5/6  Kết luận' "editor open again"
typing 'Kết thúc bằng tín hiệu.'
shows 'NOT SAVED:' "the save fails again" 15
kill -TERM "$(app_pid)"
exited 1 "SIGTERM with nowhere to write: exit status 1"
shows '^Kết thúc bằng tín hiệu\.$' "the text is in the terminal"
rm -f "$mnt/filler" "$mnt/filler2"
done_testing
