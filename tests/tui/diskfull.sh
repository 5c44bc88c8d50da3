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
	echo "1..0 # SKIP needs root and a mountable tmpfs for a full disk"
	exit 0
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
expect_rc 0 "the database is still sound" sqlite3 "$MINUTES_DB" "PRAGMA integrity_check"
is "$(cat "$T/out")" ok "integrity_check says ok"

rm -f "$mnt/filler" "$mnt/filler2"
shows 'Saved at' "saved once there is room again" 15
stored 1 '^Trước khi đầy\. Gõ khi đĩa đầy, không được mất chữ nào\.$' "every word reached the database"
keys F10
exited 0 "leaves normally"
done_testing
