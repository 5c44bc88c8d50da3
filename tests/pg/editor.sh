#!/bin/sh
# The editor on a PostgreSQL store when the server goes away while the
# secretary types: the save fails as on a locked SQLite file (shown in
# the status line, the text kept in memory, retried), typing never waits
# for the server, and once it is back the text is saved over a new
# connection; a signal while it is away leaves a rescue file.  Skipped
# (77) where PostgreSQL or tmux is not installed.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/pg/pglib.sh"
pg_start
MINUTES_DB=$(pg_newdb editor)
export MINUTES_DB
. "$top_srcdir/tests/tui/tuilib.sh"
trap 'tm kill-server 2>/dev/null; pg_stop; rm -rf "$T"' EXIT

pg_down() {
	$pg_as "$PGBIN/pg_ctl" -D "$PGT/data" -m immediate -w stop >/dev/null 2>&1
}
pg_up() {
	$pg_as "$PGBIN/pg_ctl" -D "$PGT/data" -l "$PGT/server.log" -w -t 60 \
	    -o "$pg_opts" start >/dev/null 2>&1
}

id=$(new_meeting_md "Giao ban tháng 11")
is "$id" 1 "a meeting on the server"
start "$MINUTES edit 1 --section results"
shows '2/6  Kết quả đạt được' "the editor opens it"
typing 'Trước khi mất mạng'
stored 1 '^Trước khi mất mạng$' "autosave reaches the server" 5

pg_down
typing ', gõ khi máy chủ tắt'
shows 'NOT SAVED:.*(connection|connect)' "a server gone away shows in the status line" 15
shows 'gõ khi máy chủ tắt' "the text is still there"
t0=$(date +%s%N)
typing ', vẫn gõ được'
shows 'tắt, vẫn gõ được' "typing does not wait for the server" 2
t1=$(date +%s%N)
is "$(( (t1 - t0) / 1000000 < 1500 ))" 1 "the keys echo within 1.5 s ($(( (t1 - t0) / 1000000 )) ms)"
pg_up
shows 'Saved at' "saved once the server is back" 20
stored 1 '^Trước khi mất mạng, gõ khi máy chủ tắt, vẫn gõ được$' "every word reached the server"

# The server restarts while the editor is idle: the next save goes
# through a new connection.
pg_restart fast
typing '.'
stored 1 'vẫn gõ được\.$' "a restart is survived" 15

# A network that goes silent (no refusal, no answer: a TCP proxy in
# between, stopped with SIGSTOP): the save gives up within a moment and
# says so, keys still echo, and once the network is back a new
# connection saves everything.
if [ -x /usr/bin/python3 ]; then
	cat >"$T/proxy.py" <<'PY'
import socket, sys, threading
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(8)
print(srv.getsockname()[1], flush=True)
def pipe(a, b):
    try:
        while True:
            d = a.recv(65536)
            if not d:
                break
            b.sendall(d)
    except OSError:
        pass
    for s in (a, b):
        try:
            s.close()
        except OSError:
            pass
while True:
    c, _ = srv.accept()
    u = socket.socket(socket.AF_UNIX)
    u.connect(sys.argv[1])
    threading.Thread(target=pipe, args=(c, u), daemon=True).start()
    threading.Thread(target=pipe, args=(u, c), daemon=True).start()
PY
	/usr/bin/python3 "$T/proxy.py" "$PGT/.s.PGSQL.5432" >"$T/port" &
	proxy=$!
	until [ -s "$T/port" ] || ! kill -0 "$proxy" 2>/dev/null; do sleep 0.05; done
	keys F10
	exited 0 "left before the network test"
	MINUTES_DB="postgresql://postgres@127.0.0.1:$(cat "$T/port")/editor"
	start "$MINUTES edit 1 --section opinions"
	shows '4/6  Ý kiến' "the editor opens the meeting over TCP"
	typing 'Qua mạng'
	stored 1 '^Qua mạng$' "saved over the network" 5
	kill -STOP "$proxy"
	typing ', mạng treo'
	shows 'NOT SAVED' "a silent network shows in the status line" 15
	t0=$(date +%s%N)
	typing ', vẫn gõ'
	shows 'mạng treo, vẫn gõ' "keys echo while the network is silent" 5
	t1=$(date +%s%N)
	is "$(( (t1 - t0) / 1000000 < 2500 ))" 1 "within a moment ($(( (t1 - t0) / 1000000 )) ms)"
	kill -CONT "$proxy"
	shows 'Saved at' "saved once the network is back" 20
	stored 1 '^Qua mạng, mạng treo, vẫn gõ$' "every word reached the server" 5
	kill "$proxy"
	MINUTES_DB=$(echo "postgresql:///editor?host=$PGT")
	keys F10
	exited 0 "left after the network test"
	start "$MINUTES edit 1 --section results"
	shows '2/6  Kết quả' "the editor opens again over the socket"
else
	skipped "the network tests" "python3 not installed"
fi

# A signal while the server is away: a rescue file in the home folder
# (there is no folder beside the store) keeps the text.
pg_down
typing ' Chữ cứu hộ'
shows 'NOT SAVED' "the save fails while the server is away" 15
kill -TERM "$(app_pid)"
exited 1 "SIGTERM while away: the program ends, status 1" 15
f=$(ls "$HOME"/minutes-rescue-1-*.md 2>/dev/null | head -1)
like "$(cat "$f" 2>/dev/null)" 'Chữ cứu hộ' "the rescue file holds the text"
pg_up
expect_rc 0 "the rescue file imports once the server is back" "$MINUTES" import "$f"
done_testing
