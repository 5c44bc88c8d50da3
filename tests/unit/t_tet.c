/*
 * Unit tests of the Tết table: known dates of the Vietnamese Lunar New
 * Year, including years where Vietnam (UTC+7) and China (UTC+8) differ,
 * the table's bounds, and "the next Tết" around the turn of a year.
 */
#include "config.h"

#include "lib/cal.h"
#include "tap.h"
#include "core/tet.h"

/* Published Vietnamese calendar dates. */
static const struct ymd known[] = {
	{ 1990, 1, 27 }, { 2000, 2, 5 }, { 2008, 2, 7 }, { 2010, 2, 14 },
	{ 2020, 1, 25 }, { 2021, 2, 12 }, { 2022, 2, 1 }, { 2023, 1, 22 },
	{ 2024, 2, 10 }, { 2025, 1, 29 }, { 2026, 2, 17 }, { 2027, 2, 6 },
	{ 2028, 1, 26 },
	/* Vietnam a day before China: the new moon falls between 23:00 and
	 * midnight Beijing time, i.e. before midnight in Hanoi. */
	{ 2007, 2, 17 },	/* China: 2007-02-18 */
	{ 2030, 2, 2 },		/* China: 2030-02-03 */
};

static void
test_known(void)
{
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		struct ymd k = known[i], t = { 0, 0, 0 };
		bool found = tet_of_year(k.y, &t);

		ok(found && t.y == k.y && t.m == k.m && t.d == k.d,
		    "Tết %d is %d-%02d-%02d (table says %d-%02d-%02d)", k.y,
		    k.y, k.m, k.d, t.y, t.m, t.d);
	}
}

static void
test_bounds(void)
{
	struct ymd t;

	ok(!tet_of_year(1989, &t), "1989 is outside the table");
	ok(!tet_of_year(2101, &t), "2101 is outside the table");
	ok(tet_of_year(2100, &t) && t.y == 2100, "2100 is the last year");
}

/* Always 21 January to 20 February; a lunar year is 353-355 or 383-385
 * days long. */
static void
test_every_year(void)
{
	int bad = 0;

	for (int y = 1990; y <= 2100; y++) {
		struct ymd t, u;

		if (!tet_of_year(y, &t) || cal_cmp(t, (struct ymd){ y, 1, 21 }) < 0 ||
		    cal_cmp(t, (struct ymd){ y, 2, 20 }) > 0)
			bad++;
		if (y < 2100 && tet_of_year(y, &t) && tet_of_year(y + 1, &u)) {
			long len = cal_days(u) - cal_days(t);

			if (!((len >= 353 && len <= 355) || (len >= 383 && len <= 385)))
				bad++;
		}
	}
	is_int(bad, 0, "every year's Tết is in 21 Jan-20 Feb and years are 353-355 or 383-385 days");
}

static void
test_next(void)
{
	struct ymd t;

	ok(tet_next((struct ymd){ 2023, 11, 20 }, &t) && t.y == 2024 && t.m == 2 &&
	    t.d == 10, "next Tết after 2023-11-20 is 2024-02-10");
	ok(tet_next((struct ymd){ 2024, 1, 5 }, &t) && t.y == 2024 && t.m == 2,
	    "next Tết after 2024-01-05 is that year's");
	ok(tet_next((struct ymd){ 2024, 2, 10 }, &t) && t.y == 2025 && t.m == 1 &&
	    t.d == 29, "on Tết itself the next one is a year on");
	ok(!tet_next((struct ymd){ 2100, 3, 1 }, &t), "none after the table");
}

int
main(void)
{
	test_known();
	test_bounds();
	test_every_year();
	test_next();
	return tap_done();
}
