#!/bin/sh
# The program starts, tells its version and usage, and refuses bad usage.
. "${top_srcdir:-.}/tests/cli/lib.sh"

expect_rc 0 "--version exits 0" "$MINUTES" --version
like "$(cat "$T/out")" '^minutes [0-9]+\.[0-9]+' "--version prints the version"
expect_rc 0 "--help exits 0" "$MINUTES" --help
like "$(cat "$T/out")" 'Usage: minutes' "--help prints usage"
expect_rc 2 "unknown subcommand is bad usage" "$MINUTES" frobnicate
one_line_error "unknown subcommand: one line"
like "$(cat "$T/err")" 'frobnicate' "the error names the subcommand"
expect_rc 2 "unknown option is bad usage" "$MINUTES" --frob
one_line_error "unknown option: one line"
expect_rc 2 "--lang needs vi or en" "$MINUTES" --lang fr --help
one_line_error "bad --lang: one line"
expect_rc 0 "--lang vi --help" "$MINUTES" --lang vi --help
like "$(cat "$T/out")" 'Cách dùng: minutes' "--lang vi speaks Vietnamese"
expect_rc 0 "Vietnamese locale speaks Vietnamese" env LC_ALL=vi_VN.UTF-8 LANGUAGE= "$MINUTES" --help
if locale -a 2>/dev/null | grep -qi '^vi_VN.utf-\?8$'; then
	like "$(cat "$T/out")" 'Cách dùng: minutes' "vi_VN.UTF-8 shows Vietnamese messages"
else
	skipped "vi_VN.UTF-8 shows Vietnamese messages" \
	    "locale vi_VN.UTF-8 not generated"
fi
expect_rc 2 "a Vietnamese error" "$MINUTES" --lang vi import "$FIX/bad/bad-date.md"
like "$(cat "$T/err")" 'dòng 7: Ngày: "2023-02-31": tháng 2 năm 2023 chỉ có 28 ngày$' "errors are translated too, the field by its Vietnamese name"
expect_rc 0 "English by default under C.UTF-8" "$MINUTES" --help
like "$(cat "$T/out")" '^Usage: minutes' "English usage"
done_testing
