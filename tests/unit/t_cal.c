/*
 * Unit tests of the calendar arithmetic: validity, day numbers across
 * centuries, weekdays, month arithmetic, and MINUTES_TODAY; and the one
 * reader of dates and times as people type them (03/07/2024, 3/7,
 * 14h30, 14 giờ 30), its messages, and dates written in a language's
 * pattern.
 */
#include "config.h"

#include <stdio.h>
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

/* The date s reads as, "" when it does not, or the failure's name. */
static const char *
read_date(const char *s, const struct ymd *year_of)
{
	static char out[16];
	struct ymd t;

	switch (cal_read_date(s, year_of, &t)) {
	case CAL_OK:
		cal_format_iso(t, out);
		return out;
	case CAL_FORM:
		return "form";
	case CAL_NODAY:
		return "noday";
	case CAL_NOYEAR:
		return "noyear";
	default:
		return "?";
	}
}

/* What cal_read_date makes of a text, alone or with the meeting's year. */
static const struct {
	const char	*in;
	bool		 in_2024;	/* read for a meeting of 2024 */
	const char	*want, *name;
} dates[] = {
	{ "03/07/2024", false, "2024-07-03", "dd/mm/yyyy" },
	{ "3/7/2024", false, "2024-07-03", "d/m/yyyy" },
	{ "2024-07-03", false, "2024-07-03", "yyyy-mm-dd" },
	{ "2024-7-3", false, "2024-07-03", "yyyy-m-d" },
	{ "03.07.2024", false, "2024-07-03", "dd.mm.yyyy" },
	{ "03-07-2024", false, "2024-07-03", "dd-mm-yyyy" },
	{ "  15/09/2024 ", false, "2024-09-15", "blanks around are ignored" },
	{ "29/02/2024", false, "2024-02-29", "a leap day" },
	{ "29/02/2023", false, "noday", "no leap day in 2023" },
	{ "31/04/2024", false, "noday", "April has 30 days" },
	{ "01/13/2024", false, "noday",
	    "month 13 (day first, never month first)" },
	{ "03/07", true, "2024-07-03", "dd/mm is a day of the meeting's year" },
	{ "3/7", true, "2024-07-03", "d/m too" },
	{ "03/07", false, "noyear", "dd/mm without a meeting has no year" },
	{ "30/02", true, "noday", "30/02 is no day" },
	{ "03/07/24", false, "form", "two-digit years are not guessed" },
	{ "03/07-2024", false, "form", "one separator, twice" },
	{ "2024-07-03x", false, "form", "trailing junk" },
	{ "", false, "form", "empty" },
	{ "ngày 3", false, "form", "words" },
	{ "123/7/2024", false, "form", "three-digit day" },
	{ "0/7/2024", false, "noday", "day 0" },
};

static void
test_read_date(void)
{
	struct ymd y2024 = { 2024, 10, 3 };

	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
		is_str(read_date(dates[i].in, dates[i].in_2024 ? &y2024 : NULL),
		    dates[i].want, "%s", dates[i].name);
	ok(cal_read_date(NULL, NULL, NULL) == CAL_FORM, "NULL");
}

/* "HH:MM" s reads as, or the failure's name. */
static const char *
read_time(const char *s)
{
	static char out[16];
	int h, m;

	switch (cal_read_time(s, &h, &m)) {
	case CAL_OK:
		snprintf(out, sizeof out, "%02d:%02d", h, m);
		return out;
	case CAL_FORM:
		return "form";
	case CAL_NOTIME:
		return "notime";
	default:
		return "?";
	}
}

