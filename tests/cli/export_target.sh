#!/bin/sh
# export -o writes only a plain file: a new name, or a regular file it may
# write, replaced atomically and keeping its permissions.  A device, a
# FIFO, a socket, a folder, a symbolic link or a read-only file is refused
# with one line and exit 2, and left exactly as it was -- as root too,
# for whom the permission bits do not stop a rename.
. "${top_srcdir:-.}/tests/cli/lib.sh"

expect_rc 0 "import" "$MINUTES" import "$FIX/vi-quarterly.md"
id=$(cat "$T/out")

# refused NAME PATH WORD: export -o PATH exits 2 with one line naming PATH
# and WORD.
refused() {
	expect_rc 2 "$1: exit 2" "$MINUTES" export "$id" -o "$2"
	one_line_error "$1: one line"
	like "$(cat "$T/err")" "$2.*$3" "$1: the message says what it is"
}

# kept TEST PATH NOUN: PATH is still what it was: [ TEST PATH ] holds.
kept() {
	[ "$1" "$2" ]
	_result $? "the $3 is still a $3"
}

# Root could rename over /dev/null itself: as root, a device node of our
# own; as anyone else, /dev/null, which they cannot replace.
dev=/dev/null
if [ "$(id -u)" -eq 0 ]; then
	dev=
	mknod "$T/null" c 1 3 2>/dev/null && dev="$T/null"
fi
if [ -n "$dev" ]; then
	refused "a device" "$dev" "device"
	kept -c "$dev" device
else
	skipped "a device" "mknod is not allowed here"
fi

mkfifo "$T/fifo"
refused "a FIFO" "$T/fifo" "FIFO"
kept -p "$T/fifo" FIFO

if /usr/bin/python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$T/sock" 2>/dev/null; then
	refused "a socket" "$T/sock" "socket"
	kept -S "$T/sock" socket
else
	skipped "a socket" "python3 cannot make a Unix socket here"
fi

mkdir "$T/dir"
refused "a folder" "$T/dir" "folder"
kept -d "$T/dir" folder

echo old >"$T/ro.md"
chmod 444 "$T/ro.md"
refused "a read-only file" "$T/ro.md" "read-only"
is "$(cat "$T/ro.md")" old "the read-only file is unchanged"
is "$(stat -c %a "$T/ro.md")" 444 "and keeps its mode"

echo target >"$T/target.md"
ln -s target.md "$T/link.md"
refused "a symbolic link" "$T/link.md" "symbolic link.*target.md"
kept -L "$T/link.md" link
is "$(cat "$T/target.md")" target "and what it points to is unchanged"
ln -s /proc/self/fd/1 "$T/stdout"
refused "a link to standard output" "$T/stdout" "symbolic link"
ln -s "$T/nowhere.md" "$T/dangling"
refused "a dangling link" "$T/dangling" "symbolic link"
[ -e "$T/nowhere.md" ] && _result 1 "nothing is created where it points" || _result 0 "nothing is created where it points"

echo old >"$T/plain.md"
chmod 640 "$T/plain.md"
expect_rc 0 "a writable file" "$MINUTES" export "$id" --format md -o "$T/plain.md"
same_file "$T/plain.md" "$FIX/vi-quarterly.md" "is replaced with the export"
is "$(stat -c %a "$T/plain.md")" 640 "and keeps its mode"
if [ "$(id -u)" -eq 0 ]; then
	echo old >"$T/theirs.md"
	chown 65534:65534 "$T/theirs.md"
	expect_rc 0 "root replaces another user's file" "$MINUTES" export "$id" --format md -o "$T/theirs.md"
	is "$(stat -c %u:%g "$T/theirs.md")" 65534:65534 "which keeps its owner"
else
	skipped "root replaces another user's file" "not root"
fi
ls "$T" | grep -q 'tmp' && _result 1 "no temporary file left" || _result 0 "no temporary file left"

# The message in Vietnamese too.
LANGUAGE=vi LC_ALL=vi_VN.UTF-8 run "$MINUTES" export "$id" -o "$T/fifo"
if locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
	like "$(cat "$T/err")" "FIFO" "the refusal is translated and still names the kind"
	grep -q "not a file" "$T/err" && _result 1 "no English left in it" || _result 0 "no English left in it"
else
	skipped "the refusal is translated" "vi_VN.UTF-8 not generated"
	skipped "no English left in it" "vi_VN.UTF-8 not generated"
fi
done_testing
