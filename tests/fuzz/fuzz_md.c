/*
 * Fuzz target for the Markdown minutes importer.  Whatever md_read makes
 * of the bytes, it must fail cleanly or give a meeting that md_write can
 * write; and since writing is canonical, what was written must read back
 * and write again to the very same bytes (SPEC section 8).  The templates
 * are the shipped ones, so the sections and tables are the real ones.
 */
#include "config.h"

#include <string.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "fuzz.h"
#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"

static struct tmpl_set set;

static void
load_templates(void)
{
	static char *dirs[] = { FUZZ_SHAREDIR "/templates", NULL };
	struct err e;

	if (set.n == 0)
		FUZZ_CHECK(tmpl_set_load_dirs(&set, dirs, &e) == 0, e.msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meeting m, r;
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct err e;

	load_templates();
	if (md_read((const char *)data, size, "fuzz", &set, &m, &e) != 0) {
		meeting_free(&m);
		return 0;
	}
	FUZZ_CHECK(md_write(&a, &m, &set, &e) == 0, e.msg);
	if (md_read(a.s, a.len, "again", &set, &r, &e) != 0) {
		fprintf(stderr, "%s\n--- written:\n%s", e.msg, a.s);
		FUZZ_CHECK(0, "what md_write wrote does not read back");
	}
	FUZZ_CHECK(md_write(&b, &r, &set, &e) == 0, e.msg);
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0) {
		fprintf(stderr, "--- first:\n%s--- second:\n%s", a.s, b.s);
		FUZZ_CHECK(0, "md_write of what it wrote gives other bytes");
	}
	meeting_free(&r);
	meeting_free(&m);
	buf_free(&a);
	buf_free(&b);
	return 0;
}
