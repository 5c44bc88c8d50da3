#!/bin/sh
# `actions --taskwarrior` is JSON that Taskwarrior's `task import` takes,
# with the items' UUIDs: importing it twice gives each task once, and an
# item closed here is completed there after the next import.  Run against
# the real Taskwarrior (Debian's taskwarrior); skipped where it is missing.
. "${top_srcdir:-.}/tests/cli/lib.sh"

needs task "Taskwarrior (Debian package taskwarrior) is not installed"
export MINUTES_TODAY=2025-11-08
mkdir "$T/taskdata"
cat >"$T/taskrc" <<EOR
data.location=$T/taskdata
confirmation=no
verbose=nothing
hooks=off
news.version=2.6.0
EOR
tw() { task rc:"$T/taskrc" rc.gc=on "$@"; }
"$MINUTES" import "$FIX/actions/thang-9.md" >/dev/null &&
    "$MINUTES" import "$FIX/actions/thang-10.md" >/dev/null
_result $? "two meetings"
open=$(db_sql "SELECT count(*) FROM action WHERE status IN ('open', 'doing')" 2>/dev/null ||
    "$MINUTES" actions --json | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
all=$("$MINUTES" actions --taskwarrior | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

expect_rc 0 "--taskwarrior" "$MINUTES" actions --taskwarrior
cp "$T/out" "$T/a.json"
expect_rc 0 "task import" tw import "$T/a.json"
expect_rc 0 "task import, again" tw import "$T/a.json"
count() { tw export | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
is "$(count)" "$all" "each task once after two imports ($all tasks)"
is "$(tw status:pending count)" "$open" "the open items are pending"
/usr/bin/python3 - "$T/a.json" >"$T/check" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
t = [x for x in v if x["status"] == "pending" and "due" in x][0]
print(t["uuid"], t["description"], t["due"])
PY
read -r uuid rest <"$T/check"
like "$(tw "$uuid" export)" "\"uuid\":\"$uuid\"" "Taskwarrior knows the task by our UUID"
like "$(tw "$uuid" export)" '"description":"[^"]+: ' "its description: assignee and task"
like "$(tw "$uuid" export)" '"due":"[0-9]{8}T[0-9]{6}Z"' "its due date"
like "$(tw "$uuid" export)" '"annotations":\[\{"entry":"[0-9T]+Z","description":"Meeting: ' \
    "and the meeting, as an annotation"

# Closed here, completed there.
id=$("$MINUTES" actions --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$MINUTES" action "$id" done >/dev/null
"$MINUTES" actions --taskwarrior >"$T/b.json"
expect_rc 0 "task import after closing an item" tw import "$T/b.json"
is "$(count)" "$all" "still each task once"
is "$(tw status:pending count)" "$((open - 1))" "one task fewer pending"
is "$(tw status:completed count)" "$("$MINUTES" actions --all --json | /usr/bin/python3 -c 'import json,sys; print(sum(1 for a in json.load(sys.stdin) if a["status"] == "done"))')" \
    "the item done here is completed there"
done_testing
