/*
 * Unit tests of the calendar arithmetic: validity, day numbers across
 * centuries, weekdays, month arithmetic, and MINUTES_TODAY.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/cal.h"
#include "lib/err.h"
#include "tap.h"

static void
test_parse(void)
{
	struct ymd t;
	int h, m;

	ok(cal_parse_iso("2024-02-29", &t), "2024-02-29 is real");
	ok(!cal_parse_iso("2023-02-29", &t), "2023-02-29 is not");
	ok(!cal_parse_iso("2023-02-31", &t), "2023-02-31 is not");
	ok(!cal_parse_iso("1900-02-29", &t), "1900 is not leap");
	ok(cal_parse_iso("2000-02-29", &t), "2000 is leap");
	ok(!cal_parse_iso("2023-1-01", &t), "needs two-digit month");
	ok(!cal_parse_iso("2023-01-01x", &t), "trailing junk");
	ok(!cal_parse_iso("", &t), "empty");
	ok(cal_parse_hhmm("14:05", &h, &m) && h == 14 && m == 5, "14:05");
	ok(!cal_parse_hhmm("25:00", &h, &m), "25:00 rejected");
	ok(!cal_parse_hhmm("9:00", &h, &m), "9:00 needs two digits");
}

static void
test_weekdays(void)
{
	is_int(cal_days((struct ymd){ 1970, 1, 1 }), 0, "epoch is day 0");
	is_int(cal_weekday((struct ymd){ 1970, 1, 1 }), 4,
	    "1970-01-01 was a Thursday");
	is_int(cal_weekday((struct ymd){ 2023, 9, 13 }), 3,
	    "2023-09-13 was a Wednesday");
	is_int(cal_weekday((struct ymd){ 2026, 11, 23 }), 1,
	    "2026-11-23 is a Monday");
}

static void
test_day_numbers(void)
{
	long bad = 0, first = 0;

	/* 0001-01-01 to 9999-12-31 */
	for (long d = -719162; d <= 2932896; d += 97) {
		struct ymd u = cal_from_days(d);

		if (cal_days(u) != d || !cal_valid(u.y, u.m, u.d)) {
			if (bad++ == 0)
				first = d;
		}
	}
	ok(bad == 0, "day numbers round trip over years 1-9999 "
	    "(%ld bad, first %ld)", bad, first);
}

static void
test_arithmetic(void)
{
	char s[11];

	cal_format_iso(cal_add_days((struct ymd){ 2023, 12, 31 }, 1), s);
	is_str(s, "2024-01-01", "year end plus one day");
	cal_format_iso(cal_add_months((struct ymd){ 2024, 1, 31 }, 1), s);
	is_str(s, "2024-02-29", "Jan 31 plus a month clamps to Feb 29");
	cal_format_iso(cal_add_months((struct ymd){ 2024, 1, 31 }, -2), s);
	is_str(s, "2023-11-30", "minus two months clamps");
	ok(cal_cmp((struct ymd){ 2024, 1, 2 }, (struct ymd){ 2024, 1, 10 }) < 0,
	    "compare");
}

static void
test_today(void)
{
	struct ymd t;
	struct err e;

	setenv("MINUTES_TODAY", "2023-09-13", 1);
	ok(cal_today(&t, &e) == 0 && t.y == 2023 && t.m == 9 && t.d == 13,
	    "MINUTES_TODAY is today");
	setenv("MINUTES_TODAY", "2023-13-01", 1);
	is_int(cal_today(&t, &e), ERR_INPUT, "bad MINUTES_TODAY is an input error");
	unsetenv("MINUTES_TODAY");
	ok(cal_today(&t, &e) == 0 && t.y >= 2024, "clock read");
}

int
main(void)
{
	test_parse();
	test_weekdays();
	test_day_numbers();
	test_arithmetic();
	test_today();
	return tap_done();
}
