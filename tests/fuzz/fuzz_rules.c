/*
 * Fuzz target for the rule-file loader and for the extractor driven by
 * rules it did not ship with: a user's rules live in $XDG_CONFIG_HOME/
 * minutes/rules, and a bad line must become a listed problem, never a
 * crash.  The bytes before the first NUL are the rule file (named so it
 * serves both languages), the bytes after it the text matched against
 * whatever rules compiled.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/extract.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "fuzz.h"
#include "lib/xmalloc.h"

static char *dirs[2];
static char *path;

static void
make_dir(void)
{
	char dir[] = "/tmp/minutes-fuzz-XXXXXX";

	if (path)
		return;
	FUZZ_CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	dirs[0] = xstrdup(dir);
	path = xasprintf("%s/user.rules", dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t rlen = nul ? (size_t)(nul - data) : size;
	const char *text = nul ? (const char *)nul + 1 : "";
	size_t tlen = nul ? size - rlen - 1 : 0;
	struct ymd ref = { 2025, 3, 14 };
	struct extractor *x;
	struct extract_item *it;
	struct extract_deadline *dl;
	struct err e;
	size_t n;
	FILE *f;

	make_dir();
	FUZZ_CHECK((f = fopen(path, "w")) != NULL, "fopen");
	FUZZ_CHECK(fwrite(data, 1, rlen, f) == rlen && fclose(f) == 0, "write");
	if ((x = extract_new_dirs("auto", dirs, &e)) == NULL)
		return 0;
	for (size_t i = 0; extract_problem(x, i); i++)
		FUZZ_CHECK(strlen(extract_problem(x, i)) > 0, "an empty problem");
	if (extract_items(x, text, tlen, ref, &it, &n, &e) == 0) {
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK(it[i].start <= it[i].end && it[i].end <= tlen,
			    "an item's span outside the text");
		extract_items_free(it, n);
	}
	if (extract_deadlines(x, text, tlen, ref, &dl, &n, &e) == 0) {
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK(cal_valid(dl[i].due.y, dl[i].due.m,
			    dl[i].due.d), "a due date that is no date");
		extract_deadlines_free(dl, n);
	}
	extract_free(x);
	return 0;
}
