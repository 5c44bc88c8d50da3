#!/bin/sh
# setup.sh: install what building and testing minutes needs (Debian), then
# generate, configure and build.  A second run only rebuilds what changed.
#
#   ./setup.sh && src/minutes        run it
#   ./setup.sh && make check         test it
#
# Extra arguments are passed to configure (e.g. --enable-werror).
set -eu
cd "$(dirname "$0")"

# Debian packages needed to build and test, with the command each provides.
# libzip and libxlsxwriter build the DOCX, ODT and XLSX writers; the
# document tests read what they write with python3-docx and
# python3-openpyxl, convert it with LibreOffice (the -nogui build, much
# smaller) and poppler-utils, print the HTML page with Chromium, and lay
# pages out in Liberation Serif, metrically Times New Roman.  libpq and
# postgresql: the store an office shares, and tests/pg/'s throwaway cluster.
pkgs="build-essential autoconf automake autoconf-archive autopoint gettext
pkg-config libncurses-dev libsqlite3-dev libpq-dev libpcre2-dev libutf8proc-dev
libzip-dev libxlsxwriter-dev
tmux locales sqlite3 python3 python3-icalendar mandoc valgrind
python3-docx python3-openpyxl libreoffice-writer-nogui poppler-utils
chromium fonts-liberation2 postgresql"

missing=
if command -v dpkg-query >/dev/null 2>&1; then
	for p in $pkgs; do
		s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		case $s in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
	done
fi
if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then sudo=; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=sudo; else sudo=none; fi
	if [ "$sudo" = none ]; then
		echo "setup.sh: missing packages; install them with:" >&2
		echo "  sudo apt-get install -y$missing" >&2
		exit 1
	fi
	echo "setup.sh: installing$missing"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

# The tests check Vietnamese messages under vi_VN.UTF-8.
if command -v locale >/dev/null 2>&1 && ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
	if [ "$(id -u)" -eq 0 ] && [ -f /etc/locale.gen ]; then
		sed -i 's/^# *\(vi_VN UTF-8\)/\1/; s/^# *\(en_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
		grep -q '^vi_VN UTF-8' /etc/locale.gen || echo 'vi_VN UTF-8' >>/etc/locale.gen
		locale-gen >/dev/null
	else
		echo "setup.sh: note: locale vi_VN.UTF-8 is not generated; its test will be skipped" >&2
	fi
fi

if [ ! -x configure ] || [ configure.ac -nt configure ]; then
	autoreconf -fi
fi
if [ ! -f Makefile ] || [ "$#" -gt 0 ]; then
	./configure "$@"
fi
make -j"$(nproc 2>/dev/null || echo 2)"
