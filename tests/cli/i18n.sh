#!/bin/sh
# Messages all in the user's language: errors that come from the lowest
# layers (paths, the clock, standard output) are translated like the rest.
. "${top_srcdir:-.}/tests/cli/lib.sh"

expect_rc 2 "no HOME, no XDG_DATA_HOME, no --db" \
    env -u HOME -u XDG_DATA_HOME -u MINUTES_DB "$MINUTES" --lang vi list
one_line_error "one line"
like "$(cat "$T/err")" 'cả XDG_DATA_HOME lẫn HOME đều chưa đặt; hãy dùng --db' \
    "where the database goes: in Vietnamese"
"$MINUTES" import "$FIX/vi-quarterly.md" >/dev/null
expect_rc 1 "a full standard output" sh -c '"$1" --lang vi actions --all --json >/dev/full' sh "$MINUTES"
like "$(cat "$T/err")" '^minutes: actions: đầu ra chuẩn: ' "standard output: in Vietnamese"
expect_rc 2 "a bad MINUTES_TODAY" env MINUTES_TODAY=2025-13-01 "$MINUTES" --lang vi actions
like "$(cat "$T/err")" 'MINUTES_TODAY "2025-13-01" không phải một ngày' "MINUTES_TODAY: in Vietnamese"
expect_rc 2 "an option's value" "$MINUTES" --lang vi export 1 --width x
like "$(cat "$T/err")" '^minutes: export: --width phải là số từ 20 đến 1000$' \
    "option values: in Vietnamese"
done_testing
