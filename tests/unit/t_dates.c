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

/* The normaliser's corner cases: a kind, the parts a rule read, the
 * reference date, and the due date (NULL: none). */
static const struct resolve_case {
	enum dates_kind		 kind;
	struct dates_parts	 parts;
	const char		*ref, *want, *name;
} resolve_cases[] = {
		{ DATES_DATE, { .day = "29", .month = "2" }, "2025-03-01", "2028-02-29",
		    "29/2 without a year: next leap year" },
		{ DATES_DATE, { .day = "31", .month = "2", .year = "2024" }, "2024-01-01", NULL,
		    "31/2/2024 is no date" },
		{ DATES_DATE, { .day = "15", .month = "Sept" }, "2024-09-15", "2024-09-15",
		    "the reference day itself counts" },
		{ DATES_MONTH, { .month = "13" }, "2024-01-01", NULL,
		    "month 13" },
		{ DATES_MONTH, { .month = "2", .year = "2024" }, "2023-01-01", "2024-02-29",
		    "February of a leap year" },
		{ DATES_MONTH, { .rel = "tới" }, "2023-12-15", "2024-01-31",
		    "next month across the year" },
		{ DATES_QUARTER, { .quarter = "IV" }, "2023-12-31", "2023-12-31",
		    "quý IV on its last day" },
		{ DATES_QUARTER, { .quarter = "I" }, "2023-04-01", "2024-03-31",
		    "quý I once over is next year's" },
		{ DATES_QUARTER, { .rel = "next" }, "2023-11-02", "2024-03-31",
		    "next quarter across the year" },
		{ DATES_QUARTER, { .quarter = "5" }, "2023-11-02", NULL,
		    "quarter 5" },
		{ DATES_YEAR, { .half = "đầu" }, "2023-09-13", "2023-06-30",
		    "first half of R's year, even once over (a report)" },
		{ DATES_WEEK, { .rel = "này" }, "2023-12-31", "2023-12-31",
		    "this week on a Sunday is that Sunday" },
		{ DATES_WEEK, { .rel = "sau", .weekday = "2" }, "2023-12-31", "2024-01-01",
		    "thứ 2 tuần sau from a Sunday" },
		{ DATES_WEEKDAY, { .weekday = "Sáu" }, "2023-09-15", "2023-09-22",
		    "Friday from a Friday is a week on" },
		{ DATES_WEEKDAY, { .weekday = "thứ Bảy" }, "2023-09-15", "2023-09-16",
		    "thứ Bảy with its prefix" },
		{ DATES_WEEKDAY, { .weekday = "Caturday" }, "2023-09-15", NULL,
		    "no such weekday" },
		{ DATES_WITHIN, { .count = "1", .unit = "tháng" }, "2024-01-31", "2024-02-29",
		    "a month after 31 January" },
		{ DATES_WITHIN, { .count = "0", .unit = "ngày" }, "2024-01-31", NULL,
		    "within zero days" },
		{ DATES_BUSINESS, { .count = "5" }, "2023-12-29", "2024-01-05",
		    "5 business days from a Friday" },
		{ DATES_BUSINESS, { .count = "1" }, "2023-12-30", "2024-01-01",
		    "1 business day from a Saturday" },
		{ DATES_TET, { 0 }, "2024-02-09", "2024-02-09",
		    "trước Tết on Tết's eve is that day" },
		{ DATES_TET, { 0 }, "2101-01-01", NULL,
		    "Tết beyond the table" },
		{ DATES_PART, { .part = "hạ tuần", .month = "2", .year = "2024" }, "2024-01-01", "2024-02-29",
		    "hạ tuần of a leap February" },
		{ DATES_PART, { .part = "thượng tuần", .month = "10" }, "2024-10-25", "2025-10-10",
		    "thượng tuần already over" },
		{ DATES_WITHIN, { .count = "3", .unit = "weeks" }, "9999-12-21", NULL,
		    "3 weeks after 9999-12-21" },
		{ DATES_WITHIN, { .count = "1", .unit = "tuần" }, "9999-12-24", "9999-12-31",
		    "a week before the calendar ends" },
		{ DATES_DATE, { .day = "5", .month = "1" }, "9999-12-21", NULL,
		    "5 January after 9999-12-21" },
		{ DATES_MONTH, { .rel = "next" }, "9999-12-01", NULL,
		    "the month after December 9999" },
		{ DATES_BUSINESS, { .count = "5" }, "9999-12-30", NULL,
		    "5 business days from 9999-12-30" },
		{ DATES_WEEK, { .rel = "sau" }, "9999-12-28", NULL,
		    "next week from 9999-12-28" },
};

static void
normaliser(void)
{
	enum dates_kind k;

	ok(dates_kind("quarter", &k) && k == DATES_QUARTER, "kind by name");
	ok(!dates_kind("fortnight", &k), "unknown kind");
	for (size_t i = 0; i < sizeof resolve_cases / sizeof resolve_cases[0]; i++) {
		const struct resolve_case *rc = &resolve_cases[i];

		resolve(rc->kind, rc->parts, rc->ref, rc->want, rc->name);
	}
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
		    case_name(c->head.f[2], hb));
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
