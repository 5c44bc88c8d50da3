# A throwaway PostgreSQL cluster for the PostgreSQL tests, sourced after
# tests/cli/lib.sh (which made $T).  pg_start makes one in $T/pg with
# initdb and pg_ctl, listening only on a Unix socket in that folder (no
# port is taken, so parallel runs never meet), trust authentication, and
# the cluster's superuser "postgres"; as root, the server runs as the
# postgres (or nobody) user, since PostgreSQL refuses to run as root.
# It exits 77 (skip) naming the package when PostgreSQL is missing.
# pg_stop (run on exit) stops it; pg_restart restarts it.

pg_bindir() {
	d=$(pg_config --bindir 2>/dev/null)
	if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
		d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	fi
	[ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

pg_start() {
	PGBIN=$(pg_bindir) || PGBIN=
	if [ -z "$PGBIN" ] || ! command -v psql >/dev/null 2>&1; then
		echo "1..0 # SKIP PostgreSQL is not installed (Debian: apt-get install postgresql)"
		exit 77
	fi
	PGT="$T/pg"
	mkdir -p "$PGT"
	pg_as=
	if [ "$(id -u)" -eq 0 ]; then
		u=postgres
		id "$u" >/dev/null 2>&1 || u=nobody
		chown "$u" "$PGT"
		chmod 0755 "$T"
		pg_as="runuser -u $u --"
	fi
	$pg_as "$PGBIN/initdb" -D "$PGT/data" -A trust -U postgres -E UTF8 \
	    --locale=C.UTF-8 --no-sync >"$PGT/initdb.log" 2>&1 || {
		echo "Bail out! initdb failed: $(tail -3 "$PGT/initdb.log")"
		exit 99
	}
	pg_opts="-c listen_addresses= -c unix_socket_directories=$PGT -c port=5432"
	# Tests need no durability; the benchmarks (PG_DURABLE) keep it.
	[ -n "${PG_DURABLE:-}" ] ||
	    pg_opts="$pg_opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	$pg_as "$PGBIN/pg_ctl" -D "$PGT/data" -l "$PGT/server.log" -w -t 60 \
	    -o "$pg_opts" start >/dev/null 2>&1 || {
		echo "Bail out! the test server did not start: $(tail -3 "$PGT/server.log")"
		exit 99
	}
	trap 'pg_stop; rm -rf "$T"' EXIT
	export PGHOST="$PGT" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
	unset PGPASSWORD PGSERVICE PGOPTIONS 2>/dev/null || true
}

pg_stop() {
	[ -n "${PGBIN:-}" ] && [ -d "${PGT:-}/data" ] &&
	    $pg_as "$PGBIN/pg_ctl" -D "$PGT/data" -m immediate -w stop >/dev/null 2>&1
	return 0
}

# pg_restart [MODE]: stop (fast, or MODE) and start again.
pg_restart() {
	$pg_as "$PGBIN/pg_ctl" -D "$PGT/data" -m "${1:-fast}" -w stop >/dev/null 2>&1
	$pg_as "$PGBIN/pg_ctl" -D "$PGT/data" -l "$PGT/server.log" -w -t 60 \
	    -o "$pg_opts" start >/dev/null 2>&1
}

# pg_sql [psql options] SQL: runs SQL as the cluster's superuser, quietly.
pg_sql() {
	psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# pg_newdb NAME: a fresh database; prints its URI.
pg_newdb() {
	pg_sql -c "CREATE DATABASE \"$1\"" >/dev/null && echo "postgresql:///$1?host=$PGT"
}

# relay NAME CMD...: runs a test that speaks TAP and reports each of its
# results as one of this script's, named "NAME: ...", a test that skipped
# itself as one skipped result, and its exit status if it failed without
# saying why.
relay() {
	_rname=$1
	shift
	"$@" >"$T/relay.out" 2>"$T/relay.err" </dev/null
	_rrc=$?
	_rbad=0
	while IFS= read -r _line; do
		case $_line in
		"ok "*) _result 0 "$_rname: ${_line#ok * - }" ;;
		"not ok "*) _result 1 "$_rname: ${_line#not ok * - }"; _rbad=1 ;;
		"#"*) echo "$_line" ;;
		"1..0"*"# SKIP"*)
			tap_n=$((tap_n + 1))
			echo "ok $tap_n - $_rname # SKIP${_line#*# SKIP}" ;;
		esac
	done <"$T/relay.out"
	if [ "$_rrc" -ne 0 ] && [ "$_rrc" -ne 77 ] && [ "$_rbad" -eq 0 ]; then
		_result 1 "$_rname: exit status $_rrc"
		sed 's/^/#   /' "$T/relay.err" | head -5
	fi
}
