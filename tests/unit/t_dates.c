/*
 * Unit tests of deadline phrases: first the normaliser alone (dates.c) on
 * the corner cases of SPEC section 2, then every case of
 * tests/extract/deadlines.tsv through the shipped rules: a reference
 * date, a language, a text, and the deadlines it must yield (each "> TEXT
 * <tab> DUE"; no such line means the text holds none).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "core/dates.h"
#include "extract/extract.h"
#include "lib/err.h"
#include "tap.h"

/* The first ~60 bytes of s, cut at a character boundary, for test names. */
static const char *
head60(const char *s, char buf[72])
{
	size_t n = strlen(s);

	if (n > 60) {
		n = 60;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	strcpy(buf + n, strlen(s) > n ? "..." : "");
	return buf;
}

static const char *
iso(struct ymd d, char buf[11])
{
	cal_format_iso(d, buf);
	return buf;
}

static void
resolve(enum dates_kind k, struct dates_parts p, const char *ref,
    const char *want, const char *name)
{
	struct ymd r, due;
	char b[11];

	cal_parse_iso(ref, &r);
	if (want == NULL)
		ok(!dates_resolve(k, &p, r, &due), "%s: no date", name);
	else
		is_str(dates_resolve(k, &p, r, &due) ? iso(due, b) : NULL, want,
		    "%s", name);
}

static void
normaliser(void)
{
	enum dates_kind k;

	ok(dates_kind("quarter", &k) && k == DATES_QUARTER, "kind by name");
	ok(!dates_kind("fortnight", &k), "unknown kind");
	resolve(DATES_DATE, (struct dates_parts){ .day = "29", .month = "2" },
	    "2025-03-01", "2028-02-29", "29/2 without a year: next leap year");
	resolve(DATES_DATE, (struct dates_parts){ .day = "31", .month = "2",
	    .year = "2024" }, "2024-01-01", NULL, "31/2/2024 is no date");
	resolve(DATES_DATE, (struct dates_parts){ .day = "15", .month = "Sept" },
	    "2024-09-15", "2024-09-15", "the reference day itself counts");
	resolve(DATES_MONTH, (struct dates_parts){ .month = "13" }, "2024-01-01",
	    NULL, "month 13");
	resolve(DATES_MONTH, (struct dates_parts){ .month = "2", .year = "2024" },
	    "2023-01-01", "2024-02-29", "February of a leap year");
	resolve(DATES_MONTH, (struct dates_parts){ .rel = "tới" }, "2023-12-15",
	    "2024-01-31", "next month across the year");
	resolve(DATES_QUARTER, (struct dates_parts){ .quarter = "IV" },
	    "2023-12-31", "2023-12-31", "quý IV on its last day");
	resolve(DATES_QUARTER, (struct dates_parts){ .quarter = "I" },
	    "2023-04-01", "2024-03-31", "quý I once over is next year's");
	resolve(DATES_QUARTER, (struct dates_parts){ .rel = "next" },
	    "2023-11-02", "2024-03-31", "next quarter across the year");
	resolve(DATES_QUARTER, (struct dates_parts){ .quarter = "5" },
	    "2023-11-02", NULL, "quarter 5");
	resolve(DATES_YEAR, (struct dates_parts){ .half = "đầu" }, "2023-09-13",
	    "2023-06-30", "first half of R's year, even once over (a report)");
	resolve(DATES_WEEK, (struct dates_parts){ .rel = "này" }, "2023-12-31",
	    "2023-12-31", "this week on a Sunday is that Sunday");
	resolve(DATES_WEEK, (struct dates_parts){ .rel = "sau", .weekday = "2" },
	    "2023-12-31", "2024-01-01", "thứ 2 tuần sau from a Sunday");
	resolve(DATES_WEEKDAY, (struct dates_parts){ .weekday = "Sáu" },
	    "2023-09-15", "2023-09-22", "Friday from a Friday is a week on");
	resolve(DATES_WEEKDAY, (struct dates_parts){ .weekday = "thứ Bảy" },
	    "2023-09-15", "2023-09-16", "thứ Bảy with its prefix");
	resolve(DATES_WEEKDAY, (struct dates_parts){ .weekday = "Caturday" },
	    "2023-09-15", NULL, "no such weekday");
	resolve(DATES_WITHIN, (struct dates_parts){ .count = "1", .unit = "tháng" },
	    "2024-01-31", "2024-02-29", "a month after 31 January");
	resolve(DATES_WITHIN, (struct dates_parts){ .count = "0", .unit = "ngày" },
	    "2024-01-31", NULL, "within zero days");
	resolve(DATES_BUSINESS, (struct dates_parts){ .count = "5" },
	    "2023-12-29", "2024-01-05", "5 business days from a Friday");
	resolve(DATES_BUSINESS, (struct dates_parts){ .count = "1" },
	    "2023-12-30", "2024-01-01", "1 business day from a Saturday");
	resolve(DATES_TET, (struct dates_parts){ 0 }, "2024-02-09",
	    "2024-02-09", "trước Tết on Tết's eve is that day");
	resolve(DATES_TET, (struct dates_parts){ 0 }, "2101-01-01", NULL,
	    "Tết beyond the table");
	resolve(DATES_PART, (struct dates_parts){ .part = "hạ tuần", .month = "2",
	    .year = "2024" }, "2024-01-01", "2024-02-29", "hạ tuần of a leap February");
	resolve(DATES_PART, (struct dates_parts){ .part = "thượng tuần",
	    .month = "10" }, "2024-10-25", "2025-10-10", "thượng tuần already over");
	/* Past either end of the calendar there is no date to give: these
	 * were written as year 0000 (found by fuzzing the extractor). */
	resolve(DATES_WITHIN, (struct dates_parts){ .count = "3", .unit = "weeks" },
	    "9999-12-21", NULL, "3 weeks after 9999-12-21");
	resolve(DATES_WITHIN, (struct dates_parts){ .count = "1", .unit = "tuần" },
	    "9999-12-24", "9999-12-31", "a week before the calendar ends");
	resolve(DATES_DATE, (struct dates_parts){ .day = "5", .month = "1" },
	    "9999-12-21", NULL, "5 January after 9999-12-21");
	resolve(DATES_MONTH, (struct dates_parts){ .rel = "next" }, "9999-12-01",
	    NULL, "the month after December 9999");
	resolve(DATES_BUSINESS, (struct dates_parts){ .count = "5" },
	    "9999-12-30", NULL, "5 business days from 9999-12-30");
	resolve(DATES_WEEK, (struct dates_parts){ .rel = "sau" }, "9999-12-28",
	    NULL, "next week from 9999-12-28");
}

static void
from_file(void)
{
	struct test_case *tc;
	long n = cases_read(TESTS_SRCDIR "/extract/deadlines.tsv", &tc);
	char *dirs[] = { TESTS_SRCDIR "/../share/rules", NULL };
	struct extractor *vi, *en;
	struct err e;

	ok(n >= 250, "deadlines.tsv has %ld cases (at least 250)", n);
	vi = extract_new_dirs("vi", dirs, &e);
	en = extract_new_dirs("en", dirs, &e);
	ok(vi && en && !extract_problem(vi, 0) && !extract_problem(en, 0),
	    "shipped rules compile cleanly");
	if (!vi || !en)
		return;
	for (long i = 0; i < n; i++) {
		struct test_case *c = &tc[i];
		struct extract_deadline *d = NULL;
		size_t nd = 0;
		struct ymd ref;
		bool good;
		char b[11], hb[72];

		if (c->head.nf < 3 || !cal_parse_iso(c->head.f[0], &ref)) {
			ok(0, "deadlines.tsv:%d: malformed case", c->head.lineno);
			continue;
		}
		extract_deadlines(strcmp(c->head.f[1], "en") == 0 ? en : vi,
		    c->head.f[2], strlen(c->head.f[2]), ref, &d, &nd, &e);
		good = nd == c->nexpect;
		for (size_t j = 0; good && j < nd; j++)
			good = c->expect[j].nf >= 2 &&
			    strcmp(d[j].text, c->expect[j].f[0]) == 0 &&
			    strcmp(iso(d[j].due, b), c->expect[j].f[1]) == 0;
		ok(good, "deadlines.tsv:%d: %s", c->head.lineno,
		    head60(c->head.f[2], hb));
		if (!good) {
			for (size_t j = 0; j < nd; j++)
				printf("#   got:  \"%s\" %s\n", d[j].text,
				    iso(d[j].due, b));
			for (size_t j = 0; j < c->nexpect; j++)
				printf("#   want: \"%s\" %s\n", c->expect[j].f[0],
				    c->expect[j].nf > 1 ? c->expect[j].f[1] : "?");
		}
		extract_deadlines_free(d, nd);
	}
	cases_free(tc, (size_t)(n > 0 ? n : 0));
	extract_free(vi);
	extract_free(en);
}

int
main(void)
{
	normaliser();
	from_file();
	return tap_done();
}