static void
test_read_time(void)
{
	is_str(read_time("14:30"), "14:30", "14:30");
	is_str(read_time("9:05"), "09:05", "9:05");
	is_str(read_time("14h30"), "14:30", "14h30");
	is_str(read_time("14H30"), "14:30", "14H30");
	is_str(read_time("14h"), "14:00", "14h");
	is_str(read_time("7h"), "07:00", "7h");
	is_str(read_time("14g30"), "14:30", "14g30");
	is_str(read_time("14 giờ 30"), "14:30", "14 giờ 30");
	is_str(read_time("14 giờ"), "14:00", "14 giờ");
	is_str(read_time("14 giờ 30 phút"), "14:30", "14 giờ 30 phút");
	is_str(read_time("14 Giờ 30"), "14:30", "a capital Giờ");
	is_str(read_time("14 gio 30"), "14:30", "giờ without its marks");
	is_str(read_time("14gio30"), "14:30", "no spaces");
	/* gi + combining grave, o + combining horn */
	is_str(read_time("14 gio\xcc\x9b\xcc\x80 30"), "14:30",
	    "giờ decomposed");
	is_str(read_time(" 08:00 "), "08:00", "blanks around");
	is_str(read_time("25:00"), "notime", "hour 25");
	is_str(read_time("14h75"), "notime", "minute 75");
	is_str(read_time("24h"), "notime", "24h");
	is_str(read_time("14:5"), "form", "one-digit minutes after a colon");
	is_str(read_time("14"), "form", "an hour alone");
	is_str(read_time("14 hoặc 15"), "form", "words");
	is_str(read_time("14h30x"), "form", "trailing junk");
	is_str(read_time(""), "form", "empty");
	ok(cal_read_time(NULL, NULL, NULL) == CAL_FORM, "NULL");
}

/* The messages of dates and times that are none: why, and what to write. */
static const struct {
	int		(*say)(struct err *, enum cal_read, const char *,
			    const char *);
	enum cal_read	 r;
	const char	*what, *s, *want, *name;
} msgs[] = {
	{ cal_date_error, CAL_NODAY, "Date", "31/02/2024",
	    "Date: \"31/02/2024\": month 2 of 2024 has 29 days",
	    "no such day: why, never \"not a real date\"" },
	{ cal_date_error, CAL_NODAY, "Date", "03/13/2024",
	    "Date: \"03/13/2024\": there is no month 13", "no such month" },
	{ cal_date_error, CAL_NOYEAR, "--due-before", "15/9",
	    "--due-before: \"15/9\" has no year: write the date as 03/07/2024",
	    "no year" },
	{ cal_time_error, CAL_FORM, "Start", "chiều",
	    "Start: \"chiều\" is not a time: write 14:30 or 14h30",
	    "a form that is no time" },
	{ cal_time_error, CAL_NOTIME, "End", "25:00",
	    "End: \"25:00\": hours go from 0 to 23 and minutes from 0 to 59",
	    "no such time" },
};

static void
test_messages(void)
{
	struct err e;

	err_clear(&e);
	is_int(cal_date_error(&e, CAL_FORM, "--date", "hôm qua"), ERR_INPUT,
	    "an input error");
	is_str(e.msg, "--date: \"hôm qua\" is not a date: write 03/07/2024 "
	    "or 2024-07-03",
	    "a form that is no date: the forms taken");
	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		msgs[i].say(&e, msgs[i].r, msgs[i].what, msgs[i].s);
		is_str(e.msg, msgs[i].want, "%s", msgs[i].name);
	}
}

static void
test_patterns(void)
{
	struct ymd t = { 2024, 7, 3 };
	char out[11], d[11];

	cal_format_pattern(t, "dd/mm/yyyy", out);
	is_str(out, "03/07/2024", "dd/mm/yyyy");
	cal_format_pattern(t, "yyyy-mm-dd", out);
	is_str(out, "2024-07-03", "yyyy-mm-dd");
	cal_format_pattern(t, "mm/dd/yyyy", out);
	is_str(out, "07/03/2024", "any order");
	cal_format_pattern(t, "dd.mm.yy", out);
	is_str(out, "2024-07-03", "not a pattern of ten: ISO");
	cal_format_pattern(t, "dd/dd/yyyy", out);
	is_str(out, "2024-07-03", "a part twice: ISO");
	cal_format_pattern(t, NULL, out);
	is_str(out, "2024-07-03", "no pattern: ISO");
	/* Untranslated, the interface writes ISO. */
	is_str(cal_show("2024-07-03", d), "2024-07-03", "shown as the "
	    "interface writes it");
	is_str(cal_show("someday", d), "someday", "no date is shown as it is");
	is_str(cal_show(NULL, d), "", "NULL shows nothing");
}

int
main(void)
{
	test_parse();
	test_read_date();
	test_read_time();
	test_messages();
	test_patterns();
	test_weekdays();
	test_day_numbers();
	test_arithmetic();
	test_today();
	return tap_done();
}
