/*
 * Fuzz target for the extractor over arbitrary meeting text, with the
 * shipped rules in each of their languages (vi, en, and auto, which picks
 * per text).  The first five bytes choose the language (0 vi, 1 en or
 * 2 auto, modulo 3) and the meeting's date (year - 1 in two bytes, big-
 * endian, then month - 1 and day - 1), since deadlines resolve against
 * it; the rest is the text.  Beyond not crashing, every span reported
 * must lie inside the text as given, and every due date must be a real
 * date.
 */
#include "config.h"

#include <string.h>

#include "extract/extract.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "fuzz.h"

static struct extractor *x[3];

static void
load_rules(void)
{
	static char *dirs[] = { FUZZ_SHAREDIR "/rules", NULL };
	static const char *const lang[3] = { "vi", "en", "auto" };
	struct err e;

	for (int i = 0; i < 3; i++)
		if (x[i] == NULL) {
			x[i] = extract_new_dirs(lang[i], dirs, &e);
			FUZZ_CHECK(x[i] != NULL, e.msg);
			FUZZ_CHECK(extract_problem(x[i], 0) == NULL,
			    extract_problem(x[i], 0));
		}
}

static void
check_due(struct ymd d)
{
	FUZZ_CHECK(cal_valid(d.y, d.m, d.d), "a due date that is no date");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_item *it;
	struct extract_deadline *dl;
	struct ymd ref;
	size_t n;
	struct err e;
	const char *text;

	load_rules();
	if (size < 5)
		return 0;
	/* Any date from year 1 to 9999, as the date field allows: the ends
	 * of the calendar are where counting goes wrong. */
	ref.y = 1 + (data[1] << 8 | data[2]) % 9999;
	ref.m = 1 + data[3] % 12;
	ref.d = 1 + data[4] % cal_mdays(ref.y, ref.m);
	text = (const char *)data + 5;
	size -= 5;
	if (extract_items(x[data[0] % 3], text, size, ref, &it, &n, &e) == 0) {
		for (size_t i = 0; i < n; i++) {
			FUZZ_CHECK(it[i].start <= it[i].end && it[i].end <= size,
			    "an item's span outside the text");
			FUZZ_CHECK(it[i].task != NULL, "an item without a task");
			if (it[i].has_due)
				check_due(it[i].due);
		}
		extract_items_free(it, n);
	}
	if (extract_deadlines(x[data[0] % 3], text, size, ref, &dl, &n,
	    &e) == 0) {
		for (size_t i = 0; i < n; i++) {
			FUZZ_CHECK(dl[i].start <= dl[i].end && dl[i].end <= size,
			    "a deadline's span outside the text");
			check_due(dl[i].due);
		}
		extract_deadlines_free(dl, n);
	}
	return 0;
}
