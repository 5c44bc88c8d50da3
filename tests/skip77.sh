#!/bin/sh
# Runs one shell test under automake's TAP driver.  A test that cannot run
# here (a package or a privilege is missing) prints "1..0 # SKIP needs
# WHAT" and exits 77, the automake convention for a skipped test, so it
# says the same thing run by hand.  The TAP driver learns of the skip from
# that plan line and would count the 77 as an error, so it is passed on as
# success; a 77 without a plan line still fails as "missing test plan".
"${SHELL:-/bin/sh}" "$@"
rc=$?
[ "$rc" -eq 77 ] && exit 0
exit "$rc"
